import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  presets,
  PresenceSocket,
  socketUrl,
  type PresencePatch,
  type PresenceSocketEvent,
  type PresenceSocketOptions,
  type WebSocketConstructorLike,
} from '../../src/client'
import { BASE_URL, login, setupMockBackend, WS_URL } from './mock-backend'

const HOUR = 3_600_000
// The mock server's clock runs an hour ahead of this machine's, so that the measured offset is unmistakable.
const { backend } = setupMockBackend({ now: () => Date.now() + HOUR })

const sockets: PresenceSocket[] = []
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close()
  vi.useRealTimers()
})

/** A WebSocket class that counts the sockets made through it (MSW intercepts the global one). */
function countingWebSocket() {
  const counter = { count: 0 }
  const Counting = function (url: string) {
    counter.count++
    return new WebSocket(url)
  } as unknown as WebSocketConstructorLike
  return { counter, Counting }
}

function open(options: Partial<PresenceSocketOptions> & { token: PresenceSocketOptions['token'] }) {
  const socket = new PresenceSocket({ url: WS_URL, ...options })
  sockets.push(socket)
  const events: PresenceSocketEvent[] = []
  socket.subscribe((event) => events.push(event))
  const snapshots = () =>
    events.flatMap((e) => (e.type === 'message' && e.message.type === 'snapshot' ? [e.message.users] : []))
  const changes = () => events.flatMap((e) => (e.type === 'message' && e.message.type === 'change' ? [e.message.user] : []))
  socket.connect()
  return { socket, events, snapshots, changes }
}

describe('PresenceSocket against the mock backend (MSW)', () => {
  it('opens and receives the snapshot, the caller included', async () => {
    const { access, user } = await login('john_doe')
    const { socket, snapshots, events } = open({ token: access })
    await vi.waitFor(() => expect(snapshots()).toHaveLength(1))
    expect(socket.state).toBe('open')
    const users = snapshots()[0]!
    expect(users.find((u: PresencePatch) => u.id === String(user.id))).toMatchObject({
      username: 'john_doe',
      status: 'online',
      isOnline: true,
    })
    expect(users.every((u) => u.isOnline)).toBe(true)
    expect(events.filter((e) => e.type === 'invalid')).toEqual([])
  })

  it('the chat-socket preset’s path (/ws/chat/, seed 000) speaks the same protocol', async () => {
    const { access } = await login()
    const url = socketUrl({ apiBaseUrl: `${BASE_URL}/api` }, presets['chat-socket'].endpoints.socket!)
    expect(url).toBe('ws://mock.test/ws/chat/')
    const { snapshots } = open({ url: url!, token: access })
    await vi.waitFor(() => expect(snapshots()).toHaveLength(1))
  })

  it('hears a peer’s change', async () => {
    const { access } = await login('john_doe')
    const { changes, snapshots } = open({ token: access })
    await vi.waitFor(() => expect(snapshots()).toHaveLength(1))
    const jane = await login('jane_smith')
    await vi.waitFor(() => expect(changes()).toContainEqual(expect.objectContaining({ id: String(jane.user.id), status: 'online' })))
  })

  it('reconnects after the server drops the connection, and gets a fresh snapshot', async () => {
    const { access } = await login()
    const { socket, snapshots, events } = open({ token: access, backoff: { baseMs: 20 } })
    await vi.waitFor(() => expect(snapshots()).toHaveLength(1))
    backend.hub.closeAll(1012, 'service restart')
    await vi.waitFor(() => expect(snapshots()).toHaveLength(2))
    expect(socket.state).toBe('open')
    const states = events.flatMap((e) => (e.type === 'status' && e.status.state !== e.previous.state ? [e.status.state] : []))
    expect(states).toEqual(['connecting', 'open', 'reconnecting', 'open'])
    expect(socket.getStatus().lastClose).toEqual({ code: 1012, reason: 'service restart' })
  })

  it('an invalid token: 4401, unauthorized, no reconnect', async () => {
    const { counter, Counting } = countingWebSocket()
    const { socket, events } = open({ token: 'not-a-token', WebSocket: Counting, backoff: { baseMs: 1 } })
    await vi.waitFor(() => expect(socket.state).toBe('unauthorized'))
    expect(events).toContainEqual({ type: 'unauthorized', code: 4401, reason: 'unauthorized' })
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(counter.count).toBe(1)
    expect(socket.state).toBe('unauthorized')
  })

  it('logout closes the session’s socket with 4401 and it stays down', async () => {
    const { access, refresh } = await login()
    const { socket, snapshots } = open({ token: access, backoff: { baseMs: 1 } })
    await vi.waitFor(() => expect(snapshots()).toHaveLength(1))
    await fetch('http://mock.test/api/auth/logout/', {
      method: 'POST',
      headers: { authorization: `Bearer ${access}`, 'content-type': 'application/json' },
      body: JSON.stringify({ refresh }),
    })
    await vi.waitFor(() => expect(socket.state).toBe('unauthorized'))
  })

  it('retryNow() retries at once instead of waiting out the backoff', async () => {
    const { access } = await login()
    // The longest possible wait: 0.999 × 30 s.
    const { socket, snapshots } = open({ token: access, random: () => 0.999, backoff: { baseMs: 30_000 } })
    await vi.waitFor(() => expect(snapshots()).toHaveLength(1))
    backend.hub.closeAll(1012, 'service restart')
    await vi.waitFor(() => expect(socket.state).toBe('reconnecting'))
    expect(socket.getStatus().nextRetryAt! - Date.now()).toBeGreaterThan(29_000)
    const before = Date.now()
    socket.retryNow()
    // Far below the 29 s the backoff would wait, with room for a loaded machine.
    await vi.waitFor(() => expect(snapshots()).toHaveLength(2), { timeout: 10_000 })
    expect(Date.now() - before).toBeLessThan(10_000)
  })

  it('measures the server clock offset from pong.ts', async () => {
    const { access } = await login()
    const { socket } = open({ token: access })
    await vi.waitFor(() => expect(socket.getStatus().serverOffset).not.toBeNull())
    const { serverOffset, roundTrip } = socket.getStatus()
    expect(Math.abs(serverOffset! - HOUR)).toBeLessThanOrEqual(roundTrip! / 2 + 2)
  })

  it('close() leaves no timer of its own and never reconnects', async () => {
    const { access } = await login()
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    const baseline = vi.getTimerCount()
    const { socket, snapshots } = open({ token: access })
    await vi.waitFor(() => expect(snapshots()).toHaveLength(1))
    // open: the stable-minute timer and the ping interval are running (and the backend's own timers may be)
    expect(vi.getTimerCount()).toBeGreaterThanOrEqual(baseline + 2)
    socket.close()
    // Checked before the backend hears of the close (a microtask later) and arms its grace-period timer.
    expect(vi.getTimerCount()).toBe(baseline)
    // And once that grace period has run out, nothing may be left either.
    await vi.advanceTimersByTimeAsync(5_000)
    expect(vi.getTimerCount()).toBe(baseline)
    expect(socket.state).toBe('closed')
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(snapshots()).toHaveLength(1)
    expect(socket.state).toBe('closed')
  })
})
