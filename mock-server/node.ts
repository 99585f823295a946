import type { IncomingMessage } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'
import { WebSocketServer, type WebSocket } from 'ws'
import { createApp } from './app'
import { MockBackend, type MockBackendOptions } from './backend'
import { MAX_FRAME_BYTES, openSession } from './session'
import { Backlog } from './ws-backlog'

export interface MockServerOptions extends MockBackendOptions {
  /** Default 8000; 0 picks a free port. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /**
   * Protocol-level ping interval in ms; a socket that has not answered the previous ping is dropped. Only a pong
   * that echoes the server's own ping counts (an unsolicited pong does not). Default 15 000.
   */
  pingIntervalMs?: number
}

export interface RunningMockServer {
  url: string
  /** The base of absolute links (`profileImage`): `publicUrl` when given, else the listening address. */
  publicUrl: string
  port: number
  backend: MockBackend
  close(): Promise<void>
}

/** The contract's socket paths; a backend mode serves its own (`backend.mode.socket`), or none. */
export const WEBSOCKET_PATHS = ['/ws/user-status', '/ws/chat']

const wsPath = (pathname: string) => pathname.replace(/\/$/, '')

const UNSPECIFIED = new Set(['0.0.0.0', '::', '[::]', ''])

/** How long a peer has to answer the server's close before its connection is reset. */
const CLOSE_GRACE_MS = 2000

/**
 * Closes with a close frame, which a peer that does not read never reaches (it waits behind its backlog): such a
 * connection is reset after a grace period, which frees the kernel's buffers at once.
 */
function closeOrReset(ws: WebSocket, socket: Socket, code: number, reason: string): void {
  ws.close(code, reason)
  const timer = setTimeout(() => {
    if (ws.readyState !== ws.CLOSED) socket.resetAndDestroy()
  }, CLOSE_GRACE_MS)
  timer.unref()
  ws.once('close', () => clearTimeout(timer))
}

/** Starts the mock backend as a real HTTP + WebSocket server. */
export async function startMockServer(options: MockServerOptions = {}): Promise<RunningMockServer> {
  const backend = new MockBackend(options)
  // Known once listening; no request arrives before. Links never follow a request's Host header (section 6.5).
  let publicUrl = ''
  const app = createApp(backend, { publicUrl: () => publicUrl })
  const server = createAdaptorServer({ fetch: app.fetch })
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES })
  const backlogs = new WeakMap<WebSocket, Backlog>()
  const socketPaths: readonly string[] = backend.mode.socket?.paths ?? []

  server.on('upgrade', (request: IncomingMessage, socket, head) => {
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`)
    // A backend without a socket, or a path it does not serve: the handshake is refused, no socket is accepted.
    if (!socketPaths.includes(wsPath(url.pathname))) {
      socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n')
      return
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      const backlog = new Backlog(ws)
      backlogs.set(ws, backlog)
      ws.on('error', () => ws.terminate())
      const session = openSession(
        backend,
        {
          send: (data) => {
            ws.send(data)
            backlog.sent(Buffer.byteLength(data))
          },
          close: (code, reason) => closeOrReset(ws, socket as Socket, code, reason),
          // Unsent is unread: in the process's queue, the kernel's buffers or on the wire (section 6.5).
          get bufferedAmount() {
            return backlog.unread
          },
        },
        url,
        publicUrl,
      )
      ws.on('message', (data, isBinary) => {
        const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer)
        session.receive(isBinary ? bytes : bytes.toString('utf8'))
      })
      ws.on('close', () => session.closed())
    })
  })

  const pings = setInterval(() => {
    for (const ws of wss.clients) if (!backlogs.get(ws)?.beat()) ws.terminate()
  }, options.pingIntervalMs ?? 15_000)

  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 8000, host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  // A wildcard address is no place to fetch from (browsers refuse 0.0.0.0): links then name this machine.
  publicUrl = backend.publicUrl ?? (UNSPECIFIED.has(host) ? `http://localhost:${port}` : url)

  return {
    url,
    publicUrl,
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
