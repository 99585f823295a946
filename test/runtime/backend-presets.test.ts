// The runtime against each backend design, with the server played by the test: a fake fetch that answers only the
// paths it is given (every other path is a JSON 404 and is recorded), and fake sockets. Fake timers drive the
// intervals, so "every 30 s" is checked as it is, not waited for.
import { describe, expect, it, vi } from 'vitest'
import { PresenceApiError, isMissingEndpoint } from '../../src/client'
import type { PresenceRuntime, PresenceRuntimeOptions, RuntimeEvent } from '../../src/runtime'
import { selectOnlineUsers, selectTransport } from '../../src/store'
import { FakeWebSocket } from '../client/fake-websocket'
import { createTestRuntime, withRuntimeTestClock } from './runtime-harness'

type Answer = unknown | ((url: URL, init: RequestInit | undefined) => Response | Promise<Response>)

/** A backend that knows only `routes` ("METHOD /path" → a JSON body, or a function making the response). */
function backendOf(routes: Record<string, Answer>) {
  const seen: string[] = []
  const fetch = vi.fn<typeof globalThis.fetch>(async (input, init) => {
    const url = new URL(String(input))
    const key = `${init?.method ?? 'GET'} ${url.pathname}`
    seen.push(`${key}${url.search}`)
    const answer = routes[key]
    if (answer === undefined) return Response.json({ error: { code: 'not_found', message: 'no such route' } }, { status: 404 })
    return typeof answer === 'function' ? (answer as (url: URL, init: RequestInit | undefined) => Response)(url, init) : Response.json(answer)
  })
  return { fetch, seen, count: (key: string) => seen.filter((s) => s === key).length }
}

withRuntimeTestClock()

function start(server: { fetch: typeof fetch }, options: PresenceRuntimeOptions, token = 'access-1') {
  const runtime = createTestRuntime(server, {
    // Socket events reach the store at once (no frame to wait for).
    schedule: (callback) => {
      let live = true
      queueMicrotask(() => live && callback())
      return () => {
        live = false
      }
    },
    ...options,
  })
  const events: RuntimeEvent[] = []
  runtime.subscribe((event) => events.push(event))
  runtime.start(token)
  return { runtime, events }
}

const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms)
const user = (runtime: PresenceRuntime, id: string) => runtime.store.users.get(id)
const onlineNames = (runtime: PresenceRuntime) => selectOnlineUsers()(runtime.store.users, runtime.store.getState().self).map((u) => u.username ?? `#${u.id}`)

const ALICE = { id: 1, username: 'alice', profile_image: 'http://backend.test/avatars/1.svg', is_online: true, last_seen: '2024-01-15T10:30:00Z' }
const BOB = { id: 2, username: 'bob', profile_image: 'http://backend.test/avatars/2.svg', is_online: true, last_seen: '2024-01-15T10:31:00Z' }

describe('user-status-socket: a socket of changes only, the list on connect and every 30 s', () => {
  it('reads the list when the socket opens, not before; refreshes it every 30 s while open; nothing else', async () => {
    const server = backendOf({ 'GET /api/users/online/': [ALICE] })
    const { runtime } = start(server, { backend: 'user-status-socket', userId: 3 })
    await advance(0)
    expect(FakeWebSocket.last.url).toBe('ws://backend.test/ws/user-status/?token=access-1')
    expect(server.seen).toEqual([])
    expect(runtime.store.getState().synced).toBe(false)

    FakeWebSocket.last.open()
    await advance(0)
    expect(server.seen).toEqual(['GET /api/users/online/'])
    expect(runtime.store.getState().synced).toBe(true)
    expect(onlineNames(runtime)).toEqual(['alice'])
    expect(selectTransport(runtime.store.getState())).toBe('socket')

    await advance(30_000)
    expect(server.count('GET /api/users/online/')).toBe(2)
    await advance(60_000)
    expect(server.count('GET /api/users/online/')).toBe(4)
    // No heartbeat, no /me, no mark-offline: this backend has none. A ping every 30 s over the socket.
    expect(new Set(server.seen)).toEqual(new Set(['GET /api/users/online/']))
    expect(FakeWebSocket.last.pings).toBe(4)
  })

  it('a late joiner sees who was online already; changes follow; the list without the caller leaves the caller online', async () => {
    const server = backendOf({ 'GET /api/users/online/': [ALICE, BOB] })
    const { runtime } = start(server, { backend: 'user-status-socket', userId: 3 })
    await advance(0)
    FakeWebSocket.last.open()
    // The caller's own change (this backend tells every socket, the caller's own too).
    FakeWebSocket.last.receive({ type: 'user.status.changed', user_id: 3, username: 'carol', is_online: true, last_seen: '2024-01-15T10:32:00Z' })
    await advance(0)
    expect(onlineNames(runtime)).toEqual(['alice', 'bob'])
    expect(user(runtime, '3')?.isOnline).toBe(true)

    FakeWebSocket.last.receive({ type: 'user.status.changed', user_id: 2, username: 'bob', is_online: false, last_seen: '2024-01-15T10:33:00Z' })
    await advance(0)
    expect(onlineNames(runtime)).toEqual(['alice'])
    // The refresh of a list that leaves the caller out does not take the caller for gone.
    await advance(30_000)
    expect(server.count('GET /api/users/online/')).toBe(2)
    expect(user(runtime, '3')?.isOnline).toBe(true)
  })

  it('includeSelf: the caller is online while this tab’s socket is open, also without a change frame of their own (a second tab)', async () => {
    const server = backendOf({ 'GET /api/users/online/': [ALICE] })
    const { runtime } = start(server, { backend: 'user-status-socket', userId: 3 })
    await advance(0)
    FakeWebSocket.last.open()
    await advance(0)
    // The caller was online already (another tab), so the backend sends no change; its list leaves the caller out.
    const withSelf = selectOnlineUsers({ includeSelf: true })(runtime.store.users, runtime.store.getState().self)
    expect(withSelf.map((u) => u.id)).toEqual(['1', '3'])
    expect(onlineNames(runtime)).toEqual(['alice'])
    await advance(30_000)
    expect(user(runtime, '3')?.isOnline).toBe(true)
  })

  it('a change that arrives while the list is out is newer than the list: it wins', async () => {
    let answer: (response: Response) => void = () => {}
    const server = backendOf({ 'GET /api/users/online/': () => new Promise<Response>((resolve) => (answer = resolve)) })
    const late = start(server, { backend: 'user-status-socket', userId: 3 }).runtime
    await advance(0)
    FakeWebSocket.last.open()
    await advance(0)
    expect(server.count('GET /api/users/online/')).toBe(1)
    // Bob leaves after the server made the list (which still has him), before the answer arrives.
    FakeWebSocket.last.receive({ type: 'user.status.changed', user_id: 2, username: 'bob', is_online: false })
    answer(Response.json([ALICE, BOB]))
    await advance(0)
    expect(late.store.getState().synced).toBe(true)
    expect(onlineNames(late)).toEqual(['alice'])
  })

  it('a reconnect reads the list again (what was missed while away heals)', async () => {
    const online = [ALICE]
    const server = backendOf({ 'GET /api/users/online/': () => Response.json(online) })
    const { runtime } = start(server, { backend: 'user-status-socket', userId: 3, socket: { random: () => 0 } })
    await advance(0)
    FakeWebSocket.last.open()
    await advance(0)
    expect(onlineNames(runtime)).toEqual(['alice'])
    FakeWebSocket.last.drop(1006)
    online.push(BOB) // bob came while the socket was down: no change frame reached us
    await advance(1_000)
    FakeWebSocket.last.open()
    await advance(0)
    expect(server.count('GET /api/users/online/')).toBe(2)
    expect(onlineNames(runtime)).toEqual(['alice', 'bob'])
  })

  it('when the socket comes back from the fallback, the list is read at once, not at the next poll', async () => {
    const server = backendOf({ 'GET /api/users/online/': [ALICE] })
    start(server, { backend: 'user-status-socket', userId: 3, fallback: { maxFailedAttempts: 1 }, socket: { random: () => 0 } })
    await advance(0)
    FakeWebSocket.last.drop(1006)
    await advance(0)
    expect(server.count('GET /api/users/online/')).toBe(1) // the fallback's first poll
    await advance(5_000)
    FakeWebSocket.last.open()
    await advance(0)
    expect(server.count('GET /api/users/online/')).toBe(2)
  })

  it('while the socket cannot be had, it polls the same list every 30 s', async () => {
    const server = backendOf({ 'GET /api/users/online/': [ALICE] })
    const { runtime } = start(server, { backend: 'user-status-socket', userId: 3, endpoints: { socket: null } })
    await advance(0)
    expect(FakeWebSocket.instances).toHaveLength(0)
    expect(selectTransport(runtime.store.getState())).toBe('polling')
    expect(server.count('GET /api/users/online/')).toBe(1)
    await advance(30_000)
    expect(server.count('GET /api/users/online/')).toBe(2)
  })
})

describe('chat-socket: a socket of ids, names from GET /api/chat/online-users/', () => {
  const details = {
    success: true,
    onlineUsers: [
      { id: '1', username: 'alice', profileImage: 'http://backend.test/avatars/1.svg', isOnline: true },
      { id: '2', username: 'bob', profileImage: 'http://backend.test/avatars/2.svg', isOnline: true },
      { id: '3', username: 'carol', profileImage: 'http://backend.test/avatars/3.svg', isOnline: true },
    ],
  }

  it('names the ids once: on the first list, then only for ids without a name, never on every frame; no pings', async () => {
    // The server's details list holds whoever is online when asked: bob comes later.
    const online = ['1', '3']
    const server = backendOf({
      'GET /api/chat/online-users/': () => Response.json({ ...details, onlineUsers: details.onlineUsers.filter((u) => online.includes(u.id)) }),
    })
    const { runtime } = start(server, { backend: 'chat-socket', userId: 3 })
    await advance(0)
    expect(FakeWebSocket.last.url).toBe('ws://backend.test/ws/chat/?token=access-1')
    FakeWebSocket.last.open()
    FakeWebSocket.last.receive({ type: 'online_users', onlineUsers: ['1', '3'] })
    await advance(0)
    expect(server.seen).toEqual(['GET /api/chat/online-users/'])
    // The caller (userId) is known and left out of the list; the other is named, with a picture.
    expect(onlineNames(runtime)).toEqual(['alice'])
    expect(user(runtime, '1')).toMatchObject({ username: 'alice', profileImage: 'http://backend.test/avatars/1.svg', isOnline: true })

    FakeWebSocket.last.receive({ type: 'online_users', onlineUsers: ['1', '3'] })
    FakeWebSocket.last.receive({ type: 'online_users', onlineUsers: ['3'] })
    FakeWebSocket.last.receive({ type: 'online_users', onlineUsers: ['1', '3'] })
    await advance(0)
    expect(server.seen).toHaveLength(1)

    online.push('2')
    FakeWebSocket.last.receive({ type: 'online_users', onlineUsers: ['1', '2', '3'] })
    await advance(0)
    expect(server.seen).toHaveLength(2)
    expect(onlineNames(runtime)).toEqual(['alice', 'bob'])
    await advance(120_000)
    expect(FakeWebSocket.last.pings).toBe(0)
    expect(new Set(server.seen)).toEqual(new Set(['GET /api/chat/online-users/']))
  })

  it('the details give names only: the socket stays the source of who is online', async () => {
    const server = backendOf({ 'GET /api/chat/online-users/': details })
    const { runtime } = start(server, { backend: 'chat-socket', userId: 3 })
    await advance(0)
    FakeWebSocket.last.open()
    FakeWebSocket.last.receive({ type: 'online_users', onlineUsers: ['1', '3'] })
    await advance(0)
    // Bob is in the details (an older answer) but not in the socket's list: not online.
    expect(user(runtime, '2')?.isOnline ?? false).toBe(false)
    expect(onlineNames(runtime)).toEqual(['alice'])
  })

  it('resolveUsers names a user shown by id who is offline (the details list only who is online); online ones are the details’', async () => {
    const server = backendOf({ 'GET /api/chat/online-users/': details })
    const resolveUsers = vi.fn(async (ids: string[]) => ids.map((id) => ({ id, username: `user-${id}` })))
    const { runtime } = start(server, { backend: 'chat-socket', userId: 3, resolveUsers })
    await advance(0)
    FakeWebSocket.last.open()
    FakeWebSocket.last.receive({ type: 'online_users', onlineUsers: ['1', '3'] })
    await advance(0)
    // A chat header of dave (offline: in no list) and one of alice (online: named by the details).
    runtime.store.users.subscribe('4', () => {})
    runtime.store.users.subscribe('1', () => {})
    await advance(0)
    expect(resolveUsers.mock.calls).toEqual([[['4']]])
    expect(user(runtime, '4')).toMatchObject({ username: 'user-4', isOnline: false })
    expect(user(runtime, '1')).toMatchObject({ username: 'alice' })
    expect(server.seen).toEqual(['GET /api/chat/online-users/'])
  })

  it('with resolveUsers, the socket’s ids are still named by the details, also when the store applies them a frame later', async () => {
    const server = backendOf({ 'GET /api/chat/online-users/': details })
    const resolveUsers = vi.fn(async (ids: string[]) => ids.map((id) => ({ id, username: `user-${id}` })))
    const frame = (callback: () => void) => {
      const timer = setTimeout(callback, 16)
      return () => clearTimeout(timer)
    }
    const { runtime } = start(server, { backend: 'chat-socket', userId: 3, resolveUsers, schedule: frame })
    await advance(0)
    FakeWebSocket.last.open()
    FakeWebSocket.last.receive({ type: 'online_users', onlineUsers: ['1', '2', '3'] })
    await advance(50)
    expect(resolveUsers).not.toHaveBeenCalled()
    expect(onlineNames(runtime)).toEqual(['alice', 'bob'])
  })

  it('a failed details call is reported as invalid, the ids keep placeholders, and it is not asked again for them', async () => {
    const server = backendOf({ 'GET /api/chat/online-users/': () => new Response('<h1>Server Error</h1>', { status: 500 }) })
    const failing = start(server, { backend: 'chat-socket', userId: 3 })
    await advance(0)
    FakeWebSocket.last.open()
    FakeWebSocket.last.receive({ type: 'online_users', onlineUsers: ['1', '3'] })
    await advance(0)
    FakeWebSocket.last.receive({ type: 'online_users', onlineUsers: ['1', '3'] })
    await advance(0)
    expect(server.seen).toEqual(['GET /api/chat/online-users/'])
    expect(onlineNames(failing.runtime)).toEqual(['#1'])
    expect(failing.events).toEqual([{ type: 'invalid', source: 'userDetails', reason: 'names could not be had: Server Error' }])
  })
})

describe('chat-polling: no socket, heartbeat every 2 min, ids every 10 s, names from resolveUsers', () => {
  const routes = {
    'POST /api/chat/heartbeat/': { message: 'Heartbeat recorded' },
    'GET /api/chat/online-users/': { online_users: [1, 2, 3] },
    'POST /api/chat/mark-offline/': { success: true },
  }

  it('never makes a socket; beats at once and every 120 s; polls the ids every 10 s; only its own paths', async () => {
    const server = backendOf(routes)
    const { runtime } = start(server, { backend: 'chat-polling', userId: 3 })
    await advance(0)
    expect(FakeWebSocket.instances).toHaveLength(0)
    expect(runtime.socket).toBeNull()
    expect(server.seen.sort()).toEqual(['GET /api/chat/online-users/', 'POST /api/chat/heartbeat/'])
    expect(selectTransport(runtime.store.getState())).toBe('polling')
    // Ids only and no resolver: placeholders, the caller left out.
    expect(onlineNames(runtime)).toEqual(['#1', '#2'])

    await advance(120_000)
    expect(server.count('POST /api/chat/heartbeat/')).toBe(2)
    expect(server.count('GET /api/chat/online-users/')).toBe(13)
    await runtime.markOffline()
    expect(server.count('POST /api/chat/mark-offline/')).toBe(1)
    await advance(60_000)
    expect(server.count('GET /api/chat/online-users/')).toBe(13)
    expect(new Set(server.seen)).toEqual(new Set(Object.keys(routes)))
  })

  it('a heartbeat endpoint that answers 404 stops the beats and says why: the store’s heartbeat holds the 404', async () => {
    const { 'POST /api/chat/heartbeat/': _missing, ...rest } = routes
    const server = backendOf(rest)
    const { runtime } = start(server, { backend: 'chat-polling', userId: 3 })
    await advance(0)
    const { heartbeat } = runtime.store.getState()
    expect(heartbeat.state).toBe('stopped')
    expect(isMissingEndpoint(heartbeat.error)).toBe(true)
    expect((heartbeat.error as PresenceApiError).url).toBe('http://backend.test/api/chat/heartbeat/')
    await advance(600_000)
    expect(server.count('POST /api/chat/heartbeat/')).toBe(1)
  })

  it('resolveUsers names and pictures: once per unknown id, the ids of one list in one call', async () => {
    const online = [1, 2, 3]
    const server = backendOf({ ...routes, 'GET /api/chat/online-users/': () => Response.json({ online_users: online }) })
    const resolveUsers = vi.fn(async (ids: string[]) =>
      ids.map((id) => ({ id, username: `user-${id}`, profileImage: `http://app.test/${id}.png` })),
    )
    const { runtime } = start(server, { backend: 'chat-polling', userId: 3, resolveUsers })
    await advance(0)
    expect(resolveUsers.mock.calls).toEqual([[['1', '2', '3']]])
    expect(onlineNames(runtime)).toEqual(['user-1', 'user-2'])
    expect(user(runtime, '2')).toMatchObject({ profileImage: 'http://app.test/2.png', isOnline: true })

    await advance(20_000)
    expect(resolveUsers).toHaveBeenCalledTimes(1)
    online.push(7)
    await advance(10_000)
    expect(resolveUsers.mock.calls).toEqual([[['1', '2', '3']], [['7']]])
    expect(onlineNames(runtime)).toEqual(['user-1', 'user-2', 'user-7'])
  })

  it('resolveUsers also names a user shown by id whom no list names (a chat header of an offline peer)', async () => {
    const server = backendOf(routes)
    const resolveUsers = vi.fn(async (ids: string[]) => ids.map((id) => ({ id, username: `user-${id}` })))
    const { runtime } = start(server, { backend: 'chat-polling', userId: 3, resolveUsers })
    // Shown before the session runs: named once it does.
    const offBefore = runtime.store.users.subscribe('9', () => {})
    await advance(0)
    expect(user(runtime, '9')).toMatchObject({ username: 'user-9', isOnline: false })
    // Shown while it runs: named at once, each id once.
    runtime.store.users.subscribe('8', () => {})
    runtime.store.users.subscribe('8', () => {})
    await advance(0)
    expect(user(runtime, '8')).toMatchObject({ username: 'user-8', isOnline: false })
    expect(resolveUsers.mock.calls.flatMap(([ids]) => ids).sort()).toEqual(['1', '2', '3', '8', '9'])
    offBefore()
    // Polls later ask nothing more.
    const calls = resolveUsers.mock.calls.length
    await advance(30_000)
    expect(resolveUsers).toHaveBeenCalledTimes(calls)
  })

  it('a failing or odd resolver is reported, never thrown; its ids are not asked again', async () => {
    const server = backendOf(routes)
    const resolveUsers = vi.fn(async (): Promise<Array<{ id: number; username: string }>> => {
      throw new Error('users service down')
    })
    const { runtime, events } = start(server, { backend: 'chat-polling', userId: 3, resolveUsers })
    await advance(30_000)
    expect(resolveUsers).toHaveBeenCalledTimes(1)
    expect(events).toEqual([{ type: 'invalid', source: 'resolveUsers', reason: 'names could not be had: users service down' }])
    expect(onlineNames(runtime)).toEqual(['#1', '#2'])

    const odd = vi.fn(async () => [{ id: 1, username: 'alice' }, { username: 'no id' }] as Array<{ id: number; username: string }>)
    const second = start(backendOf(routes), { backend: 'chat-polling', userId: 3, resolveUsers: odd })
    await advance(0)
    expect(onlineNames(second.runtime)).toEqual(['alice', '#2'])
    expect(second.events).toEqual([{ type: 'invalid', source: 'resolveUsers', reason: 'no user id' }])
  })
})

describe('chat-list-activity: no socket, no heartbeat; the peers’ is_online in the chat list', () => {
  const conversations = [
    { id: 10, other_user: { id: 1, username: 'alice', profile_image: 'http://backend.test/avatars/1.svg', is_online: true }, last_message: null, unread_count: 0 },
    { id: 11, other_user: { id: 2, username: 'bob', profile_image: 'http://backend.test/avatars/2.svg', is_online: false }, last_message: null, unread_count: 2 },
  ]

  it('polls the chat list at once and every 30 s; the online peers are the list; nothing else is called', async () => {
    const server = backendOf({ 'GET /api/chat/conversations/': conversations })
    const { runtime } = start(server, { backend: 'chat-list-activity', userId: 3 })
    await advance(0)
    expect(FakeWebSocket.instances).toHaveLength(0)
    expect(runtime.store.getState().synced).toBe(true)
    expect(onlineNames(runtime)).toEqual(['alice'])
    expect(user(runtime, '2')).toMatchObject({ username: 'bob', isOnline: false })
    await advance(60_000)
    expect(server.seen).toEqual(Array(3).fill('GET /api/chat/conversations/'))
  })
})

describe('users-heartbeat-admin: heartbeat every 30 s; the online list for admins only', () => {
  const heartbeat = { message: 'Heartbeat recorded', online_status: 'online', last_seen: '2024-01-15T10:30:00Z' }

  it('a non-admin: one 403, then no list at all (unavailable, no retry loop); the heartbeat goes on every 30 s', async () => {
    const server = backendOf({
      'POST /api/users/heartbeat/': heartbeat,
      'GET /api/users/admin/users/online/': () => Response.json({ error: { code: 'forbidden', message: 'admins only' } }, { status: 403 }),
    })
    const { runtime, events } = start(server, { backend: 'users-heartbeat-admin', userId: 3 })
    await advance(0)
    expect(FakeWebSocket.instances).toHaveLength(0)
    expect(runtime.store.getState().syncError).toMatchObject({ status: 403 })
    await advance(300_000)
    expect(server.count('GET /api/users/admin/users/online/')).toBe(1)
    expect(server.count('POST /api/users/heartbeat/')).toBe(11)
    expect(events).toEqual([])
    // Asked for again only when the user says so.
    runtime.retryNow()
    await advance(0)
    expect(server.count('GET /api/users/admin/users/online/')).toBe(2)
  })

  it('an admin: the whole list, page after page', async () => {
    const page = (url: URL) => {
      const n = Number(url.searchParams.get('page') ?? 1)
      const items = n === 1 ? [ALICE, { ...BOB, online_status: 'away' }] : [{ id: 3, username: 'carol', is_online: true, online_status: 'online' }]
      return Response.json({
        online_users: items,
        online_count: 3,
        pagination: { page: n, per_page: 2, total: 3, total_pages: 2, has_next: n < 2, has_previous: n > 1 },
      })
    }
    const server = backendOf({ 'POST /api/users/heartbeat/': heartbeat, 'GET /api/users/admin/users/online/': page })
    const { runtime } = start(server, { backend: 'users-heartbeat-admin', userId: 9 })
    await advance(0)
    // Read twice: the caller (9) is not in the first answer, so it is read again once the first beat has landed.
    const read = ['GET /api/users/admin/users/online/', 'GET /api/users/admin/users/online/?page=2&per_page=2']
    expect(server.seen.filter((s) => s.startsWith('GET'))).toEqual([...read, ...read])
    expect(onlineNames(runtime)).toEqual(['alice', 'bob', 'carol'])
    expect(user(runtime, '2')?.status).toBe('away')
  })
})

describe('a list the backend does not have', () => {
  it('a 404 of the main list stops the polling (no loop); a retry asks once more', async () => {
    const server = backendOf({})
    const { runtime } = start(server, { backend: 'contract', endpoints: { socket: null, me: null, heartbeat: null }, userId: 3 })
    await advance(0)
    expect(runtime.store.getState().syncError).toBeInstanceOf(PresenceApiError)
    await advance(120_000)
    expect(server.seen).toEqual(['GET /api/chat/online-users/'])
    expect(selectTransport(runtime.store.getState())).toBe('none')
    runtime.retryNow()
    await advance(0)
    expect(server.seen).toHaveLength(2)
  })

  it('a backend with no list and no socket asks nothing', async () => {
    const server = backendOf({})
    start(server, { backend: 'users-heartbeat-admin', endpoints: { onlineUsers: null, heartbeat: null }, userId: 3 })
    await advance(60_000)
    expect(server.seen).toEqual([])
    expect(FakeWebSocket.instances).toHaveLength(0)
  })
})
