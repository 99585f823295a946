import { afterEach, describe, expect, it, vi } from 'vitest'
import { PresenceSocket } from '../../src/client'
import { bindSocketToStore, createEventBatcher, createPresenceStore, type Schedule } from '../../src/store'
import { FakeWebSocket } from '../client/fake-websocket'
import { login, setupMockBackend, WS_URL } from '../client/mock-backend'

const { backend } = setupMockBackend()

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  FakeWebSocket.reset()
})

describe('bindSocketToStore', () => {
  it('feeds snapshots and changes through one batch per frame, and the state and offset directly', () => {
    const store = createPresenceStore()
    const frames: Array<() => void> = []
    const schedule: Schedule = (callback) => {
      frames.push(callback)
      return () => {}
    }
    const socket = new PresenceSocket({ url: WS_URL, token: 't', WebSocket: FakeWebSocket })
    const unbind = bindSocketToStore(socket, store, createEventBatcher(store, schedule))
    const listener = vi.fn()
    store.subscribe(listener)
    socket.connect()
    expect(store.getState().connection.state).toBe('connecting')
    const ws = FakeWebSocket.last
    ws.open()
    expect(store.getState().connection.state).toBe('open')
    listener.mockClear()
    ws.receive({ type: 'online_users', onlineUsers: [{ id: 1, username: 'a', status: 'online' }, 2] })
    for (let i = 0; i < 100; i++) ws.receive({ type: 'user.status.changed', user: { id: 2, status: i % 2 ? 'away' : 'dnd' } })
    ws.receive({ type: 'pong', ts: Date.now() + 5_000 })
    expect(store.getState().connection.serverOffset).toBeGreaterThan(4_000)
    expect(store.users.size).toBe(0)
    listener.mockClear()
    frames.splice(0).forEach((frame) => frame())
    expect(listener).toHaveBeenCalledTimes(1)
    expect(store.users.get('2')).toMatchObject({ status: 'away' })
    ws.receive({ type: 'user.status.changed', user: { id: 1, status: 'dnd' } })
    unbind() // flushes what is queued
    expect(store.users.get('1')).toMatchObject({ status: 'dnd' })
    socket.close()
    expect(store.getState().connection.state).toBe('open') // unbound: the store no longer follows the socket
  })

  it('against the mock backend: a reconnect does not make anyone flicker', async () => {
    const { access } = await login('john_doe')
    const store = createPresenceStore()
    const socket = new PresenceSocket({ url: WS_URL, token: access, backoff: { baseMs: 10 } })
    const unbind = bindSocketToStore(socket, store)
    cleanups.push(() => socket.close(), unbind)
    const seen: Array<Record<string, boolean>> = []
    const connections: string[] = []
    store.subscribe((state, previous) => {
      if (state.connection.state !== previous.connection.state) connections.push(state.connection.state)
    })
    store.users.subscribeChanges(() => seen.push(Object.fromEntries([...store.users.values()].map((u) => [u.username, u.isOnline]))))
    socket.connect()
    await vi.waitFor(() => expect(store.users.get('3')).toMatchObject({ username: 'john_doe', isOnline: true }))
    const before = new Map([...store.users.values()].map((u) => [u.id, u]))
    const onlineBefore = [...before.values()].filter((u) => u.isOnline)
    expect(onlineBefore.length).toBeGreaterThan(1)
    seen.length = 0
    connections.length = 0

    backend.hub.closeAll(1012, 'service restart')
    await vi.waitFor(() => expect(connections).toEqual(['reconnecting', 'open']))
    await new Promise((resolve) => setTimeout(resolve, 100))

    // Nobody was ever seen offline, and every record that did not change is the very same object. The caller's
    // own record did change: a new connection is a sign of life, so their last seen moved.
    expect(seen.every((snapshot) => Object.values(snapshot).every(Boolean))).toBe(true)
    for (const user of onlineBefore.filter((u) => u.id !== '3')) expect(store.users.get(user.id)).toBe(user)
    expect(store.users.get('3')).toMatchObject({ isOnline: true, status: 'online' })
    expect(store.users.get('3')!.lastSeen).toBeGreaterThanOrEqual(before.get('3')!.lastSeen!)
  })
})
