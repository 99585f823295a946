// Every backend record is untrusted at the edge (issue 11): times within what a Date holds, image URLs that cannot
// run script or leave the allowed schemes, ids and text bounded, text that shows nothing read as none. A record
// that fails is dropped, the rest of its list kept, and the drop reported.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  parsePresence,
  parsePresenceList,
  parseServerMessage,
  parseTimestamp,
  PresenceRestClient,
  readErrorBody,
  type InvalidRecord,
} from '../../src/client'
import { MAX_ISSUES, RECORD_LIMITS } from '../../src/client/fields'
import { readActivity, readConversations, readMe, readNextPage } from '../../src/client/responses'
import { PresenceRuntime, type RuntimeEvent } from '../../src/runtime'
import { FakeWebSocket } from './fake-websocket'

const HUGE = 'x'.repeat(10_000_000)
const patchOf = (raw: unknown) => {
  const result = parsePresence(raw)
  if (!result.ok) throw new Error(result.reason)
  return result.patch
}

describe('timestamps stay within what a Date holds', () => {
  it('a number past ±8.64e15 ms (the issue’s 9e15) is no time, not a Date that throws', () => {
    expect(parseTimestamp(9e15)).toBeUndefined()
    expect(parseTimestamp(8.64e15)).toBe(8.64e15)
    expect(parseTimestamp(Number.MAX_VALUE)).toBeUndefined()
    // A number below 1e11 is seconds, scaled before the check; from 1e11 on it is milliseconds.
    expect(parseTimestamp(8.64e12)).toBe(8.64e12)
    expect(parseTimestamp(-1)).toBeUndefined()
    expect(parseTimestamp(99_999_999_999)).toBe(99_999_999_999_000)
    expect(parseTimestamp(1705314600)).toBe(1705314600000)
  })

  it('every time that comes out can be printed', () => {
    for (const value of [9e15, 8.64e15, 1e16, 99_999_999_999, '+275760-09-13T00:00:00.001Z', '-271821-04-20T00:00:00Z', 1e300]) {
      const ms = parseTimestamp(value)
      if (typeof ms === 'number') expect(() => new Date(ms).toISOString()).not.toThrow()
    }
  })

  it('a 10 MB string is not given to Date.parse', () => {
    const parse = vi.spyOn(Date, 'parse')
    expect(parseTimestamp(`2024-01-15T10:30:00Z${HUGE}`)).toBeUndefined()
    expect(parse).not.toHaveBeenCalled()
    parse.mockRestore()
  })

  it('a conversation whose last message was sent at 9e15 keeps its text, loses its time, and is reported', () => {
    const result = readConversations([
      { id: 1, other_user: { id: 2, username: 'jane_smith', online_status: 'online' }, last_message: { text: 'hi', sent_at: 9e15, sender_id: 2 } },
    ])
    expect(result).toEqual({
      ok: true,
      value: [expect.objectContaining({ id: '1', lastMessage: { text: 'hi', sentAt: null, senderId: '2' } })],
      issues: ['conversation #0: last_message.sent_at: not a time a Date can hold'],
    })
  })

  it('a user’s last seen at 9e15 reads as unknown; an activity entry at 9e15 is dropped and the rest kept', () => {
    expect(patchOf({ id: 2, status: 'online', lastSeen: 9e15 })).not.toHaveProperty('lastSeen')
    const activity = readActivity([
      { user: { id: 2, username: 'jane' }, event: 'away', at: 9e15 },
      { user: { id: 3, username: 'john' }, event: 'online', at: '2024-01-15T10:30:00Z' },
    ])
    expect(activity).toEqual({
      ok: true,
      value: [{ user: { id: '3', username: 'john' }, event: 'online', at: Date.parse('2024-01-15T10:30:00Z') }],
      issues: ['activity entry #0: at: not a time'],
    })
  })
})

describe('image URLs: http(s), same-origin paths, blob: and raster data: only', () => {
  const allowed = [
    'https://cdn.example/avatars/2.png',
    'HTTP://backend.test/avatars/2.svg',
    '/media/avatars/2.png',
    'avatars/2.png',
    'blob:https://app.example/5f0c-4c1e',
    'data:image/png;base64,iVBORw0KGgo=',
    'data:image/jpeg;base64,/9j/4AAQ',
    'data:image/webp;base64,UklGR',
    'data:image/avif;base64,AAAA',
    'data:image/gif;base64,R0lGOD',
  ]
  const refused = [
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'java\tscript:alert(1)',
    ' javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:image/svg+xml,<svg onload=alert(1)>',
    'data:image/svg+xml;base64,PHN2Zz4=',
    'data:text/html,<script>alert(1)</script>',
    'data:,hello',
    '//evil.example/a.png',
    '/\\evil.example/a.png',
    '\\\\evil.example\\a.png',
    'https:evil.example',
    'file:///etc/passwd',
    'ftp://files.example/a.png',
    `https://cdn.example/${'a'.repeat(RECORD_LIMITS.url)}`,
    `data:image/png;base64,${'A'.repeat(RECORD_LIMITS.dataUrl)}`,
    `https://cdn.example/${HUGE}`,
  ]

  it.each(allowed)('%s goes through', (url) => {
    expect(patchOf({ id: 1, status: 'online', profileImage: url }).profileImage).toBe(url)
  })

  it.each(refused.map((url) => [url.slice(0, 60), url]))('%s is refused: no image, and reported', (_label, url) => {
    const reports: string[] = []
    const result = parsePresence({ id: 1, status: 'online', profile_image: url }, (reason) => reports.push(reason))
    expect(result).toEqual({ ok: true, patch: { id: '1', status: 'online', isOnline: true, profileImage: null } })
    expect(reports).toEqual([expect.stringMatching(/^profile_image: image URL refused: /)])
  })
})

describe('ids and text are bounded', () => {
  it(`an id of more than ${RECORD_LIMITS.id} characters, or an integer past 2^53, drops the record and keeps the list`, () => {
    const list = parsePresenceList([
      { id: 'a'.repeat(RECORD_LIMITS.id), status: 'online' },
      { id: 'b'.repeat(RECORD_LIMITS.id + 1), status: 'online' },
      { id: 2 ** 53, status: 'online' },
      'c'.repeat(RECORD_LIMITS.id + 1),
      { id: HUGE, status: 'online' },
      { id: '\ud83d', status: 'online' },
      { id: 7, status: 'online' },
    ])
    expect(list.users.map((u) => u.id)).toEqual(['a'.repeat(RECORD_LIMITS.id), '7'])
    expect(list.issues).toEqual([
      'user #1: the user id is not an integer or a well-formed string of 1 to 128 characters',
      'user #2: the user id is not an integer or a well-formed string of 1 to 128 characters',
      'user #3: a bare id in a list of user records',
      'user #4: the user id is not an integer or a well-formed string of 1 to 128 characters',
      'user #5: the user id is not an integer or a well-formed string of 1 to 128 characters',
    ])
  })

  it('a 10 MB username is cut to 256 code points, a status message to the contract’s 140, and both are reported', () => {
    const reports: string[] = []
    const result = parsePresence({ id: 1, status: 'online', username: HUGE, statusMessage: '🚀'.repeat(141) }, (r) => reports.push(r))
    expect(result.ok && result.patch.username).toBe('x'.repeat(256))
    expect(result.ok && result.patch.statusMessage).toBe('🚀'.repeat(140))
    expect(reports).toEqual(['username: longer than 256 characters: cut', 'statusMessage: longer than 140 characters: cut'])
    // 140 rockets are 280 UTF-16 units and within the limit.
    expect(patchOf({ id: 1, status: 'online', statusMessage: '🚀'.repeat(140) }).statusMessage).toBe('🚀'.repeat(140))
  })

  it('a cut never splits a surrogate pair', () => {
    const message = patchOf({ id: 1, status: 'online', statusMessage: `${'a'.repeat(139)}🚀🚀` }).statusMessage!
    expect(message).toBe(`${'a'.repeat(139)}🚀`)
    expect(message).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/)
  })

  it('a message or a name of zero-width spaces (or other invisible characters) only is none', () => {
    for (const blank of ['\u200b\u200b\u200b', '\u200d\u2060\ufeff', '\u3164', '\u2800 ', '\u00ad', '\ufe0f', ' \t\n']) {
      expect(patchOf({ id: 1, status: 'online', statusMessage: blank, username: blank })).toMatchObject({ statusMessage: null, username: null })
    }
    expect(patchOf({ id: 1, status: 'online', statusMessage: '\u200b🚀' }).statusMessage).toBe('\u200b🚀')
  })

  it('the caller’s own record is held to the same bounds (me)', () => {
    const result = readMe({ id: 3, username: 'john_doe', online_status: 'online', profile_image: 'javascript:alert(1)', last_seen: 9e15 })
    expect(result).toMatchObject({ ok: true, value: { profileImage: null, lastSeen: null } })
    expect(result.ok && result.issues).toEqual(['me: profile_image: image URL refused: scheme "javascript:" is not allowed', 'me: last seen: not a time'])
  })

  it('error bodies and error frames are bounded', () => {
    const body = readErrorBody(JSON.stringify({ error: { code: HUGE, message: HUGE } }))
    expect(body.code!.length).toBe(RECORD_LIMITS.errorCode)
    expect(body.message.length).toBe(RECORD_LIMITS.errorMessage)
    expect(readErrorBody(`<html>${HUGE}</html>`).message.length).toBeLessThanOrEqual(200)
    const frame = parseServerMessage(JSON.stringify({ type: 'error', code: HUGE, message: HUGE }))
    expect(frame).toEqual({ type: 'error', code: 'x'.repeat(RECORD_LIMITS.errorCode), message: 'x'.repeat(RECORD_LIMITS.errorMessage) })
  })

  it('a pagination past 2^53 ends the list instead of asking for a page that cannot be written exactly', () => {
    expect(readNextPage({ online_users: [], pagination: { page: Number.MAX_SAFE_INTEGER, has_next: true } })).toBeNull()
    expect(readNextPage({ online_users: [], pagination: { page: 3, per_page: 50, has_next: true } })).toEqual({ page: 4, perPage: 50 })
  })

  it(`a body of 100,000 bad records keeps the first ${MAX_ISSUES} reasons and counts the rest`, () => {
    const list = parsePresenceList(Array.from({ length: 100_000 }, () => ({ username: 'ghost' })))
    expect(list.users).toEqual([])
    expect(list.issues).toHaveLength(MAX_ISSUES + 1)
    expect(list.issues.at(-1)).toBe(`…and ${100_000 - MAX_ISSUES} more`)
  })
})

describe('a dropped record reaches the runtime’s invalid event; the rest of its list is kept', () => {
  beforeEach(() => FakeWebSocket.reset())
  const runtimes: PresenceRuntime[] = []
  afterEach(() => {
    for (const runtime of runtimes.splice(0)) runtime.stop()
  })

  it('REST: onInvalid hears each drop and each fix', async () => {
    const issues: InvalidRecord[] = []
    const body = JSON.stringify([
      { id: 1, is_online: true, profile_image: 'data:image/svg+xml,<svg/>' },
      { id: 'z'.repeat(500), is_online: true },
      { id: 2, is_online: true },
    ])
    const fetch = vi.fn<typeof globalThis.fetch>(async () => new Response(body, { headers: { 'content-type': 'application/json' } }))
    const rest = new PresenceRestClient({ apiBaseUrl: 'http://backend.test', backend: 'user-status-socket', fetch, onInvalid: (i) => issues.push(i) })
    const { users } = await rest.onlineUsers()
    expect(users).toEqual([
      { id: '1', isOnline: true, profileImage: null },
      { id: '2', isOnline: true },
    ])
    expect(issues).toEqual([
      { source: 'onlineUsers', reason: 'user #0: profile_image: image URL refused: only raster data:image/(png|jpeg|gif|webp|avif) URLs are allowed' },
      { source: 'onlineUsers', reason: 'user #1: the user id is not an integer or a well-formed string of 1 to 128 characters' },
    ])
  })

  it('socket: a snapshot with a hostile record is applied without it, and the runtime reports it', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => Response.json({ error: { code: 'not_found', message: 'no' } }, { status: 404 }))
    const runtime = new PresenceRuntime({
      apiBaseUrl: 'http://backend.test',
      fetch,
      WebSocket: FakeWebSocket,
      heartbeat: { locks: null, BroadcastChannel: null },
      schedule: (callback) => {
        queueMicrotask(callback)
        return () => {}
      },
    })
    runtimes.push(runtime)
    const events: RuntimeEvent[] = []
    runtime.subscribe((event) => events.push(event))
    runtime.start('token')
    await vi.waitFor(() => expect(FakeWebSocket.instances.length).toBe(1))
    FakeWebSocket.last.open()
    FakeWebSocket.last.receive(
      JSON.stringify({
        type: 'online_users',
        onlineUsers: [
          { id: 2, username: 'jane_smith', status: 'online', lastSeen: 9e15 },
          { id: { $gt: '' }, username: 'mallory', status: 'online' },
          { id: 3, username: 'john_doe', status: 'away', profileImage: 'javascript:alert(1)' },
        ],
      }),
    )
    await vi.waitFor(() => expect([...runtime.store.users.values()].map((u) => u.id).sort()).toEqual(['2', '3']))
    expect(runtime.store.users.get('2')).toMatchObject({ username: 'jane_smith', lastSeen: null })
    expect(runtime.store.users.get('3')).toMatchObject({ status: 'away', profileImage: null })
    expect(events.filter((e) => e.type === 'invalid')).toEqual([
      { type: 'invalid', source: 'socket', reason: 'online_users: user #0: last seen: not a time' },
      { type: 'invalid', source: 'socket', reason: 'online_users: user #1: the user id is not an integer or a well-formed string of 1 to 128 characters' },
      { type: 'invalid', source: 'socket', reason: 'online_users: user #2: profileImage: image URL refused: scheme "javascript:" is not allowed' },
    ])

    // A change with a refused image is applied without it, and reported.
    FakeWebSocket.last.receive(
      JSON.stringify({ type: 'user.status.changed', user: { id: 2, status: 'dnd', profileImage: 'data:image/svg+xml,<svg onload=alert(1)>' } }),
    )
    await vi.waitFor(() => expect(runtime.store.users.get('2')).toMatchObject({ status: 'dnd', profileImage: null }))
    expect(events.filter((e) => e.type === 'invalid').at(-1)).toEqual({
      type: 'invalid',
      source: 'socket',
      reason: 'user.status.changed: profileImage: image URL refused: only raster data:image/(png|jpeg|gif|webp|avif) URLs are allowed',
    })
  })
})
