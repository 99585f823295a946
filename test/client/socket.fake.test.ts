import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PresenceSocket, ReconnectingSocket, type PresenceSocketEvent, type PresenceSocketOptions } from '../../src/client'
import { FakeWebSocket } from './fake-websocket'

const URL_ = 'ws://mock.test/ws/user-status/'

function start(options: Partial<PresenceSocketOptions> = {}) {
  const socket = new PresenceSocket({ url: URL_, token: 'tok', WebSocket: FakeWebSocket, random: () => 0.5, ...options })
  const events: PresenceSocketEvent[] = []
  socket.subscribe((event) => events.push(event))
  socket.connect()
  return { socket, events }
}

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2030-01-01T00:00:00Z') })
  FakeWebSocket.reset()
})

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('PresenceSocket with a fake WebSocket', () => {
  it('connects with the token in the query, opens, and pings at once', () => {
    const { socket } = start()
    expect(socket.state).toBe('connecting')
    expect(FakeWebSocket.last.url).toBe(`${URL_}?token=tok`)
    FakeWebSocket.last.open()
    expect(socket.state).toBe('open')
    expect(FakeWebSocket.last.sent).toEqual(['{"type":"ping"}'])
  })

  it('pings every 30 s while open', () => {
    start()
    const ws = FakeWebSocket.last
    ws.open()
    vi.advanceTimersByTime(90_000)
    expect(ws.pings).toBe(4)
  })

  it('reconnects after a drop, after the jittered delay, and says when', () => {
    const { socket } = start()
    FakeWebSocket.last.open()
    FakeWebSocket.last.drop(1006)
    expect(socket.state).toBe('reconnecting')
    expect(socket.getStatus().nextRetryAt).toBe(Date.now() + 500) // 0.5 × 1 s
    vi.advanceTimersByTime(499)
    expect(FakeWebSocket.instances).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(FakeWebSocket.instances).toHaveLength(2)
    expect(socket.state).toBe('reconnecting')
    expect(socket.getStatus().nextRetryAt).toBeNull()
    FakeWebSocket.last.open()
    expect(socket.state).toBe('open')
  })

  it('backs off exponentially with full jitter up to the 30 s cap', () => {
    const { socket } = start({ random: () => 0.999999 })
    const delays: number[] = []
    for (let i = 0; i < 8; i++) {
      FakeWebSocket.last.drop(1006)
      const delay = socket.getStatus().nextRetryAt! - Date.now()
      delays.push(delay)
      vi.advanceTimersByTime(delay)
    }
    expect(delays).toEqual([999, 1999, 3999, 7999, 15999, 29999, 29999, 29999])
    expect(socket.getStatus().attempt).toBe(8)
  })

  it('starts the count over once a connection stayed open for a minute', () => {
    const { socket } = start({ random: () => 0.999999 })
    for (let i = 0; i < 4; i++) {
      FakeWebSocket.last.drop()
      vi.advanceTimersByTime(socket.getStatus().nextRetryAt! - Date.now())
    }
    FakeWebSocket.last.open()
    vi.advanceTimersByTime(59_999)
    expect(socket.getStatus().attempt).toBe(4)
    FakeWebSocket.last.drop()
    expect(socket.getStatus().nextRetryAt! - Date.now()).toBe(15999) // not reset: the connection was not stable
    vi.advanceTimersByTime(15999)
    FakeWebSocket.last.open()
    vi.advanceTimersByTime(60_000)
    expect(socket.getStatus().attempt).toBe(0)
    FakeWebSocket.last.drop()
    expect(socket.getStatus().nextRetryAt! - Date.now()).toBe(999)
  })

  it('4401: unauthorized, reported, and never retried', () => {
    const { socket, events } = start()
    FakeWebSocket.last.drop(4401, 'unauthorized')
    expect(socket.state).toBe('unauthorized')
    expect(events).toContainEqual({ type: 'unauthorized', code: 4401, reason: 'unauthorized' })
    expect(vi.getTimerCount()).toBe(0)
    vi.advanceTimersByTime(3_600_000)
    expect(FakeWebSocket.instances).toHaveLength(1)
    socket.retryNow()
    expect(FakeWebSocket.instances).toHaveLength(1)
  })

  it('4401 after a long open connection (logout) is not retried either', () => {
    const { socket } = start()
    FakeWebSocket.last.open()
    vi.advanceTimersByTime(120_000)
    FakeWebSocket.last.drop(4401, 'unauthorized')
    expect(socket.state).toBe('unauthorized')
    expect(vi.getTimerCount()).toBe(0)
  })

  it('connect() after unauthorized starts over and reads the token again', () => {
    let token = 'old'
    const { socket } = start({ token: () => token })
    FakeWebSocket.last.drop(4401)
    token = 'new'
    socket.connect()
    expect(socket.state).toBe('connecting')
    expect(FakeWebSocket.last.url).toBe(`${URL_}?token=new`)
  })

  it('no token: unauthorized without opening anything', () => {
    const { socket, events } = start({ token: () => null })
    expect(FakeWebSocket.instances).toHaveLength(0)
    expect(socket.state).toBe('unauthorized')
    expect(events).toContainEqual({ type: 'unauthorized', code: 4401, reason: 'no token' })
  })

  it('an async token is awaited', async () => {
    const { socket } = start({ token: () => Promise.resolve('later') })
    expect(FakeWebSocket.instances).toHaveLength(0)
    await Promise.resolve()
    await Promise.resolve()
    expect(FakeWebSocket.last.url).toBe(`${URL_}?token=later`)
    expect(socket.state).toBe('connecting')
  })

  it('a close() while an async token is pending wins', async () => {
    let resolve!: (token: string) => void
    const { socket } = start({ token: () => new Promise<string>((r) => (resolve = r)) })
    socket.close()
    resolve('late')
    await Promise.resolve()
    await Promise.resolve()
    expect(FakeWebSocket.instances).toHaveLength(0)
    expect(socket.state).toBe('closed')
  })

  it('retryNow() retries at once while waiting', () => {
    const { socket } = start({ random: () => 0.99 })
    FakeWebSocket.last.drop()
    vi.advanceTimersByTime(socket.getStatus().nextRetryAt! - Date.now())
    FakeWebSocket.last.drop()
    expect(socket.getStatus().nextRetryAt! - Date.now()).toBe(1980)
    socket.retryNow()
    expect(FakeWebSocket.instances).toHaveLength(3)
    expect(socket.getStatus().nextRetryAt).toBeNull()
    expect(vi.getTimerCount()).toBe(1) // the handshake timeout only: the retry timer is gone
  })

  it('retryNow() while open probes with a ping', () => {
    const { socket } = start()
    FakeWebSocket.last.open()
    FakeWebSocket.last.receive({ type: 'pong', ts: Date.now() })
    socket.retryNow()
    expect(FakeWebSocket.last.pings).toBe(2)
  })

  it('a ping unanswered for 10 s marks the socket dead and reconnects', () => {
    const { socket } = start()
    const ws = FakeWebSocket.last
    ws.open()
    ws.receive({ type: 'pong', ts: Date.now() }) // this backend answers pings
    vi.advanceTimersByTime(30_000) // second ping
    vi.advanceTimersByTime(9_999)
    expect(socket.state).toBe('open')
    vi.advanceTimersByTime(1)
    expect(socket.state).toBe('reconnecting')
    expect(ws.closedWith).toEqual({ code: 4000, reason: 'no answer to a ping within 10000 ms' })
    expect(socket.getStatus().lastClose).toEqual({ code: 4000, reason: 'no answer to a ping within 10000 ms' })
    vi.advanceTimersByTime(500)
    expect(FakeWebSocket.instances).toHaveLength(2)
  })

  it('any frame counts as an answer', () => {
    const { socket } = start()
    const ws = FakeWebSocket.last
    ws.open()
    ws.receive({ type: 'pong', ts: Date.now() })
    vi.advanceTimersByTime(35_000)
    ws.receive({ type: 'user.status.changed', user: { id: 2, status: 'away' } })
    vi.advanceTimersByTime(10_000)
    expect(socket.state).toBe('open')
  })

  it('a backend that never answers pings is not reconnected for it', () => {
    const { socket } = start()
    FakeWebSocket.last.open()
    vi.advanceTimersByTime(10 * 60_000)
    expect(socket.state).toBe('open')
    expect(FakeWebSocket.instances).toHaveLength(1)
  })

  it('a handshake that never completes is given up after 20 s', () => {
    const { socket } = start()
    vi.advanceTimersByTime(20_000)
    expect(socket.state).toBe('reconnecting')
    expect(FakeWebSocket.instances[0]!.closedWith?.code).toBe(4000)
  })

  it('measures the server clock offset from pong.ts', () => {
    const { socket, events } = start()
    const ws = FakeWebSocket.last
    ws.open() // ping sent now
    const sentAt = Date.now()
    vi.advanceTimersByTime(80)
    // The server's clock is 1 h ahead; it stamped the pong half-way through the round trip.
    ws.receive({ type: 'pong', ts: new Date(sentAt + 40 + 3_600_000).toISOString() })
    expect(socket.getStatus().serverOffset).toBe(3_600_000)
    expect(socket.getStatus().roundTrip).toBe(80)
    expect(events.filter((e) => e.type === 'message').map((e) => e.type === 'message' && e.message.type)).toEqual(['pong'])
  })

  it('a pong that cannot be paired with its ping is not measured', () => {
    const { socket } = start()
    const ws = FakeWebSocket.last
    ws.open() // first ping, never answered (the backend does not pong)
    vi.advanceTimersByTime(30_000) // second ping: two in flight
    ws.receive({ type: 'pong', ts: Date.now() + 999_999 })
    expect(socket.getStatus().serverOffset).toBeNull()
  })

  it('reports invalid frames and bad records without throwing, and keeps the good ones', () => {
    const { socket, events } = start()
    const ws = FakeWebSocket.last
    ws.open()
    ws.receive('not json')
    ws.receive({ type: 'online_users', onlineUsers: [{ id: 1, status: 'online' }, { status: 'online' }] })
    expect(socket.state).toBe('open')
    expect(events.filter((e) => e.type === 'invalid').map((e) => e.type === 'invalid' && e.reason)).toEqual([
      'malformed JSON',
      'online_users: user #1: no user id',
    ])
    const snapshot = events.find((e) => e.type === 'message' && e.message.type === 'snapshot')
    expect(snapshot).toMatchObject({ message: { users: [{ id: '1', status: 'online' }] } })
  })

  it('send() only while open', () => {
    const { socket } = start()
    expect(socket.send({ type: 'status', mode: 'away' })).toBe(false)
    FakeWebSocket.last.open()
    expect(socket.send({ type: 'status', mode: 'away' })).toBe(true)
    expect(FakeWebSocket.last.sent.at(-1)).toBe('{"type":"status","mode":"away"}')
  })

  it('the generic ReconnectingSocket sends text as it is, only while open, and hands frames over unread', () => {
    const socket = new ReconnectingSocket({ url: 'ws://mock.test/live', WebSocket: FakeWebSocket, random: () => 0.5 })
    const frames: unknown[] = []
    socket.subscribe((event) => event.type === 'frame' && frames.push(event.data))
    socket.connect()
    expect(FakeWebSocket.last.url).toBe('ws://mock.test/live')
    expect(socket.send('hello')).toBe(false)
    FakeWebSocket.last.open()
    expect(socket.send('hello')).toBe(true)
    expect(FakeWebSocket.last.sent).toEqual(['hello']) // no ping: it speaks no protocol unless given one
    FakeWebSocket.last.receive('not json at all')
    expect(frames).toEqual(['not json at all'])
    FakeWebSocket.last.drop()
    expect(socket.getStatus()).toMatchObject({ state: 'reconnecting', attempt: 1, nextRetryAt: Date.now() + 500 })
    void socket.close()
    expect(socket.getStatus()).toMatchObject({ state: 'closed', nextRetryAt: null })
  })

  it.each([
    ['connecting', () => {}],
    ['open', () => FakeWebSocket.last.open()],
    ['reconnecting', () => FakeWebSocket.last.drop()],
    ['open after a pong', () => {
      FakeWebSocket.last.open()
      FakeWebSocket.last.receive({ type: 'pong', ts: Date.now() })
      vi.advanceTimersByTime(30_000)
    }],
  ])('close() while %s leaves no timer and no retry', (_state, reach) => {
    const { socket } = start()
    reach()
    expect(vi.getTimerCount()).toBeGreaterThan(0)
    socket.close()
    expect(vi.getTimerCount()).toBe(0)
    expect(socket.state).toBe('closed')
    vi.advanceTimersByTime(3_600_000)
    expect(FakeWebSocket.instances.length).toBeLessThanOrEqual(1)
    expect(FakeWebSocket.instances[0]!.closedWith?.code ?? 1000).toBe(1000)
  })

  it('events of a socket that was replaced are ignored', () => {
    const { socket } = start()
    const first = FakeWebSocket.last
    first.open()
    first.receive({ type: 'pong', ts: Date.now() })
    vi.advanceTimersByTime(40_000) // pong timeout: first is given up
    first.drop(4401) // its late close must not make the new attempt unauthorized
    expect(socket.state).toBe('reconnecting')
  })

  it('no WebSocket in this environment: an error, closed, no timer', () => {
    vi.stubGlobal('WebSocket', undefined)
    const { socket, events } = start({ WebSocket: undefined })
    expect(socket.state).toBe('closed')
    expect(events).toContainEqual({ type: 'error', reason: 'no WebSocket implementation in this environment' })
    expect(vi.getTimerCount()).toBe(0)
  })

  it('getStatus() keeps its identity until something changes', () => {
    const { socket } = start()
    const a = socket.getStatus()
    expect(socket.getStatus()).toBe(a)
    FakeWebSocket.last.open()
    expect(socket.getStatus()).not.toBe(a)
    expect(Object.isFrozen(socket.getStatus())).toBe(true)
  })

  it.each(['connecting', 'open', 'reconnecting'])('a listener can close the socket when it turns %s', (state) => {
    const socket = new PresenceSocket({ url: URL_, token: 'tok', WebSocket: FakeWebSocket })
    socket.subscribe((event) => {
      if (event.type === 'status' && event.status.state === state) socket.close()
    })
    socket.connect()
    FakeWebSocket.instances.at(-1)?.open()
    FakeWebSocket.instances.at(-1)?.drop()
    expect(socket.state).toBe('closed')
    expect(vi.getTimerCount()).toBe(0)
  })

  it('a listener can close the socket from inside an event', () => {
    const socket = new PresenceSocket({ url: URL_, token: 'tok', WebSocket: FakeWebSocket })
    socket.subscribe((event) => {
      if (event.type === 'status' && event.status.state === 'reconnecting') socket.close()
    })
    socket.connect()
    FakeWebSocket.last.drop()
    expect(socket.state).toBe('closed')
    expect(vi.getTimerCount()).toBe(0)
  })

  it('emits every frame as received before reading it, the unreadable ones too', () => {
    const { events } = start()
    FakeWebSocket.last.open()
    FakeWebSocket.last.receive('not json')
    FakeWebSocket.last.receive({ type: 'custom', n: 1 })
    expect(events.filter((e) => e.type === 'frame')).toEqual([
      { type: 'frame', data: 'not json' },
      { type: 'frame', data: '{"type":"custom","n":1}' },
    ])
  })

  it('passes subprotocols to the constructor, and none when not given', () => {
    start({ protocols: ['presence.v1'] })
    expect(FakeWebSocket.last.protocols).toEqual(['presence.v1'])
    start()
    expect(FakeWebSocket.last.protocols).toBeUndefined()
  })

  it('close() resolves once the connection has closed: at its close event, at once without a connection', async () => {
    const { socket } = start()
    const ws = FakeWebSocket.last
    ws.open()
    // A socket that closes asynchronously, as a browser's does (readyState 2, then the event).
    ws.close = function (this: FakeWebSocket) {
      this.readyState = 2
    }
    let closed = false
    void socket.close().then(() => (closed = true))
    await Promise.resolve()
    await Promise.resolve()
    expect(closed).toBe(false)
    ws.drop(1000, 'bye')
    await Promise.resolve()
    expect(closed).toBe(true)
    await expect(socket.close()).resolves.toBeUndefined()
  })
})
