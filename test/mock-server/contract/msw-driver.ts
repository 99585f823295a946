import { setupServer } from 'msw/node'
import { WebSocket as WsWebSocket } from 'ws'
import { MockBackend } from '../../../mock-server/backend'
import { createPresenceHandlers } from '../../../mock-server/msw'
import { createDriver, type BrowserLikeSocket, type Driver, type DriverOptions } from './driver'

export const MSW_ORIGIN = 'http://mock.test'

/**
 * The MSW handlers in process: `fetch` and `WebSocket` are intercepted, nothing listens on a port. Node 20 has no
 * global WebSocket and MSW only intercepts a global one, so the `ws` client is installed as the global first.
 */
export async function makeMswDriver(options: DriverOptions = {}): Promise<Driver> {
  const g = globalThis as { WebSocket?: unknown }
  if (g.WebSocket === undefined) g.WebSocket = WsWebSocket
  const { checkFrame, ...backendOptions } = options
  const backend = new MockBackend(backendOptions)
  const server = setupServer(...createPresenceHandlers(backend, { baseUrl: MSW_ORIGIN }))
  server.listen({ onUnhandledRequest: 'error' })
  return createDriver({
    kind: 'msw',
    origin: MSW_ORIGIN,
    rawFetch: (url, init) => fetch(url, init),
    openSocket: (url) => new (globalThis as unknown as { WebSocket: new (url: string) => BrowserLikeSocket }).WebSocket(url),
    dispose: async () => {
      server.close()
      backend.dispose()
    },
  }, checkFrame)
}
