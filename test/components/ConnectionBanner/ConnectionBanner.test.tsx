import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { UserStatusProvider, type UserStatusProviderProps } from '../../../src'
import { ConnectionBanner, type ConnectionBannerProps } from '../../../src/components/ConnectionBanner'
import { FakeWebSocket } from '../../client/fake-websocket'

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(1_700_000_000_000)
  FakeWebSocket.reset()
})
afterEach(() => {
  vi.useRealTimers()
})

const flush = () => act(() => vi.advanceTimersByTimeAsync(0))
const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms))

// A REST backend that answers every poll with nobody online.
const fetchNobody = vi.fn<typeof fetch>(async () =>
  Response.json({ success: true, onlineUsers: [], online_users: [] }),
)

function renderBanner(props: ConnectionBannerProps = {}, provider: Partial<UserStatusProviderProps> = {}) {
  render(
    <UserStatusProvider
      token="t"
      apiBaseUrl="http://mock.test"
      WebSocket={FakeWebSocket}
      fetch={fetchNobody}
      userId={1}
      endpoints={{ me: null, heartbeat: null, onlineFriends: null }}
      runtimeOptions={{
        // Every wait is its whole ceiling: 8 s, then 16 s, …; no fallback to polling.
        socket: { backoff: { baseMs: 8_000, capMs: 60_000 }, random: () => 0.999, pingIntervalMs: 0 },
        fallback: { maxFailedAttempts: 1_000, maxNotOpenMs: 3_600_000 },
      }}
      {...provider}
    >
      <ConnectionBanner {...props} />
    </UserStatusProvider>,
  )
  return document.querySelector<HTMLElement>('[data-slot="connection-banner"]')!
}

describe('ConnectionBanner', () => {
  it('hidden while connecting and while open; after a drop, a live countdown and Retry now', async () => {
    const banner = renderBanner({ className: 'mb-4' })
    await flush()
    expect(banner).toHaveAttribute('data-state', 'hidden')
    expect(banner).not.toHaveClass('mb-4')
    expect(screen.getByRole('status')).toBeEmptyDOMElement()
    act(() => FakeWebSocket.last.open())
    await flush()
    expect(banner).toHaveAttribute('data-state', 'hidden')

    act(() => FakeWebSocket.last.drop(1006))
    await flush()
    expect(banner).toHaveAttribute('data-state', 'reconnecting')
    expect(banner).toHaveClass('mb-4')
    expect(banner).toHaveTextContent('Reconnecting…next attempt in 8 sRetry now')
    // Only the message is in the live region: the countdown would be read out every second.
    expect(screen.getByRole('status')).toHaveTextContent(/^Reconnecting…$/)
    await advance(1_000)
    expect(banner).toHaveTextContent('next attempt in 7 s')
    await advance(3_000)
    expect(banner).toHaveTextContent('next attempt in 4 s')

    fireEvent.click(screen.getByRole('button', { name: 'Retry now' }))
    await flush()
    expect(FakeWebSocket.instances).toHaveLength(2)
    expect(banner).toHaveTextContent(/^Reconnecting…Retry now$/)
    act(() => FakeWebSocket.last.open())
    await flush()
    expect(banner).toHaveAttribute('data-state', 'hidden')
    expect(screen.queryByRole('button', { name: 'Retry now' })).toBeNull()
  })

  it('a refused attempt waits longer: the countdown starts again from the next ceiling', async () => {
    const banner = renderBanner()
    await flush()
    act(() => FakeWebSocket.last.drop(1006))
    await flush()
    expect(banner).toHaveTextContent('next attempt in 8 s')
    fireEvent.click(screen.getByRole('button', { name: 'Retry now' }))
    await flush()
    act(() => FakeWebSocket.last.drop(1006))
    await flush()
    expect(banner).toHaveTextContent('next attempt in 16 s')
  })

  it('says signed out when the socket is closed with 4401, without Retry now', async () => {
    const banner = renderBanner()
    await flush()
    act(() => FakeWebSocket.last.drop(4401, 'unauthorized'))
    await flush()
    expect(banner).toHaveAttribute('data-state', 'unauthorized')
    expect(screen.getByRole('status')).toHaveTextContent('Signed out: presence paused')
    expect(screen.queryByRole('button', { name: 'Retry now' })).toBeNull()
  })

  it('tells the polling interval while polling; Retry now polls at once', async () => {
    fetchNobody.mockClear()
    const banner = renderBanner({ hideWhenPolling: false }, { endpoints: { socket: null, me: null, heartbeat: null, onlineFriends: null }, pollIntervalMs: 5_000 })
    await flush()
    expect(banner).toHaveAttribute('data-state', 'polling')
    expect(screen.getByRole('status')).toHaveTextContent('Live updates paused — refreshing every 5 s')
    const polls = fetchNobody.mock.calls.length
    fireEvent.click(screen.getByRole('button', { name: 'Retry now' }))
    await flush()
    expect(fetchNobody.mock.calls.length).toBe(polls + 1)
  })

  it('a backend without a socket polls as its normal way: hidden by default, with the preset’s interval when shown', async () => {
    const banner = renderBanner({}, { backend: 'chat-list-activity', endpoints: {} })
    await flush()
    expect(banner).toHaveAttribute('data-state', 'hidden')
    expect(FakeWebSocket.instances).toHaveLength(0)
  })

  it('hideWhenPolling keeps it hidden while polling', async () => {
    const banner = renderBanner({ hideWhenPolling: true }, { endpoints: { socket: null, me: null, heartbeat: null, onlineFriends: null } })
    await flush()
    expect(banner).toHaveAttribute('data-state', 'hidden')
    expect(screen.getByRole('status')).toBeEmptyDOMElement()
  })

  it('hidden when signed out on purpose (no token)', async () => {
    const banner = renderBanner({}, { token: null })
    await flush()
    expect(banner).toHaveAttribute('data-state', 'hidden')
    expect(FakeWebSocket.instances).toHaveLength(0)
  })
})
