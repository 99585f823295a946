// @vitest-environment node
// Node 20 has no WebSocket, window, document or requestAnimationFrame: the server-side rendering case.
import { afterEach, describe, expect, it, vi } from 'vitest'

afterEach(() => {
  vi.useRealTimers()
})

describe('without a browser (SSR, Node)', () => {
  it('the barrels import without touching a browser global', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined')
    expect(typeof (globalThis as { WebSocket?: unknown }).WebSocket).toBe('undefined')
    const client = await import('../../src/client')
    const store = await import('../../src/store')
    expect(typeof client.PresenceSocket).toBe('function')
    expect(typeof store.createPresenceStore).toBe('function')
  })

  it('a socket reports that it cannot work, and leaves nothing running', async () => {
    vi.useFakeTimers()
    const { PresenceSocket } = await import('../../src/client')
    const socket = new PresenceSocket({ url: 'ws://localhost:8000/ws/user-status/', token: 't' })
    const events: unknown[] = []
    socket.subscribe((event) => events.push(event))
    socket.connect()
    expect(socket.state).toBe('closed')
    expect(events).toContainEqual({ type: 'error', reason: 'no WebSocket implementation in this environment' })
    expect(vi.getTimerCount()).toBe(0)
  })

  it('a relative socket URL without a page is reported, not thrown', async () => {
    const { PresenceSocket } = await import('../../src/client')
    const socket = new PresenceSocket({ url: '/ws/user-status/', WebSocket: class {} as never })
    const events: unknown[] = []
    socket.subscribe((event) => events.push(event))
    socket.connect()
    expect(events).toContainEqual({ type: 'error', reason: 'not a WebSocket URL: /ws/user-status/' })
  })

  it('the store batches on a 16 ms timeout', async () => {
    vi.useFakeTimers()
    const { createEventBatcher, createPresenceStore } = await import('../../src/store')
    const store = createPresenceStore()
    const listener = vi.fn()
    store.users.subscribeChanges(listener)
    const batcher = createEventBatcher(store)
    for (let i = 0; i < 500; i++) batcher.change({ id: String(i), status: 'online' })
    vi.advanceTimersByTime(16)
    expect(listener).toHaveBeenCalledTimes(1)
  })

  it('the REST client builds URLs from an absolute base', async () => {
    const { PresenceRestClient } = await import('../../src/client')
    const fetchMock = vi.fn<typeof fetch>(async () => new Response('[]'))
    await new PresenceRestClient({ apiBaseUrl: 'http://api.internal:8000', backend: 'user-status-socket', fetch: fetchMock }).onlineUsers()
    expect(fetchMock.mock.calls[0]![0]).toBe('http://api.internal:8000/api/users/online/')
  })
})
