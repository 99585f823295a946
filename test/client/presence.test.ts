import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  mergePresence,
  normalisePresence,
  normalisePresencePatch,
  parsePresence,
  parsePresenceList,
  parseServerMessage,
  type Presence,
} from '../../src/client'
import * as seeds from './seed-fixtures'

const T = Date.parse('2024-01-15T10:30:00Z')

describe('normalisePresence: the seeds’ records', () => {
  it('seed 000: the REST body’s camelCase users with string ids', () => {
    const body = JSON.parse(seeds.seed000OnlineUsersBody) as { onlineUsers: unknown[] }
    expect(body.onlineUsers.map((user) => normalisePresence(user))).toEqual<Presence[]>([
      {
        id: 'user_id_1',
        username: 'john_doe',
        profileImage: 'https://example.com/profile.jpg',
        status: 'online',
        isOnline: true,
        statusMessage: null,
        lastSeen: null,
      },
      {
        id: 'user_id_2',
        username: 'jane_smith',
        profileImage: 'https://example.com/profile2.jpg',
        status: 'online',
        isOnline: true,
        statusMessage: null,
        lastSeen: null,
      },
    ])
  })

  it('seed 000: the WebSocket’s detailed users carry no status, so they need a fallback', () => {
    const body = JSON.parse(seeds.seed000SnapshotDetailed) as { onlineUsers: unknown[] }
    expect(normalisePresence(body.onlineUsers[0])).toBeNull()
    expect(normalisePresence(body.onlineUsers[0], { fallbackStatus: 'online' })).toMatchObject({
      id: 'user_id_1',
      username: 'john_doe',
      status: 'online',
    })
  })

  it('seed 001: snake_case with is_online only', () => {
    const [user] = JSON.parse(seeds.seed001OnlineUsersBody) as unknown[]
    expect(normalisePresence(user)).toEqual({
      id: '...',
      username: '...',
      profileImage: null,
      status: 'online',
      isOnline: true,
      statusMessage: null,
      lastSeen: null,
    })
  })

  it('seed 003: is_online false without any status', () => {
    expect(normalisePresence({ id: 4, is_online: false })).toMatchObject({ id: '4', status: 'offline', isOnline: false })
  })

  it('seed 004: user_id, online_status and last_seen', () => {
    expect(normalisePresence(JSON.parse(seeds.seed004AdminStatusBody))).toEqual({
      id: '1',
      username: 'ahmad',
      profileImage: null,
      status: 'online',
      isOnline: true,
      statusMessage: null,
      lastSeen: T,
    })
  })

  it('the contract’s example: an unparseable lastSeen placeholder reads as unknown, not as a broken record', () => {
    const change = JSON.parse(seeds.contractChange) as { user: unknown }
    expect(normalisePresence(change.user)).toEqual({
      id: '2',
      username: 'jane_smith',
      profileImage: '...',
      status: 'away',
      isOnline: true,
      statusMessage: 'lunch',
      lastSeen: null,
    })
  })

  it('one user described in every seed’s dialect is one and the same record', () => {
    const expected: Presence = {
      id: '2',
      username: 'jane_smith',
      profileImage: 'http://mock.test/avatars/2.svg',
      status: 'away',
      isOnline: true,
      statusMessage: 'lunch',
      lastSeen: T,
    }
    const dialects = [
      // contract WebSocket / seed 000 camelCase
      { id: 2, username: 'jane_smith', profileImage: expected.profileImage, status: 'away', statusMessage: 'lunch', lastSeen: '2024-01-15T10:30:00Z', isOnline: true },
      // seed 001 `/api/users/online/`
      { id: 2, username: 'jane_smith', profile_image: expected.profileImage, is_online: true, online_status: 'away', status_message: 'lunch', last_seen: '2024-01-15T10:30:00.000Z', last_activity: '2024-01-15T10:30:00.000Z' },
      // seed 004 admin shape with user_id, epoch seconds, upper case
      { user_id: '2', username: 'jane_smith', profile_image: expected.profileImage, online_status: 'AWAY', is_online: true, status_message: 'lunch', last_seen: T / 1000 },
      // seed 003 style: only last_activity
      { id: '2', username: 'jane_smith', profileImage: expected.profileImage, status: 'away', statusMessage: 'lunch', last_activity: T },
    ]
    for (const raw of dialects) expect(normalisePresence(raw)).toEqual(expected)
  })

  it('status wins over is_online, and is_online alone gives online/offline', () => {
    expect(normalisePresence({ id: 1, status: 'dnd', is_online: false })).toMatchObject({ status: 'dnd', isOnline: true })
    expect(normalisePresence({ id: 1, isOnline: 1 })).toMatchObject({ status: 'online', isOnline: true })
    expect(normalisePresence({ id: 1, is_online: false })).toMatchObject({ status: 'offline', isOnline: false })
    expect(normalisePresence({ id: 1, online_status: 'invisible' })).toMatchObject({ status: 'invisible', isOnline: true })
  })

  it('blank status messages and images are null, as the contract stores them', () => {
    expect(normalisePresence({ id: 1, status: 'online', statusMessage: '  ', profileImage: '' })).toMatchObject({
      statusMessage: null,
      profileImage: null,
    })
  })

  it('a patch carries only the fields that were there', () => {
    expect(normalisePresencePatch({ user_id: 7, is_online: false })).toEqual({ id: '7', isOnline: false })
    expect(normalisePresencePatch({ id: 7, username: 'x', status: 'away' })).toEqual({
      id: '7',
      username: 'x',
      status: 'away',
      isOnline: true,
    })
  })
})

describe('normalisePresence: untrusted input', () => {
  it.each([
    ['null', null],
    ['a string', 'user_id_1'],
    ['an array', [1, 2]],
    ['no id', { username: 'x', status: 'online' }],
    ['an empty id', { id: '', status: 'online' }],
    ['a fractional id', { id: 1.5, status: 'online' }],
    ['an object id', { id: { $gt: '' }, status: 'online' }],
    ['an unknown status alone', { id: 1, status: 'busy' }],
    ['no status at all', { id: 1, username: 'x' }],
  ])('%s → null', (_label, raw) => {
    expect(normalisePresence(raw)).toBeNull()
  })

  it('explains why a record was refused', () => {
    expect(parsePresence({ id: 1, status: 'busy' })).toEqual({ ok: false, reason: 'unknown status "busy"' })
    expect(parsePresence({})).toEqual({ ok: false, reason: 'no user id' })
  })

  it('garbled optional fields read as unknown', () => {
    expect(normalisePresence({ id: 1, status: 'online', username: 42, lastSeen: 'yesterday', profileImage: {} })).toEqual({
      id: '1',
      username: null,
      profileImage: null,
      status: 'online',
      isOnline: true,
      statusMessage: null,
      lastSeen: null,
    })
  })

  it('an unreadable last seen in a list is reported like the other fixed fields; the user still shows, last seen unknown', () => {
    const list = parsePresenceList([
      { id: 1, username: 'a', is_online: true, last_seen: 'yesterday' },
      { id: 2, username: 'b', is_online: true, last_seen: 12, lastSeen: {} },
      { id: 3, username: 'c', is_online: true, lastSeen: {} },
      { id: 4, username: 'd', is_online: true, last_activity: [] },
      { id: 5, username: 'e', is_online: true, last_seen: null, profileImage: 'javascript:alert(1)' },
      { id: 6, username: 'f', is_online: true, last_seen: 'yesterday', last_activity: '2024-01-15T10:30:00Z' },
    ])
    expect(list.users.map((user) => [user.id, user.isOnline, user.lastSeen])).toEqual([
      ['1', true, undefined],
      ['2', true, 12_000],
      ['3', true, undefined],
      ['4', true, undefined],
      ['5', true, null],
      ['6', true, T],
    ])
    expect(list.issues).toEqual([
      'user #0: last seen: not a time',
      'user #2: last seen: not a time',
      'user #3: last seen: not a time',
      'user #4: profileImage: image URL refused: scheme "javascript:" is not allowed',
    ])
  })

  it('ids like __proto__ are ordinary strings', () => {
    expect(normalisePresence(JSON.parse('{"id":"__proto__","status":"online"}'))?.id).toBe('__proto__')
  })

  it('property: no JSON value makes the parsers throw', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        normalisePresence(value)
        normalisePresencePatch(value)
        parseServerMessage(value)
        parseServerMessage(JSON.stringify(value))
      }),
      { numRuns: 500 },
    )
  })

  it('property: every record that normalises is internally consistent', () => {
    const record = fc.record(
      {
        id: fc.oneof(fc.integer(), fc.string()),
        user_id: fc.oneof(fc.integer(), fc.string()),
        status: fc.oneof(fc.constantFrom('online', 'away', 'dnd', 'offline', 'invisible', 'ONLINE', 'busy'), fc.jsonValue()),
        is_online: fc.oneof(fc.boolean(), fc.jsonValue()),
        username: fc.oneof(fc.string(), fc.jsonValue()),
        last_seen: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.integer(), fc.jsonValue()),
      },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(record, (raw) => {
        const presence = normalisePresence(raw, { fallbackStatus: 'offline' })
        if (!presence) return
        expect(presence.isOnline).toBe(presence.status !== 'offline')
        expect(typeof presence.id).toBe('string')
        expect(presence.lastSeen === null || Number.isFinite(presence.lastSeen)).toBe(true)
      }),
      { numRuns: 500 },
    )
  })
})

describe('mergePresence', () => {
  const jane = normalisePresence({ id: 2, username: 'jane_smith', status: 'away', lastSeen: T })!

  it('returns the same object when nothing changed', () => {
    expect(mergePresence(jane, { id: '2', status: 'away', username: 'jane_smith' })).toBe(jane)
    expect(mergePresence(jane, { id: '2', isOnline: true })).toBe(jane)
  })

  it('keeps what the patch does not say', () => {
    expect(mergePresence(jane, { id: '2', isOnline: false })).toEqual({ ...jane, status: 'offline', isOnline: false })
  })

  it('a new user with no status starts offline', () => {
    expect(mergePresence(undefined, { id: '9' })).toMatchObject({ id: '9', status: 'offline', username: null })
  })
})
