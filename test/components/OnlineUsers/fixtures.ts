import { afterEach, beforeEach, vi } from 'vitest'
import { FakeWebSocket } from '../../client/fake-websocket'

/** One online user as the contract's socket and REST lists carry it (camelCase, every field given). */
export const onlineRecord = (id: number, username: string, lastSeen = '2023-11-14T22:00:00Z') => ({
  id,
  username,
  profileImage: null,
  isOnline: true,
  status: 'online',
  statusMessage: null,
  lastSeen,
})

/**
 * The card tests' clock and socket: fake timers from a fixed instant (`shouldAdvanceTime` for tests that drive the
 * card with user-event), a fresh FakeWebSocket registry per test, real timers again after it.
 */
export function withCardTestClock(options: { shouldAdvanceTime?: boolean } = {}) {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_700_000_000_000, ...options })
    FakeWebSocket.reset()
  })
  afterEach(() => {
    vi.useRealTimers()
  })
}

/**
 * A provider's props for a contract backend without a socket (the REST list only), signed in as user 1, serving
 * `users`: no network, no tab election, so that the card's browser tests run the real provider on its own.
 */
export function restOnlyBackend(users: ReadonlyArray<ReturnType<typeof onlineRecord>>) {
  const fetch = async (input: RequestInfo | URL) => {
    const path = new URL(String(input instanceof Request ? input.url : input)).pathname
    if (path === '/api/chat/online-users/') return Response.json({ success: true, onlineUsers: users, online_users: users.map((user) => user.id) })
    if (path === '/api/chat/heartbeat/') return Response.json({ message: 'Heartbeat recorded', online_status: 'online' })
    return Response.json({ error: { code: 'not_found', message: 'no such route' } }, { status: 404 })
  }
  return {
    token: 't',
    apiBaseUrl: 'http://card.test',
    userId: 1,
    endpoints: { socket: null },
    fetch,
    runtimeOptions: { heartbeat: { locks: null, BroadcastChannel: null } },
  }
}
