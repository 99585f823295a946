import { act, cleanup, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useIsOnline, useOnlineUsers, type OnlineUsersQuery } from '../../src'
import { FakeWebSocket } from '../client/fake-websocket'
import { FakeSocketProvider, presence } from './presence-harness'

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2030-01-01T00:00:00Z') })
})
afterEach(() => {
  cleanup()
  FakeWebSocket.reset()
  vi.useRealTimers()
})

const frame = () => act(() => vi.advanceTimersByTimeAsync(300))

async function online(options: OnlineUsersQuery) {
  const hook = renderHook(() => useOnlineUsers(options), { wrapper: FakeSocketProvider })
  await act(async () => {})
  const ws = FakeWebSocket.last
  expect(hook.result.current).toMatchObject({ isPending: true, data: undefined })
  act(() => ws.open())
  act(() =>
    ws.receive({
      type: 'online_users',
      onlineUsers: [
        presence(1, { username: 'me' }),
        presence(5, { username: 'carol' }),
        presence(3, { username: 'Alice', status: 'away' }),
        presence(4, { username: 'bob', status: 'dnd' }),
        presence(2, { username: 'alice' }),
        presence(6, { username: 'Émile' }),
      ],
    }),
  )
  await frame()
  return { ...hook, ws }
}

const names = (users: Array<{ username: string | null }>) => users.map((user) => user.username)

describe('useOnlineUsers', () => {
  it('sorted by username, case-insensitively; the caller left out; loading until the first snapshot', async () => {
    const { result } = await online({})
    expect(result.current.isPending).toBe(false)
    expect(names(result.current.data!.users)).toEqual(['alice', 'Alice', 'bob', 'carol', 'Émile'])
    expect(result.current.data!.total).toBe(5)
    expect(result.current.error).toBeNull()
  })

  it('includeSelf, and limit with the total before it ("+N more")', async () => {
    const { result } = await online({ includeSelf: true, limit: 2 })
    expect(names(result.current.data!.users)).toEqual(['alice', 'Alice'])
    expect(result.current.data!.total).toBe(6)
  })

  it('follows the store: a user going offline leaves the list; a change elsewhere keeps the same array', async () => {
    const { result, ws } = await online({})
    const before = result.current.data!.users
    act(() => ws.receive({ type: 'user.status.changed', user: presence(40, { status: 'offline' }) }))
    await frame()
    expect(result.current.data!.users).toBe(before)
    act(() => ws.receive({ type: 'user.status.changed', user: presence(4, { username: 'bob', status: 'offline' }) }))
    await frame()
    expect(names(result.current.data!.users)).toEqual(['alice', 'Alice', 'carol', 'Émile'])
  })
})

describe('useIsOnline', () => {
  it('true for online, away and dnd; false for offline and unknown users', async () => {
    const { result } = renderHook(() => [useIsOnline(2), useIsOnline(3), useIsOnline(4), useIsOnline(99)], { wrapper: FakeSocketProvider })
    await act(async () => {})
    act(() => FakeWebSocket.last.open())
    act(() => FakeWebSocket.last.receive({ type: 'online_users', onlineUsers: [presence(2), presence(3, { status: 'away' })] }))
    await frame()
    expect(result.current).toEqual([true, true, false, false])
  })
})
