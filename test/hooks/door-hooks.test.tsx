// The public hooks the components read the provider through (hooks are the only door): the server clock, the
// session, relative times, many users' online flags, and whether a provider is there at all.
import { act, cleanup, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useHasPresenceProvider, useIsOnlineMany, usePresenceSession, useRelativeTime, useServerClock } from '../../src'
import { FakeWebSocket } from '../client/fake-websocket'
import { captured, FakeSocketProvider, OfflineProvider, presence } from './presence-harness'

const SERVER_NOW = Date.parse('2030-06-15T12:00:00Z')
const MINUTE = 60_000
const HOUR = 60 * MINUTE
const frame = () => act(() => vi.advanceTimersByTimeAsync(300))

beforeEach(() => {
  vi.useFakeTimers({ now: SERVER_NOW })
})
afterEach(() => {
  cleanup()
  FakeWebSocket.reset()
  vi.useRealTimers()
})

async function connected<T>(use: () => T) {
  const hook = renderHook(use, { wrapper: FakeSocketProvider })
  await act(async () => {})
  const ws = FakeWebSocket.last
  act(() => ws.open())
  return { ...hook, ws }
}

describe('useServerClock', () => {
  it('the offset measured from the pongs, and the server time now', async () => {
    vi.setSystemTime(SERVER_NOW - HOUR) // this device's clock is an hour behind the server's
    const { result, ws } = await connected(() => useServerClock())
    expect(result.current.offset).toBe(0)
    act(() => ws.receive({ type: 'pong', ts: new Date(SERVER_NOW).toISOString() }))
    expect(result.current.offset).toBe(HOUR)
    expect(result.current.now()).toBe(SERVER_NOW)
  })
})

describe('useRelativeTime', () => {
  it('"2 minutes ago" on the server clock, kept current; null for null', async () => {
    const { result } = renderHook(() => [useRelativeTime(SERVER_NOW - 2 * MINUTE), useRelativeTime(null)], { wrapper: OfflineProvider })
    expect(result.current).toEqual(['2 minutes ago', null])
    await act(() => vi.advanceTimersByTimeAsync(MINUTE))
    expect(result.current).toEqual(['3 minutes ago', null])
  })
})

describe('usePresenceSession', () => {
  it('running, the signed-in user, and synced once the first list arrives', async () => {
    const { result, ws } = await connected(() => usePresenceSession())
    expect(result.current).toEqual({ lifecycle: 'running', userId: '1', synced: false, authError: null, signedOut: false })
    act(() => ws.receive({ type: 'online_users', onlineUsers: [presence(2)] }))
    await frame()
    expect(result.current).toMatchObject({ lifecycle: 'running', synced: true })
  })

  it('stopped without a token', () => {
    const { result } = renderHook(() => usePresenceSession(), { wrapper: OfflineProvider })
    expect(result.current).toMatchObject({ lifecycle: 'stopped', userId: null, synced: false, signedOut: true })
  })
})

describe('useIsOnlineMany', () => {
  it('true / false / null (unknown) per id; the same array until an answer changes', async () => {
    const { result, ws } = await connected(() => useIsOnlineMany(IDS))
    act(() => ws.receive({ type: 'online_users', onlineUsers: [presence(2), presence(3, { status: 'away' })] }))
    await frame()
    expect(result.current).toEqual([true, true, null])
    const before = result.current
    // Online to dnd, or a new message: still online, nothing to re-render.
    act(() => ws.receive({ type: 'user.status.changed', user: presence(2, { status: 'dnd', statusMessage: 'focus' }) }))
    await frame()
    expect(result.current).toBe(before)
    act(() => ws.receive({ type: 'user.status.changed', user: presence(3, { status: 'offline' }) }))
    await frame()
    expect(result.current).toEqual([true, false, null])
  })
})
const IDS = [2, '3', 99]

describe('useIsOnlineMany, per user', () => {
  it('a change to someone not asked about is not even looked at (it subscribes to these users alone)', async () => {
    const { result, ws } = await connected(() => useIsOnlineMany(IDS))
    act(() => ws.receive({ type: 'online_users', onlineUsers: [presence(2), presence(40)] }))
    await frame()
    expect(result.current).toEqual([true, null, null])
    const get = vi.spyOn(captured.runtime!.store.users, 'get')
    act(() => ws.receive({ type: 'user.status.changed', user: presence(40, { status: 'offline' }) }))
    await frame()
    expect(get).not.toHaveBeenCalled()
    act(() => ws.receive({ type: 'user.status.changed', user: presence(2, { status: 'offline' }) }))
    await frame()
    expect(get).toHaveBeenCalled()
    expect(result.current).toEqual([false, null, null])
  })
})

describe('useHasPresenceProvider', () => {
  it('false outside a provider (never throws), true inside', () => {
    expect(renderHook(() => useHasPresenceProvider()).result.current).toBe(false)
    expect(renderHook(() => useHasPresenceProvider(), { wrapper: OfflineProvider }).result.current).toBe(true)
  })
})
