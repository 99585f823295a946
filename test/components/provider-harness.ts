import { afterEach, beforeEach, vi } from 'vitest'
import { FakeWebSocket } from '../client/fake-websocket'

/**
 * The clock and socket of the component tests that run a real provider: fake timers from a fixed instant
 * (`shouldAdvanceTime` for tests that drive a component with user-event), a fresh FakeWebSocket registry per test,
 * real timers again after it.
 */
export function withTestClock(options: { shouldAdvanceTime?: boolean } = {}) {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_700_000_000_000, ...options })
    FakeWebSocket.reset()
  })
  afterEach(() => {
    vi.useRealTimers()
  })
}

/**
 * A provider's `fetch` that answers `'<METHOD> <path>'` from `routes` and any other request with the contract's
 * 404 (`not_found`), as a backend without that route does.
 */
export function routeFetch(routes: Record<string, () => Response>) {
  return vi.fn<typeof fetch>(async (input, init) => {
    const key = `${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`
    return routes[key]?.() ?? Response.json({ error: { code: 'not_found', message: 'no such route' } }, { status: 404 })
  })
}
