import { createApp as createHonoApp } from './app'
import type { MockBackend } from './backend'

export { MockBackend, type MockBackendOptions, type ControlStatus } from './backend'
export { openSession, type Session } from './session'
export type { SocketLike } from './hub'
export { CAST, DEMO_PASSWORD } from './core/cast'
export { BACKEND_NAMES, type BackendName } from './modes'

/** What any runtime's HTTP server, a service worker or a test calls with each request. */
export interface FetchHandler {
  fetch(request: Request): Response | Promise<Response>
}

/**
 * The mock backend's REST routes and controls as a fetch handler (the WebSocket is `openSession`'s).
 * Typed as a plain fetch handler: the HTTP framework underneath is bundled, not a dependency of your app.
 *
 * @example
 * import { MockBackend, createApp } from 'presence-kit/mock'
 *
 * const app = createApp(new MockBackend())
 * const response = await app.fetch(new Request('http://localhost/api/openapi.json'))
 */
export const createApp: (backend: MockBackend) => FetchHandler = createHonoApp
