import { act, cleanup, renderHook } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useHeartbeat } from '../../src'
import { login, setupMockBackend } from '../client/mock-backend'
import { recordRequests } from '../provider/helpers'
import { mswProvider } from './msw-provider'

const { server } = setupMockBackend()

afterEach(() => {
  cleanup()
  server.events.removeAllListeners()
})

const until = (check: () => void) => vi.waitFor(check, { timeout: 5_000, interval: 5 })

describe('useHeartbeat', () => {
  it('inside the provider: several consumers, one heartbeat (the provider’s)', async () => {
    const requests = recordRequests(server)
    const { access } = await login('john_doe')
    const { result } = renderHook(() => [useHeartbeat(), useHeartbeat(), useHeartbeat({ enabled: true })], { wrapper: mswProvider(access) })
    await until(() => expect(result.current[0]).toMatchObject({ state: 'beating', isLeader: true }))
    expect(result.current[0]!.lastBeatAt).toBeTypeOf('number')
    expect(result.current[1]).toEqual(result.current[0])
    expect(result.current[2]).toEqual(result.current[0])
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(requests.count('POST /api/chat/heartbeat/')).toBe(1)
  })

  it('inside the provider: an option for another heartbeat throws instead of being ignored', async () => {
    const { access } = await login('john_doe')
    const wrapper = mswProvider(access)
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      expect(() => renderHook(() => useHeartbeat({ intervalMs: 1_000 }), { wrapper })).toThrow(/intervalMs applies only without a provider/)
      expect(() => renderHook(() => useHeartbeat({ endpoint: '/app/heartbeat/' }), { wrapper })).toThrow(/endpoint applies only without a provider/)
      expect(() => renderHook(() => useHeartbeat({ enabled: false }), { wrapper })).toThrow(/enabled: false applies only without a provider/)
    } finally {
      quiet.mockRestore()
    }
  })

  it('without a provider, given an endpoint (seed 002’s own route, cookie auth): one heartbeat for all callers', async () => {
    const beats = vi.fn()
    server.use(
      http.post('http://app.test/api/chat/heartbeat/', () => {
        beats()
        return HttpResponse.json({ message: 'Heartbeat recorded' })
      }),
    )
    const endpoint = 'http://app.test/api/chat/heartbeat/'
    const { result, unmount } = renderHook(() => [useHeartbeat({ endpoint }), useHeartbeat({ endpoint }), useHeartbeat({ endpoint })])
    await until(() => expect(result.current[0]).toMatchObject({ state: 'beating' }))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(beats).toHaveBeenCalledTimes(1)
    unmount()
    await act(async () => {})
  })

  it('without a provider: a 404 stops it quietly; a 401 calls onAuthError', async () => {
    server.use(
      http.post('http://app.test/missing/', () => HttpResponse.json({ error: { code: 'not_found', message: 'no' } }, { status: 404 })),
      http.post('http://app.test/denied/', () => HttpResponse.json({ detail: 'Authentication credentials were not provided.' }, { status: 401 })),
    )
    const onAuthError = vi.fn()
    const missing = renderHook(() => useHeartbeat({ endpoint: 'http://app.test/missing/', onAuthError }))
    await until(() => expect(missing.result.current.state).toBe('stopped'))
    const denied = renderHook(() => useHeartbeat({ endpoint: 'http://app.test/denied/', onAuthError }))
    await until(() => expect(denied.result.current.state).toBe('error'))
    expect(onAuthError).toHaveBeenCalledTimes(1)
  })

  it('follows the document: paused while hidden, and a beat when shown again after more than a minute', async () => {
    vi.useFakeTimers({ now: Date.now(), toFake: ['Date'] })
    const requests = recordRequests(server)
    const { access } = await login('john_doe')
    const { result } = renderHook(() => useHeartbeat(), { wrapper: mswProvider(access) })
    await until(() => expect(result.current.state).toBe('beating'))
    let visibility = 'hidden'
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility })
    try {
      act(() => document.dispatchEvent(new Event('visibilitychange')))
      expect(result.current).toMatchObject({ state: 'paused', isLeader: false })
      vi.setSystemTime(Date.now() + 61_000)
      visibility = 'visible'
      act(() => document.dispatchEvent(new Event('visibilitychange')))
      await until(() => expect(requests.count('POST /api/chat/heartbeat/')).toBe(2))
      await until(() => expect(result.current).toMatchObject({ state: 'beating', isLeader: true }))
    } finally {
      delete (document as { visibilityState?: string }).visibilityState
      vi.useRealTimers()
    }
  })
})
