// The ConnectionBanner and the OnlineUsers card say the same thing at the same moment while presence is polled
// instead of pushed: the banner said "refreshing every 10 s", the card "refreshing every few seconds…". And while the
// polls fail (the browser offline: the store has a syncError), neither may claim "refreshing".
import { act, cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ar, es, UserStatusProvider, type Messages } from '../../src'
import { ConnectionBanner } from '../../src/components/ConnectionBanner'
import { OnlineUsers } from '../../src/components/OnlineUsers'
import { FakeWebSocket } from '../client/fake-websocket'
import { onlineRecord } from './OnlineUsers/fixtures'
import { withTestClock } from './provider-harness'

withTestClock()
afterEach(() => cleanup())

const flush = () => act(() => vi.advanceTimersByTimeAsync(0))
const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms))

const users = [onlineRecord(2, 'jane_smith'), onlineRecord(3, 'bob')]

function renderBoth(pollIntervalMs: number, messages?: Messages) {
  const network = { offline: false }
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    if (network.offline) throw new TypeError('Failed to fetch')
    const path = new URL(String(input instanceof Request ? input.url : input)).pathname
    if (path === '/api/chat/online-users/') return Response.json({ success: true, onlineUsers: users, online_users: users.map((user) => user.id) })
    return Response.json({ error: { code: 'not_found', message: 'no such route' } }, { status: 404 })
  })
  render(
    <UserStatusProvider
      token="t"
      apiBaseUrl="http://mock.test"
      WebSocket={FakeWebSocket}
      fetch={fetch}
      userId={1}
      messages={messages}
      endpoints={{ me: null, heartbeat: null, onlineFriends: null }}
      pollIntervalMs={pollIntervalMs}
      runtimeOptions={{
        // The socket never opens; polling takes over after its first failed attempt.
        socket: { backoff: { baseMs: 60_000, capMs: 60_000 }, random: () => 0.999, pingIntervalMs: 0 },
        fallback: { maxFailedAttempts: 1, maxNotOpenMs: 3_600_000 },
        heartbeat: { locks: null, BroadcastChannel: null },
      }}
    >
      <ConnectionBanner />
      <OnlineUsers />
    </UserStatusProvider>,
  )
  const banner = () => document.querySelector('[data-slot="connection-banner-message"]')?.textContent ?? null
  const card = () => document.querySelector('[data-slot="online-users-reconnecting"]')?.textContent ?? null
  return { network, banner, card }
}

async function pollingFallback() {
  await flush()
  act(() => FakeWebSocket.last.drop(1006)) // never opened: polling now
  await flush()
  await flush()
  expect(document.querySelector('[data-slot="connection-banner"]')).toHaveAttribute('data-state', 'polling')
  expect(document.querySelector('[data-slot="online-users"]')).toHaveAttribute('data-state', 'ready')
}

describe('the banner and the card while polling', () => {
  it('both tell the runtime’s interval; while the polls fail, both say so and neither says "refreshing"', async () => {
    const { network, banner, card } = renderBoth(7_000)
    await pollingFallback()
    expect(banner()).toBe('Live updates paused — refreshing every 7 s')
    expect(card()).toBe(banner())

    network.offline = true
    await advance(7_000)
    expect(banner()).toBe("Live updates paused — can't reach the server, trying again every 7 s")
    expect(card()).toBe(banner())
    expect(card()).not.toMatch(/refreshing/)

    // The next poll that succeeds: refreshing again (the users stayed on the card meanwhile).
    network.offline = false
    await advance(7_000)
    expect(banner()).toBe('Live updates paused — refreshing every 7 s')
    expect(card()).toBe(banner())
    expect(document.querySelectorAll('[data-slot="online-user"]')).toHaveLength(2)
  })

  it.each([
    ['Arabic', ar, /كل (٧|7) ث/u, /يجري التحديث/u],
    ['Spanish', es, /cada 7 s/, /se actualiza/],
  ] as const)('in %s too: the same words on both, with the interval; no "refreshing" while failing', async (_, messages, interval, refreshing) => {
    const { network, banner, card } = renderBoth(7_000, messages)
    await pollingFallback()
    expect(banner()).toMatch(interval)
    expect(banner()).toMatch(refreshing)
    expect(card()).toBe(banner())
    network.offline = true
    await advance(7_000)
    expect(banner()).toMatch(interval)
    expect(banner()).not.toMatch(refreshing)
    expect(card()).toBe(banner())
  })
})
