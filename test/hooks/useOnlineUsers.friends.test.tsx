import { act, cleanup, renderHook } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useOnlineUsers } from '../../src'
import { login, setupMockBackend } from '../client/mock-backend'
import { recordRequests } from '../provider/helpers'
import { mswProvider } from './msw-provider'

const { backend, server } = setupMockBackend()

afterEach(() => {
  cleanup()
  server.events.removeAllListeners()
})

const until = (check: () => void) => vi.waitFor(check, { timeout: 5_000, interval: 5 })
const FRIENDS = 'GET /api/users/online/'

describe('useOnlineUsers({ filter: "friends" })', () => {
  it('friends only, learnt from /api/users/online/?filter=friends; asks again when someone unknown comes online', async () => {
    const requests = recordRequests(server)
    const { access } = await login('john_doe')
    const { result } = renderHook(() => useOnlineUsers({ filter: 'friends' }), { wrapper: mswProvider(access) })
    expect(result.current.isPending).toBe(true)
    await until(() => expect(result.current.isPending).toBe(false))
    expect(result.current.data!.users.map((u) => u.username)).toEqual(['emma_johnson', 'li_wei', 'maria_garcia', 'olivia_brown', 'priya_patel'])
    expect(requests.count(FRIENDS)).toBe(1)

    // zoe_nguyen (24) is a friend who was offline: unknown until asked again.
    act(() => backend.applyPresence(24, 'online'))
    await until(() => expect(result.current.data!.users.map((u) => u.username)).toContain('zoe_nguyen'))
    expect(requests.count(FRIENDS)).toBe(2)

    // yusuf_demir (13) is not a friend: asked about once, then known.
    act(() => backend.applyPresence(13, 'online'))
    await until(() => expect(requests.count(FRIENDS)).toBe(3))
    expect(result.current.data!.users.map((u) => u.username)).not.toContain('yusuf_demir')
    act(() => backend.applyPresence(13, 'away'))
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(requests.count(FRIENDS)).toBe(3)

    // The store stays the source of live status: a friend going offline leaves at once, with no request.
    act(() => backend.applyPresence(4, 'offline'))
    await until(() => expect(result.current.data!.users.map((u) => u.username)).not.toContain('maria_garcia'))
    expect(requests.count(FRIENDS)).toBe(3)
    expect(result.current.data!.total).toBe(5)
  })

  it('a backend without the friends list (chat-socket) is unavailable: one state, no error, no loading', async () => {
    const { access } = await login('john_doe')
    const { UserStatusProvider } = await import('../../src')
    const { BASE_URL } = await import('../client/mock-backend')
    const { result } = renderHook(() => useOnlineUsers({ filter: 'friends' }), {
      wrapper: ({ children }) => (
        <UserStatusProvider token={access} apiBaseUrl={BASE_URL} backend="chat-socket" userId={3}>
          {children}
        </UserStatusProvider>
      ),
    })
    await until(() => expect(result.current.isUnavailable).toBe(true))
    expect(result.current).toMatchObject({ data: { users: [] }, isPending: false, error: null })
  })
})
