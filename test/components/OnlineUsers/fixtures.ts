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
