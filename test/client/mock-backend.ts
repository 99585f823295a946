import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { MockBackend, type MockBackendOptions } from '../../mock-server/backend'
import { createPresenceHandlers } from '../../mock-server/msw'

export const BASE_URL = 'http://mock.test'
export const WS_URL = 'ws://mock.test/ws/user-status/'

/** One mock backend behind MSW for a test file; reset after each test. */
export function setupMockBackend(options: MockBackendOptions = {}) {
  const backend = new MockBackend(options)
  const server = setupServer(...createPresenceHandlers(backend, { baseUrl: BASE_URL }))
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => {
    server.resetHandlers()
    backend.reset()
  })
  afterAll(() => {
    server.close()
    backend.dispose()
  })
  return { backend, server }
}

export interface Login {
  access: string
  refresh: string
  user: { id: number; username: string }
}

/** Logs in through the mock's REST API. */
export async function login(username = 'john_doe'): Promise<Login> {
  const response = await fetch(`${BASE_URL}/api/auth/login/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'password' }),
  })
  if (!response.ok) throw new Error(`login failed: ${response.status}`)
  return (await response.json()) as Login
}
