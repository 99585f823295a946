import { http, ws, type HttpHandler, type WebSocketHandler } from 'msw'
import { createApp } from './app'
import type { MockBackend } from './backend'
import { openSession } from './session'

export interface MswHandlerOptions {
  /**
   * The origin the client calls, e.g. `http://localhost:8000`, and the base of absolute links unless the backend
   * has a `publicUrl`. Default: any origin, and links on the origin each request was made to.
   */
  baseUrl?: string
}

/**
 * The mock backend as MSW 2 handlers, HTTP and WebSocket, for tests and stories. Its own entry,
 * `presence-kit/mock/msw`, so that only apps that use MSW need it installed.
 *
 * @example
 * import { MockBackend } from 'presence-kit/mock'
 * import { createPresenceHandlers } from 'presence-kit/mock/msw'
 * import { setupServer } from 'msw/node'
 *
 * const backend = new MockBackend()
 * const server = setupServer(...createPresenceHandlers(backend, { baseUrl: 'http://localhost:8000' }))
 */
export function createPresenceHandlers(
  backend: MockBackend,
  options: MswHandlerOptions = {},
): Array<HttpHandler | WebSocketHandler> {
  const base = options.baseUrl?.replace(/\/$/, '') ?? '*'
  const wsBase = base === '*' ? '*' : base.replace(/^http/, 'ws')
  // In process, a request's URL is the one the page itself called: with no base, links follow it.
  const linkBase = (url: string) => backend.publicUrl ?? (base === '*' ? new URL(url).origin : base)
  const app = createApp(backend, { publicUrl: (request) => linkBase(request.url) })
  const forward = ({ request }: { request: Request }) => app.fetch(request)

  const served: readonly string[] = backend.mode.socket?.paths ?? []
  // MSW matches a path with or without its trailing slash: one link per path, or a connection opens two sessions.
  const sockets = served.map((path) => {
    const link = ws.link(`${wsBase}${path}`)
    return link.addEventListener('connection', ({ client }) => {
      const origin = linkBase(client.url.href.replace(/^ws/, 'http'))
      const session = openSession(
        backend,
        { send: (data) => client.send(data), close: (code, reason) => client.close(code, reason) },
        client.url,
        origin,
      )
      client.addEventListener('message', (event) => session.receive(event.data))
      client.addEventListener('close', () => session.closed())
    })
  })

  // Any other /ws/ path (every one, for a backend without a socket) fails as a refused handshake does in a
  // browser: an error, then a close with 1006, never an open. Without this, MSW would open any URL once some
  // WebSocket handler exists.
  const refused = ws.link(`${wsBase}/ws/*`).addEventListener('connection', ({ client }) => {
    if (served.includes(client.url.pathname.replace(/\/$/, ''))) return
    // The client's own WebSocket object (public on MSW's connection, absent from its protocol type).
    ;(client as { socket?: EventTarget }).socket?.dispatchEvent(new Event('error'))
    client.close(1006, 'no WebSocket at this path')
  })

  return [
    http.all(`${base}/api/*`, forward),
    http.all(`${base}/__mock__/*`, forward),
    http.all(`${base}/avatars/*`, forward),
    ...sockets,
    refused,
  ]
}
