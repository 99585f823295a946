import { act, cleanup, renderHook } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useActivity } from '../../src'
import { login, setupMockBackend } from '../client/mock-backend'
import { recordRequests } from '../provider/helpers'
import { mswProvider } from './msw-provider'

const { backend, server } = setupMockBackend()

afterEach(() => {
  cleanup()
  server.events.removeAllListeners()
})

const until = (check: () => void) => vi.waitFor(check, { timeout: 5_000, interval: 5 })
const ACTIVITY = 'GET /api/users/activity/'

describe('useActivity', () => {
  it('the timeline, fetched again (once) after the store sees status changes', async () => {
    const requests = recordRequests(server)
    const { access } = await login('john_doe')
    const { result } = renderHook(() => useActivity({ limit: 5, refetchDelayMs: 100 }), { wrapper: mswProvider(access) })
    await until(() => expect(result.current.data).toBeDefined())
    expect(requests.count(ACTIVITY)).toBe(1)
    act(() => {
      backend.applyPresence(13, 'online')
      backend.applyPresence(16, 'online')
    })
    await until(() =>
      expect(result.current.data!.slice(0, 2).map((entry) => `${entry.user.username} ${entry.event}`).sort()).toEqual([
        'hana_tanaka online',
        'yusuf_demir online',
      ]),
    )
    await new Promise((resolve) => setTimeout(resolve, 250))
    expect(requests.count(ACTIVITY)).toBe(2)
    // A message change is not an activity entry: no refetch.
    act(() => backend.presence.setStatus(13, { statusMessage: 'hi' }))
    await new Promise((resolve) => setTimeout(resolve, 250))
    expect(requests.count(ACTIVITY)).toBe(2)
  })

  it('friends filter goes to the server', async () => {
    const requests = recordRequests(server)
    server.events.on('request:start', ({ request }) => {
      if (request.url.includes('/activity/')) requests.seen.push(new URL(request.url).search)
    })
    const { access } = await login('john_doe')
    const { result } = renderHook(() => useActivity({ filter: 'friends', limit: 3 }), { wrapper: mswProvider(access) })
    await until(() => expect(result.current.data).toBeDefined())
    expect(requests.seen).toContain('?limit=3&filter=friends')
  })
})
