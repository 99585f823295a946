import type { IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'
import { WebSocketServer, type WebSocket } from 'ws'
import { createApp } from './app'
import { MockBackend, type MockBackendOptions } from './backend'
import { MAX_FRAME_BYTES, openSession } from './session'

export interface MockServerOptions extends MockBackendOptions {
  /** Default 8000; 0 picks a free port. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** Protocol-level ping interval in ms; a socket that missed the previous pong is dropped. Default 15 000. */
  pingIntervalMs?: number
}

export interface RunningMockServer {
  url: string
  port: number
  backend: MockBackend
  close(): Promise<void>
}

/** The contract's socket paths; a backend mode serves its own (`backend.mode.socket`), or none. */
export const WEBSOCKET_PATHS = ['/ws/user-status', '/ws/chat']

const wsPath = (pathname: string) => pathname.replace(/\/$/, '')

/** Starts the mock backend as a real HTTP + WebSocket server. */
export async function startMockServer(options: MockServerOptions = {}): Promise<RunningMockServer> {
  const backend = new MockBackend(options)
  const app = createApp(backend)
  const server = createAdaptorServer({ fetch: app.fetch })
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES })
  const alive = new WeakMap<WebSocket, boolean>()
  const socketPaths: readonly string[] = backend.mode.socket?.paths ?? []

  server.on('upgrade', (request: IncomingMessage, socket, head) => {
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`)
    // A backend without a socket, or a path it does not serve: the handshake is refused, no socket is accepted.
    if (!socketPaths.includes(wsPath(url.pathname))) {
      socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n')
      return
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      alive.set(ws, true)
      ws.on('pong', () => alive.set(ws, true))
      ws.on('error', () => ws.terminate())
      const session = openSession(
        backend,
        { send: (data) => ws.send(data), close: (code, reason) => ws.close(code, reason) },
        url,
        url.origin,
      )
      ws.on('message', (data, isBinary) => {
        const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer)
        session.receive(isBinary ? bytes : bytes.toString('utf8'))
      })
      ws.on('close', () => session.closed())
    })
  })

  const pings = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.get(ws)) {
        ws.terminate()
        continue
      }
      alive.set(ws, false)
      ws.ping()
    }
  }, options.pingIntervalMs ?? 15_000)

  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 8000, host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`

  return {
    url,
    port,
    backend,
    close: async () => {
      clearInterval(pings)
      backend.dispose()
      for (const ws of wss.clients) ws.terminate()
      wss.close()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
