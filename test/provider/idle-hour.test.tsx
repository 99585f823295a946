import { act, cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { UserStatusProvider, useOnlineUsers, useUserStatus } from '../../src'
import { FakeWebSocket } from '../client/fake-websocket'
import { BASE_URL, login, setupMockBackend } from '../client/mock-backend'
import { HealthyWebSocket, recordRequests } from './helpers'

// Tokens that outlive the simulated hour: a refresh is the app's business, not the kit's.
const { server } = setupMockBackend({ tokenTtlSeconds: 24 * 3600 })

afterEach(() => {
  cleanup()
  vi.useRealTimers()
  server.events.removeAllListeners()
})

function Page() {
  const users = useOnlineUsers().data?.users ?? []
  useUserStatus(2)
  return <p>{users.length}</p>
}

describe('an idle client with a healthy socket', () => {
  it('makes 1 request for itself, 30 heartbeats and no poll per hour (and pings over the socket)', async () => {
    const { access } = await login('john_doe')
    FakeWebSocket.reset()
    vi.useFakeTimers({ now: Date.now() })
    const requests = recordRequests(server)
    render(
      <UserStatusProvider token={access} apiBaseUrl={BASE_URL} WebSocket={HealthyWebSocket}>
        <Page />
      </UserStatusProvider>,
    )
    const HOUR = 3_600_000
    // Just short of the hour: the beat due at 60:00 belongs to the next one.
    await act(() => vi.advanceTimersByTimeAsync(HOUR - 1))
    const byPath: Record<string, number> = {}
    for (const entry of requests.seen) byPath[entry] = (byPath[entry] ?? 0) + 1
    const socketFrames = FakeWebSocket.instances.reduce((sum, ws) => sum + ws.sent.length, 0)
    console.log(
      `[idle hour] HTTP requests: ${requests.seen.length} ${JSON.stringify(byPath)}; ` +
        `sockets opened: ${FakeWebSocket.instances.length}; frames sent (pings): ${socketFrames}`,
    )
    // No input for an hour: after 10 minutes the user is reported idle, once (contract 6.1), and never again.
    expect(byPath).toEqual({ 'GET /api/users/me/': 1, 'POST /api/chat/heartbeat/': 30, 'PATCH /api/users/me/status/': 1 })
    expect(FakeWebSocket.instances).toHaveLength(1)
    expect(FakeWebSocket.last.pings).toBe(120) // one at open, then every 30 s
  })
})
