// Odd records from every backend shape, through the REST client and the socket's frames: what the kit was not
// written against. Each bad input gets a clear reason and costs nothing else: the rest of its list is kept, and a
// bad frame never closes the socket.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { parsePresence, parseServerMessage, PresenceRestClient, type BackendPreset, type InvalidRecord } from '../../src/client'
import { RECORD_LIMITS, readTime } from '../../src/client/fields'
import { readActivity, readConversations, readMe, readOnlineUsers } from '../../src/client/responses'
import type { RuntimeEvent } from '../../src/runtime'
import { createTestRuntime, stopTestRuntimes } from '../runtime/runtime-harness'
import { FakeWebSocket } from './fake-websocket'

const patchOf = (raw: unknown) => {
  const result = parsePresence(raw)
  if (!result.ok) throw new Error(result.reason)
  return result.patch
}

/** A REST client of `backend` whose every answer is `body` (with `contentType`). */
function restAnswering(backend: BackendPreset, body: string, contentType = 'application/json') {
  const issues: InvalidRecord[] = []
  const fetch = vi.fn<typeof globalThis.fetch>(async () => new Response(body, { headers: { 'content-type': contentType } }))
  const rest = new PresenceRestClient({ apiBaseUrl: 'http://backend.test', backend, fetch, token: 't', onInvalid: (issue) => issues.push(issue) })
  return { rest, issues }
}

// The presets with an online list (chat-list-activity has none: its list is the conversations).
const LIST_PRESETS: BackendPreset[] = ['contract', 'chat-socket', 'user-status-socket', 'chat-polling', 'users-heartbeat-admin']

describe('times: text that is not a date is no time, whatever Date.parse guesses', () => {
  it('"user 5", "hello 12", "1" and "0" are not taken for 2001 or 2000', () => {
    // V8's Date.parse reads each of these as a date in 2000 or 2001.
    for (const text of ['user 5', 'hello 12', 'Tuesday 3', 'v2', 'online', 'Invalid Date', 'NaN']) {
      expect(readTime(text), text).toBeUndefined()
      expect(patchOf({ id: 1, status: 'offline', last_seen: text }), text).not.toHaveProperty('lastSeen')
    }
  })

  it('epoch seconds or milliseconds sent as text read as the number would', () => {
    expect(readTime('1705314600')).toBe(1_705_314_600_000)
    expect(readTime('1705314600000')).toBe(1_705_314_600_000)
    expect(readTime('1705314600.5')).toBe(1_705_314_600_500)
    expect(readTime('0')).toBe(0)
    expect(readTime('99999999999999999')).toBeUndefined() // past what a Date holds
  })

  it('the date texts backends send are still read', () => {
    const at = Date.parse('2024-01-15T10:30:00Z')
    expect(readTime('2024-01-15T10:30:00Z')).toBe(at)
    expect(readTime('2024-01-15T10:30:00.000Z')).toBe(at)
    expect(readTime('2024-01-15T10:30:00.123456+00:00')).toBe(at + 123) // Python's isoformat()
    expect(readTime('2024-01-15T11:30:00+01:00')).toBe(at)
    expect(readTime('Mon, 15 Jan 2024 10:30:00 GMT')).toBe(at) // an HTTP date
    expect(readTime('15 Jan 2024 10:30:00 GMT')).toBe(at)
    expect(readTime('2024-01-15')).toBe(Date.parse('2024-01-15'))
    expect(readTime('+275760-09-13T00:00:00.000Z')).toBe(8.64e15)
  })

  it('last seen in the future, in 1970 and in 9999 are kept as sent; a number, a boolean or an object is unknown', () => {
    const future = Date.now() + 365 * 86_400_000
    expect(patchOf({ id: 1, status: 'offline', last_seen: new Date(future).toISOString() }).lastSeen).toBe(future)
    expect(patchOf({ id: 1, status: 'offline', last_seen: '1970-01-01T00:00:00Z' }).lastSeen).toBe(0)
    expect(patchOf({ id: 1, status: 'offline', last_seen: '9999-12-31T23:59:59Z' }).lastSeen).toBe(253_402_300_799_000)
    expect(patchOf({ id: 1, status: 'offline', last_seen: 1_705_314_600 }).lastSeen).toBe(1_705_314_600_000)
    for (const odd of [true, {}, [], -5, Number.NaN]) expect(patchOf({ id: 1, status: 'offline', last_seen: odd })).not.toHaveProperty('lastSeen')
  })

  it('an activity entry whose time is "hello 12" is dropped with a reason, the rest kept', () => {
    const result = readActivity([
      { user: { id: 2, username: 'jane_smith' }, event: 'online', at: 'hello 12' },
      { user: { id: 3, username: 'li_wei' }, event: 'away', at: '2024-01-15T10:30:00Z' },
    ])
    expect(result).toEqual({
      ok: true,
      value: [{ user: { id: '3', username: 'li_wei' }, event: 'away', at: Date.parse('2024-01-15T10:30:00Z') }],
      issues: ['activity entry #0: at: not a time'],
    })
  })
})

describe('REST bodies of every backend shape', () => {
  it.each(LIST_PRESETS)('%s: an empty body, a 200 with HTML, an object for a list: each a clear invalid_response', async (backend) => {
    const cases: Array<[string, string, string, RegExp]> = [
      ['', 'application/json', 'empty', /the body is empty/],
      ['<!doctype html><html><body>Sign in</body></html>', 'text/html', 'html', /not JSON/],
      ['{"1": {"id": 1, "username": "ahmad"}}', 'application/json', 'object', /no onlineUsers \/ online_users list/],
      ['{"onlineUsers": {"users": [{"id": 1}]}}', 'application/json', 'nested', /no onlineUsers \/ online_users list/],
      ['null', 'application/json', 'null', /expected a list of users/],
    ]
    for (const [body, type, what, reason] of cases) {
      const { rest } = restAnswering(backend, body, type)
      await expect(rest.onlineUsers(), what).rejects.toMatchObject({ code: 'invalid_response', status: 200, message: expect.stringMatching(reason) })
    }
  })

  it.each(LIST_PRESETS)('%s: ids as numbers and strings, bare or as objects, are one key each; a bare id among objects is a bad record', async (backend) => {
    const mixed = restAnswering(
      backend,
      JSON.stringify([{ id: 5, username: 'ahmad', status: 'online' }, { id: '6', username: 'jane', is_online: true }, 7, '8', ' 9 ']),
    )
    const { users, detailed } = await mixed.rest.onlineUsers()
    expect(users.map((user) => user.id)).toEqual(['5', '6'])
    expect(detailed).toBe(true)
    expect(mixed.issues.map((issue) => issue.reason)).toEqual(
      [2, 3, 4].map((index) => `user #${index}: a bare id in a list of user records`),
    )
    const bare = restAnswering(backend, JSON.stringify([7, '8', ' 9 ']))
    const ids = await bare.rest.onlineUsers()
    expect(ids.users.map((user) => user.id)).toEqual(['7', '8', '9'])
    expect(ids.detailed).toBe(false)
    expect(bare.issues).toEqual([])
  })

  it('10,000 users, one of them broken: 9,999 kept, one reason', async () => {
    const list: unknown[] = Array.from({ length: 10_000 }, (_, i) => ({ id: i + 1, username: `user_${i + 1}`, online_status: 'online' }))
    list[4_321] = { id: { $ne: null }, username: 'mallory', online_status: 'online' }
    const { rest, issues } = restAnswering('contract', JSON.stringify({ onlineUsers: list }))
    const { users } = await rest.onlineUsers()
    expect(users).toHaveLength(9_999)
    expect(users.some((user) => user.username === 'mallory')).toBe(false)
    expect(issues).toEqual([{ source: 'onlineUsers', reason: 'user #4321: the user id is not an integer or a well-formed string of 1 to 128 characters' }])
  })

  it('names: null, missing, 5,000 characters, RTL, emoji, zero-width, control characters and HTML', () => {
    const { value, issues } = readOnlineUsers([
      { id: 1, username: null, profile_image: null, is_online: true },
      { id: 2, is_online: true },
      { id: 3, username: 'n'.repeat(5_000), is_online: true },
      { id: 4, username: 'محمد\u202e علي', is_online: true },
      { id: 5, username: '👩‍👩‍👧 🇫🇷 family', is_online: true },
      { id: 6, username: '\u200b\u200d\u2060', is_online: true },
      { id: 7, username: '\u0000\u0007', is_online: true },
      { id: 8, username: '<img src=x onerror=alert(1)>', is_online: true },
    ]) as Extract<ReturnType<typeof readOnlineUsers>, { ok: true }>
    expect(value.users.map((user) => user.id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8'])
    const name = (id: string) => value.users.find((user) => user.id === id)!.username
    expect(name('1')).toBeNull()
    expect(value.users[1]).not.toHaveProperty('username') // unknown, not erased
    expect([...name('3')!]).toHaveLength(RECORD_LIMITS.username)
    expect(name('4')).toBe('محمد\u202e علي') // kept as sent: the components isolate it (dir="auto", <bdi>)
    expect(name('5')).toBe('👩‍👩‍👧 🇫🇷 family')
    expect(name('6')).toBeNull() // shows nothing: none
    expect(name('7')).toBeNull()
    expect(name('8')).toBe('<img src=x onerror=alert(1)>') // text, never markup
    expect(issues).toEqual(['user #2: username: longer than 256 characters: cut'])
  })

  it('unknown status values: the record is dropped with the word, unless is_online says which; the rest kept', () => {
    const { value, issues } = readOnlineUsers({
      onlineUsers: [
        { id: 1, username: 'a', online_status: 'busy' },
        { id: 2, username: 'b', online_status: 'busy', is_online: true },
        { id: 3, username: 'c', online_status: 'AWAY ' },
        { id: 4, username: 'd', online_status: 42 },
      ],
    }) as Extract<ReturnType<typeof readOnlineUsers>, { ok: true }>
    expect(value.users).toEqual([
      { id: '2', username: 'b', isOnline: true },
      { id: '3', username: 'c', status: 'away', isOnline: true },
      { id: '4', username: 'd', isOnline: true },
    ])
    expect(issues).toEqual(['user #0: unknown status "busy"'])
  })

  it('a status message of 10,000 characters is cut to 140; devices that are not a list, and nested junk, read as unknown', () => {
    const patch = patchOf({
      id: 1,
      status: 'away',
      status_message: 'm'.repeat(10_000),
      devices: 'mobile',
      idle: 'yes',
      username: { first: 'a', last: 'b' },
      profile_image: ['https://cdn.example/a.png'],
      last_seen: { $date: '2024-01-15T10:30:00Z' },
    })
    expect(patch).toEqual({ id: '1', status: 'away', isOnline: true, statusMessage: 'm'.repeat(RECORD_LIMITS.statusMessage) })
    expect(patchOf({ id: 1, status: 'online', devices: { web: true } })).not.toHaveProperty('devices')
    expect(patchOf({ id: 1, status: 'online', devices: ['web', 7, null, 'toaster', 'web'] }).devices).toEqual(['web'])
  })

  it('an empty body for me is said as such', () => {
    expect(readMe(undefined)).toEqual({ ok: false, reason: 'the body is empty' })
    expect(readActivity(undefined)).toEqual({ ok: false, reason: 'the body is empty' })
    expect(readConversations(undefined)).toEqual({ ok: false, reason: 'the body is empty' })
  })

  it('conversations: the same id twice (5 and "5") is one row; the repeat is reported', async () => {
    const { rest, issues } = restAnswering(
      'chat-list-activity',
      JSON.stringify([
        { id: 5, other_user: { id: 2, username: 'jane_smith', is_online: true }, unread_count: 1 },
        { id: '5', other_user: { id: 2, username: 'jane_smith', is_online: false }, unread_count: 0 },
        { id: 6, other_user: { id: 3, username: 'li_wei', is_online: false } },
      ]),
    )
    const list = await rest.conversations()
    expect(list.map((conversation) => conversation.id)).toEqual(['5', '6'])
    expect(list[0]!.otherUser.isOnline).toBe(true) // the first, most recent copy
    expect(issues).toEqual([{ source: 'conversations', reason: 'conversation #1: id "5" is already listed: dropped' }])
  })

  it('conversations: a repeat of an id whose first copy was unusable is kept', () => {
    const result = readConversations([
      { id: 5, other_user: 'nobody' },
      { id: 5, other_user: { id: 2, username: 'jane_smith', is_online: true } },
    ])
    expect(result.ok && result.value.map((conversation) => conversation.otherUser.username)).toEqual(['jane_smith'])
  })
})

describe('socket frames', () => {
  it('a snapshot whose onlineUsers is not a list uses online_users beside it', () => {
    const message = parseServerMessage(JSON.stringify({ type: 'online_users', onlineUsers: { 1: { id: 1 } }, online_users: [1, 2] }))
    expect(message).toEqual({ type: 'snapshot', users: [{ id: '1', isOnline: true }, { id: '2', isOnline: true }], detailed: false, issues: [] })
  })

  it('a snapshot with ids under onlineUsers and objects under online_users takes the objects, as the REST body does', () => {
    const body = { onlineUsers: [1], online_users: [{ id: 1, username: 'ahmad', status: 'away' }] }
    const message = parseServerMessage(JSON.stringify({ type: 'online_users', ...body }))
    expect(message).toMatchObject({ type: 'snapshot', users: [{ id: '1', username: 'ahmad', status: 'away' }], detailed: true })
    expect(readOnlineUsers(body)).toMatchObject({ ok: true, value: { users: [{ id: '1', username: 'ahmad' }], detailed: true } })
  })

  it('a change whose nested user has no id takes the frame’s userId, as it takes its user_id', () => {
    expect(parseServerMessage(JSON.stringify({ type: 'user.status.changed', user: { status: 'away' }, user_id: 3 }))).toEqual({
      type: 'change',
      user: { id: '3', status: 'away', isOnline: true },
    })
    expect(parseServerMessage(JSON.stringify({ type: 'user.status.changed', user: { status: 'away' }, userId: 3 }))).toEqual({
      type: 'change',
      user: { id: '3', status: 'away', isOnline: true },
    })
  })

  it('a frame with a byte order mark before its JSON is read', () => {
    expect(parseServerMessage('\ufeff{"type":"pong","ts":"2024-01-15T10:30:00Z"}')).toEqual({ type: 'pong', ts: Date.parse('2024-01-15T10:30:00Z') })
  })

  it('a frame of 1 MB (10,000 users) is read whole', () => {
    const users = Array.from({ length: 10_000 }, (_, i) => ({ id: i + 1, username: `${'u'.repeat(90)}${i}`, status: 'online' }))
    const frame = JSON.stringify({ type: 'online_users', onlineUsers: users })
    expect(frame.length).toBeGreaterThan(1_000_000)
    const message = parseServerMessage(frame)
    expect(message.type === 'snapshot' && message.users.length).toBe(10_000)
  })
})

describe('through the runtime: odd frames are reported, the socket stays open', () => {
  beforeEach(() => FakeWebSocket.reset())
  afterEach(stopTestRuntimes)

  async function connected() {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => Response.json({ error: { code: 'not_found', message: 'no' } }, { status: 404 }))
    const runtime = createTestRuntime(
      { fetch },
      {
        schedule: (callback) => {
          queueMicrotask(callback)
          return () => {}
        },
      },
    )
    const events: RuntimeEvent[] = []
    runtime.subscribe((event) => events.push(event))
    runtime.start('token')
    await vi.waitFor(() => expect(FakeWebSocket.instances.length).toBe(1))
    FakeWebSocket.last.open()
    return { runtime, events, socket: FakeWebSocket.last }
  }

  it('duplicate ids in one snapshot are one user; a change for a user never listed adds them, nameless; junk frames are reported', async () => {
    const { runtime, events, socket } = await connected()
    socket.receive({
      type: 'online_users',
      onlineUsers: [
        { id: 5, username: 'ahmad', status: 'online' },
        { id: '5', status: 'away' },
        { id: 6, username: 'jane_smith', status: 'online', lastSeen: 'hello 12' },
      ],
    })
    await vi.waitFor(() => expect([...runtime.store.users.values()].map((user) => user.id).sort()).toEqual(['5', '6']))
    expect(runtime.store.users.get('5')).toMatchObject({ username: 'ahmad', status: 'away' })
    expect(runtime.store.users.get('6')).toMatchObject({ lastSeen: null })

    socket.receive({ type: 'user.status.changed', user: { id: 99, status: 'dnd' } })
    await vi.waitFor(() => expect(runtime.store.users.get('99')).toMatchObject({ username: null, status: 'dnd', isOnline: true }))

    for (const junk of ['<html>', '', 'null', '[]', '{"type":5}', JSON.stringify({ type: 'user.status.changed', user: { status: 'busy' } }), 'x'.repeat(1_000_000)]) {
      socket.receive(junk)
    }
    socket.receive({ type: 'user.status.changed', user: { id: 6, status: 'offline' } })
    await vi.waitFor(() => expect(runtime.store.users.get('6')?.status).toBe('offline'))
    expect(socket.closedWith).toBeNull()
    expect(FakeWebSocket.instances).toHaveLength(1)
    const reasons = events.flatMap((event) => (event.type === 'invalid' ? [event.reason] : []))
    // The seven junk frames, and user 6's last seen.
    expect(reasons).toHaveLength(8)
    expect(reasons[0]).toBe('online_users: user #2: last seen: not a time')
    expect(reasons.every((reason) => reason.length < 200)).toBe(true)
  })
})

describe('flags as text', () => {
  it('is_online "false" in a change frame takes the user offline instead of changing nothing', () => {
    expect(parseServerMessage(JSON.stringify({ type: 'user_status_changed', user_id: 3, is_online: 'false' }))).toEqual({
      type: 'change',
      user: { id: '3', isOnline: false },
    })
    expect(patchOf({ id: 3, is_online: 'True' }).isOnline).toBe(true) // Python's str(True)
    expect(patchOf({ id: 3, status: 'away', idle: 'true' }).idle).toBe(true)
    // Other words say nothing.
    expect(patchOf({ id: 3, is_online: 'yes' })).toEqual({ id: '3' })
  })
})
