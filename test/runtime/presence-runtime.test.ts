import { afterEach, describe, expect, it, vi } from 'vitest'
import { isAuthError, PresenceApiError, type WebSocketConstructorLike } from '../../src/client'
import { PresenceRuntime, type PresenceRuntimeOptions, type RuntimeEvent } from '../../src/runtime'
import { selectTransport } from '../../src/store'
import { BASE_URL, login, setupMockBackend } from '../client/mock-backend'
import { FakeLocks } from './fake-locks'

const { backend, server } = setupMockBackend()

const runtimes: PresenceRuntime[] = []
afterEach(() => {
  for (const runtime of runtimes.splice(0)) runtime.stop()
  server.events.removeAllListeners()
})

/** Every request the mock backend got, as "METHOD /path". */
function requests() {
  const seen: string[] = []
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url)
    seen.push(`${request.method} ${url.pathname}`)
  })
  return seen
}

function runtime(options: PresenceRuntimeOptions = {}) {
  const created = new PresenceRuntime({ apiBaseUrl: BASE_URL, ...options })
  runtimes.push(created)
  const events: RuntimeEvent[] = []
  created.subscribe((event) => events.push(event))
  return { runtime: created, events }
}

const until = (check: () => void) => vi.waitFor(check, { timeout: 5_000, interval: 5 })

/**
 * The network as it is: the server works on a request it has whether or not the client stops waiting for it. The
 * first heartbeat is held (the server has it, and finishes it when `release` is called); what reached the server is
 * in `arrived`, in order.
 */
function heldBeatNetwork() {
  const net = { arrived: [] as string[], holding: true, beats: 0, release: () => {}, fetch: undefined as unknown as typeof fetch }
  const held = new Promise<void>((resolve) => (net.release = resolve))
  net.fetch = (input, init = {}) => {
    const path = new URL(String(input)).pathname
    if (path === '/api/chat/heartbeat/') net.beats++
    if (path !== '/api/chat/heartbeat/' || !net.holding) {
      if (path === '/api/chat/mark-offline/') net.arrived.push('mark-offline')
      return fetch(input, init)
    }
    net.holding = false
    const landed = held.then(() => fetch(input, { ...init, signal: null })).finally(() => net.arrived.push('heartbeat'))
    return new Promise((resolve, reject) => {
      init.signal?.addEventListener('abort', () => reject(init.signal!.reason))
      landed.then(resolve, reject)
    })
  }
  return net
}

/** markOffline while the held beat is out; the server finishes the beat a moment later. */
async function expectBeatFirst(net: ReturnType<typeof heldBeatNetwork>, r: PresenceRuntime, userId: number) {
  const done = r.markOffline()
  setTimeout(net.release, 0)
  await done
  await until(() => expect(net.arrived).toContain('heartbeat'))
  expect(net.arrived).toEqual(['heartbeat', 'mark-offline'])
  const rest = await fetch(`${BASE_URL}/api/users/online/`, { headers: { authorization: `Bearer ${(await login('jane_smith')).access}` } })
  const online = (await rest.json()) as Array<{ id: number }>
  expect(online.some((u) => u.id === userId)).toBe(false)
}

describe('PresenceRuntime against the mock backend (MSW)', () => {
  it('start: socket open, snapshot in the store, self from /api/users/me/, one heartbeat; nothing runs before the microtask', async () => {
    const seen = requests()
    const session = await login('john_doe')
    const { runtime: r } = runtime()
    r.start(session.access)
    expect(r.socket).toBeNull() // nothing made in the same tick (StrictMode-safe)
    await until(() => expect(r.store.getState().synced).toBe(true))
    const state = r.store.getState()
    expect(state.connection.state).toBe('open')
    expect(r.store.getState()).toMatchObject({ lifecycle: 'running', session: 1 })
    expect(selectTransport(r.store.getState())).toBe('socket')
    await until(() => expect(state.self ?? r.store.getState().self).toBe(String(session.user.id)))
    expect(r.store.getState().mode).toBe('auto')
    await until(() => expect(r.store.getState().heartbeat.state).toBe('beating'))
    expect(seen.filter((s) => s !== 'POST /api/auth/login/').sort()).toEqual(['GET /api/users/me/', 'POST /api/chat/heartbeat/'])
    expect([...r.store.users.values()].filter((u) => u.isOnline).map((u) => u.username)).toContain('maria_garcia')
  })

  it('start → stop → start in one tick (StrictMode) opens one socket; stop clears the store', async () => {
    const made = { count: 0 }
    const Counting = function (url: string) {
      made.count++
      return new WebSocket(url)
    } as unknown as WebSocketConstructorLike
    const session = await login()
    const { runtime: r } = runtime({ WebSocket: Counting })
    r.start(session.access)
    r.stop()
    r.start(session.access)
    await until(() => expect(r.store.getState().synced).toBe(true))
    expect(made.count).toBe(1)
    r.stop()
    expect(r.store.getState()).toMatchObject({ synced: false, self: null, connection: { state: 'idle' } })
    expect([...r.store.users.values()]).toEqual([])
    expect(r.store.getState()).toMatchObject({ lifecycle: 'stopped' })
    expect(selectTransport(r.store.getState())).toBe('none')
  })

  it('the browser going offline: the open socket is pinged at once, not at the next scheduled ping; stop stops listening', async () => {
    const pings: number[] = []
    let pongs = 0
    const Recording = function (url: string) {
      const ws = new WebSocket(url)
      ws.addEventListener('message', (event) => {
        if (String(event.data).includes('"pong"')) pongs++
      })
      const send = ws.send.bind(ws)
      ws.send = (data) => {
        if (String(data).includes('"ping"')) pings.push(Date.now())
        send(data)
      }
      return ws
    } as unknown as WebSocketConstructorLike
    const session = await login()
    const { runtime: r } = runtime({ WebSocket: Recording })
    r.start(session.access)
    await until(() => expect(r.store.getState().synced).toBe(true))
    await until(() => expect(pings).toHaveLength(1)) // the ping on open
    await until(() => expect(pongs).toBe(1)) // answered: the next scheduled ping is 30 s away
    window.dispatchEvent(new Event('offline'))
    expect(pings).toHaveLength(2)
    r.stop()
    window.dispatchEvent(new Event('offline'))
    expect(pings).toHaveLength(2)
  })

  it('the same token again does nothing; a new one reconnects with one new socket and keeps the store', async () => {
    const made = { count: 0 }
    const Counting = function (url: string) {
      made.count++
      return new WebSocket(url)
    } as unknown as WebSocketConstructorLike
    const first = await login()
    const { runtime: r } = runtime({ WebSocket: Counting })
    r.start(first.access)
    await until(() => expect(r.store.getState().synced).toBe(true))
    const known = [...r.store.users.values()].length
    r.start(first.access)
    await Promise.resolve()
    expect(made.count).toBe(1)
    const second = await login()
    r.start(second.access)
    // Not cleared: the new socket's snapshot is merged as a diff, so nobody flickers.
    expect(r.store.getState().synced).toBe(true)
    expect([...r.store.users.values()]).toHaveLength(known)
    await until(() => expect(r.store.getState().connection.state).toBe('open'))
    expect(made.count).toBe(2)
    expect(r.store.getState().session).toBe(2)
  })

  it('markOffline: this tab’s socket is closed before mark-offline reaches the server; the store learns the answer', async () => {
    const order: string[] = []
    const session = await login('john_doe')
    const john = session.user.id
    server.events.on('request:start', ({ request }) => {
      if (request.url.endsWith('/api/chat/mark-offline/')) {
        order.push(`mark-offline (john's connections: ${backend.presence.user(john)!.connections.size})`)
      }
    })
    const { runtime: r } = runtime()
    r.start(session.access)
    await until(() => expect(r.store.getState().self).toBe(String(john)))
    await until(() => expect(backend.presence.user(john)!.connections.size).toBe(1))
    await r.markOffline()
    expect(order).toEqual(["mark-offline (john's connections: 0)"])
    expect(r.store.users.get(String(john))).toMatchObject({ status: 'offline' })
    expect(r.store.getState()).toMatchObject({ lifecycle: 'offline' })
    expect(selectTransport(r.store.getState())).toBe('none')
    expect(r.heartbeat.isRunning).toBe(false)
    // The server agrees at once, without waiting for the 2 s grace period.
    expect(backend.presence.user(john)!.connections.size).toBe(0)
    const rest = await fetch(`${BASE_URL}/api/users/online/`, { headers: { authorization: `Bearer ${(await login('jane_smith')).access}` } })
    const online = (await rest.json()) as Array<{ id: number }>
    expect(online.some((u) => u.id === john)).toBe(false)
  })

  it('markOffline: a heartbeat the server already has lands before mark-offline, so it cannot announce the user again', async () => {
    const session = await login('john_doe')
    const net = heldBeatNetwork()
    const { runtime: r } = runtime({ fetch: net.fetch, endpoints: { socket: null } })
    r.start(session.access)
    await until(() => expect(net.holding).toBe(false))
    await expectBeatFirst(net, r, session.user.id)
  })

  it('markOffline: a beat of the run before a token switch lands first too', async () => {
    const session = await login('john_doe')
    const net = heldBeatNetwork()
    const { runtime: r } = runtime({ fetch: net.fetch, endpoints: { socket: null } })
    r.start(session.access)
    await until(() => expect(net.holding).toBe(false))
    // A refreshed token: a new run, whose own first beat is not held.
    r.start((await login('john_doe')).access)
    await until(() => expect(net.beats).toBe(2))
    await expectBeatFirst(net, r, session.user.id)
  })

  it('markOffline: a stop while it waits ends it there (no mark-offline without a token, no auth error)', async () => {
    const session = await login('john_doe')
    const seen = requests()
    const { runtime: r, events } = runtime()
    r.start(session.access)
    await until(() => expect(r.socket?.state).toBe('open'))
    const done = r.markOffline()
    r.stop()
    await done
    expect(seen).not.toContain('POST /api/chat/mark-offline/')
    expect(events.filter((event) => event.type === 'auth-error')).toEqual([])
  })

  it('setStatus over the open socket: the echo updates the store; no PATCH; nothing sent when nothing changes', async () => {
    const seen = requests()
    const session = await login('john_doe')
    const { runtime: r } = runtime()
    r.start(session.access)
    await until(() => expect(r.store.getState().self).not.toBeNull())
    await until(() => expect(r.store.getState().connection.state).toBe('open'))
    const self = r.store.getState().self!
    await r.setStatus({ mode: 'dnd', statusMessage: '  Focus time ' })
    expect(r.store.users.get(self)).toMatchObject({ status: 'dnd', statusMessage: 'Focus time' })
    expect(r.store.getState().mode).toBe('dnd')
    const send = vi.spyOn(r.socket!, 'send')
    await r.setStatus({ mode: 'dnd' })
    expect(send).not.toHaveBeenCalled()
    expect(seen.some((s) => s.startsWith('PATCH'))).toBe(false)
  })

  it('setStatus: the server’s refusal (a message over 140 characters) rejects', async () => {
    const session = await login('john_doe')
    const { runtime: r } = runtime()
    r.start(session.access)
    await until(() => expect(r.store.getState().self).not.toBeNull())
    await until(() => expect(r.store.getState().connection.state).toBe('open'))
    const error = await r.setStatus({ statusMessage: 'x'.repeat(141) }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PresenceApiError)
    expect(error).toMatchObject({ status: 400, code: 'bad_message' })
  })

  it('setStatus without a socket: PATCH, and the store takes the response', async () => {
    const seen = requests()
    const session = await login('john_doe')
    const { runtime: r } = runtime({ endpoints: { socket: null } })
    r.start(session.access)
    await until(() => expect(r.store.getState().self).not.toBeNull())
    await r.setStatus({ mode: 'away', statusMessage: 'Lunch' })
    expect(seen).toContain('PATCH /api/users/me/status/')
    expect(r.store.users.get(r.store.getState().self!)).toMatchObject({ status: 'away', statusMessage: 'Lunch' })
    expect(r.store.getState().mode).toBe('away')
  })

  it('without a socket endpoint it polls the online users; a list without the caller leaves the caller alone', async () => {
    const session = await login('john_doe')
    const { runtime: r } = runtime({ backend: 'user-status-socket', endpoints: { socket: null }, userId: session.user.id })
    r.start(session.access)
    await until(() => expect(r.store.getState().synced).toBe(true))
    expect(selectTransport(r.store.getState())).toBe('polling')
    expect(r.store.getState().self).toBe(String(session.user.id))
    expect([...r.store.users.values()].some((u) => u.username === 'maria_garcia' && u.isOnline)).toBe(true)
  })

  it('a REST 401 is reported once as an auth error; a 4401 close too (once per token)', async () => {
    const session = await login('john_doe')
    const { runtime: r, events } = runtime()
    r.start('not-a-token')
    await until(() => expect(events.filter((e) => e.type === 'auth-error')).toHaveLength(1))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(events.filter((e) => e.type === 'auth-error')).toHaveLength(1)
    expect(isAuthError((events[0] as { error: unknown }).error)).toBe(true)
    expect(r.store.getState().authError).not.toBeNull()

    r.start(session.access)
    await until(() => expect(r.store.getState().connection.state).toBe('open'))
    expect(r.store.getState().authError).toBeNull()
    backend.reset() // closes every socket with 4401
    await until(() => expect(events.filter((e) => e.type === 'auth-error')).toHaveLength(2))
    expect(r.store.getState().connection.state).toBe('unauthorized')
    expect(selectTransport(r.store.getState())).toBe('none')
  })

  it('conversations() adds peers the store never heard of, as offline once the store knows who is online', async () => {
    const session = await login('john_doe')
    const { runtime: r } = runtime()
    r.start(session.access)
    await until(() => expect(r.store.getState().synced).toBe(true))
    const conversations = await r.conversations()
    expect(conversations.length).toBeGreaterThan(0)
    const ahmad = conversations.find((c) => c.otherUser.username === 'ahmad')
    expect(ahmad).toBeDefined()
    expect(r.store.users.get(ahmad!.otherUser.id)).toMatchObject({ status: 'offline', username: 'ahmad' })
    expect(r.store.users.get(ahmad!.otherUser.id)!.lastSeen).toBeTypeOf('number')
  })

  it('onlineFriends(): friends among the online users, and everyone then online is settled', async () => {
    const session = await login('john_doe')
    const { runtime: r } = runtime()
    r.start(session.access)
    await until(() => expect(r.store.getState().synced).toBe(true))
    const friends = await r.onlineFriends()
    expect([...friends.friendIds].sort()).toEqual(['18', '4', '5', '6', '8'])
    expect(friends.knownIds.has('12')).toBe(true) // amelia: online, not a friend
  })

  it('two runtimes of one user (two tabs) sharing Web Locks send one heartbeat; the other takes over when the first stops, at the interval', async () => {
    const seen = requests()
    const locks = new FakeLocks()
    const session = await login('john_doe')
    const tabA = runtime({ heartbeat: { locks } }).runtime
    const tabB = runtime({ heartbeat: { locks } }).runtime
    tabA.start(session.access)
    await until(() => expect(tabA.store.getState().heartbeat.state).toBe('beating'))
    tabB.start(session.access)
    await until(() => expect(tabB.store.getState().self).not.toBeNull())
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(seen.filter((s) => s === 'POST /api/chat/heartbeat/')).toHaveLength(1)
    expect(tabA.store.getState().heartbeat.isLeader).toBe(true)
    expect(tabB.store.getState().heartbeat).toMatchObject({ isLeader: false, state: 'idle' })
    const beatAt = tabA.store.getState().heartbeat.lastBeatAt
    tabA.stop()
    await until(() => expect(tabB.store.getState().heartbeat.isLeader).toBe(true))
    // B heard A's beat (its channel asked when it opened): it beats when the interval falls due, not again at once.
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(seen.filter((s) => s === 'POST /api/chat/heartbeat/')).toHaveLength(1)
    // A's beat as it left A (A's own time is when it landed, a few ms later).
    expect(tabB.store.getState().heartbeat.state).toBe('beating')
    expect(Math.abs((tabB.store.getState().heartbeat.lastBeatAt ?? 0) - (beatAt ?? Infinity))).toBeLessThan(1_000)
  })
})
