import { act, cleanup, render, renderHook, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { formatLastSeen, useLastSeen } from '../../src'
import { FakeWebSocket } from '../client/fake-websocket'
import { captured, FakeSocketProvider, offline, OfflineProvider, presence } from './presence-harness'

const SERVER_NOW = Date.parse('2030-06-15T12:00:00Z')
const MINUTE = 60_000
const HOUR = 60 * MINUTE

afterEach(() => {
  cleanup()
  vi.useRealTimers()
  FakeWebSocket.reset()
})

function LastSeen({ id, locale }: { id: number; locale?: string }) {
  const text = useLastSeen(id, { locale })
  return <li data-testid={`seen-${id}`}>{text ?? '—'}</li>
}
const text = (id: number) => screen.getByTestId(`seen-${id}`).textContent

describe('useLastSeen', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: SERVER_NOW })
  })

  it('all mounted instances share one timer, which stops with the last of them', async () => {
    const ids = Array.from({ length: 50 }, (_, i) => i + 2)
    const { unmount } = render(
      <OfflineProvider>
        <ul>{ids.map((id) => <LastSeen key={id} id={id} />)}</ul>
      </OfflineProvider>,
    )
    await act(async () => {})
    expect(vi.getTimerCount()).toBe(0)
    act(() => captured.runtime!.store.getState().applyChanges(ids.map((id) => offline(id, SERVER_NOW - id * MINUTE))))
    expect(text(2)).toBe('2 minutes ago')
    expect(text(51)).toBe('51 minutes ago')
    expect(vi.getTimerCount()).toBe(1)
    await act(() => vi.advanceTimersByTimeAsync(10 * MINUTE))
    expect(text(2)).toBe('12 minutes ago')
    expect(text(51)).toBe('1 hour ago')
    expect(vi.getTimerCount()).toBe(1)
    unmount()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('a client clock an hour wrong still says "2 minutes ago" (the server clock, from the pongs)', async () => {
    // This device's clock is an hour behind the server's.
    vi.setSystemTime(SERVER_NOW - HOUR)
    render(
      <FakeSocketProvider>
        <LastSeen id={2} />
      </FakeSocketProvider>,
    )
    await act(async () => {})
    const ws = FakeWebSocket.last
    act(() => ws.open()) // pings at once
    act(() => ws.receive({ type: 'pong', ts: new Date(SERVER_NOW).toISOString() }))
    expect(captured.runtime!.store.getState().connection.serverOffset).toBe(HOUR)
    act(() => ws.receive({ type: 'online_users', onlineUsers: [] }))
    act(() => ws.receive({ type: 'user.status.changed', user: presence(2, { status: 'offline', lastSeen: new Date(SERVER_NOW - 2 * MINUTE).toISOString() }) }))
    await act(() => vi.advanceTimersByTimeAsync(300))
    expect(text(2)).toBe('2 minutes ago')
    // Without the offset the same record reads as the future: "just now".
    expect(formatLastSeen(SERVER_NOW - 2 * MINUTE, Date.now(), 'en')).toBe('just now')
  })

  it('lives: "just now" turns into "1 minute ago" at 45 s', async () => {
    render(
      <OfflineProvider>
        <LastSeen id={2} />
      </OfflineProvider>,
    )
    await act(async () => {})
    act(() => captured.runtime!.store.getState().applyChanges([offline(2, SERVER_NOW - 10_000)]))
    expect(text(2)).toBe('just now')
    await act(() => vi.advanceTimersByTimeAsync(34_999))
    expect(text(2)).toBe('just now')
    await act(() => vi.advanceTimersByTimeAsync(1))
    expect(text(2)).toBe('1 minute ago')
  })

  it('speaks the locale', async () => {
    render(
      <OfflineProvider>
        <LastSeen id={2} locale="de" />
        <LastSeen id={3} locale="fr" />
      </OfflineProvider>,
    )
    await act(async () => {})
    act(() =>
      captured.runtime!.store.getState().applyChanges([
        offline(2, SERVER_NOW - 2 * MINUTE),
        offline(3, SERVER_NOW - 26 * HOUR),
      ]),
    )
    expect(text(2)).toBe('vor 2 Minuten')
    expect(text(3)).toBe('hier')
  })

  it('null while online, for an unknown user, and for a user never seen; no timer then', async () => {
    const { result } = renderHook(() => [useLastSeen(2), useLastSeen(3), useLastSeen(99)], { wrapper: OfflineProvider })
    await act(async () => {})
    act(() =>
      captured.runtime!.store.getState().applyChanges([
        { ...offline(2, SERVER_NOW - 5 * MINUTE), status: 'online' },
        offline(3, null),
      ]),
    )
    expect(result.current).toEqual([null, null, null])
    expect(vi.getTimerCount()).toBe(0)
  })
})
