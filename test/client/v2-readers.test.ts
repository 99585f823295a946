import { describe, expect, it } from 'vitest'
import { mergePresence, parseServerMessage, type Presence, type PresencePatch } from '../../src/client'
import { presets, type BackendPreset } from '../../src/client/presets'
import { readConversations, readHeartbeat, readMe, readOnlineUsers } from '../../src/client/responses'
import * as seeds from './seed-fixtures'

const V1_KEYS = ['id', 'username', 'profileImage', 'status', 'isOnline', 'statusMessage', 'lastSeen']
const V2_KEYS = ['idle', 'devices', 'statusExpiresAt', 'lastSeenVisibility']

const body = (text: string): unknown => JSON.parse(text)

function usersOf(value: unknown): Presence[] {
  const message = value as { type?: string; users?: Presence[]; user?: Presence }
  if (message.type === 'snapshot' && message.users) return message.users
  if (message.type === 'change' && message.user) return [mergePresence(undefined, message.user)]
  throw new Error(`not a snapshot or change: ${JSON.stringify(value)}`)
}

// What each preset's backend sends, as the seeds and the contract's sections 1–5 show it: none of section 6.
const RECORDS: Record<BackendPreset, () => PresencePatch[]> = {
  contract: () => [...usersOf(parseServerMessage(seeds.contractSnapshot)), ...usersOf(parseServerMessage(seeds.contractChange))],
  'chat-socket': () => {
    const list = readOnlineUsers(body(seeds.seed000OnlineUsersBody))
    if (!list.ok) throw new Error(list.reason)
    return [...list.value.users, ...usersOf(parseServerMessage(seeds.seed000SnapshotDetailed)), ...usersOf(parseServerMessage(seeds.seed000SnapshotIds))]
  },
  'user-status-socket': () => [
    ...usersOf(parseServerMessage(seeds.seed001ChangeFlat)),
    ...usersOf(parseServerMessage(seeds.seed001ChangeChannels)),
  ],
  'chat-polling': () => {
    const list = readOnlineUsers(body(seeds.seed002OnlineUsersBody))
    if (!list.ok) throw new Error(list.reason)
    return list.value.users
  },
  'chat-list-activity': () => {
    const list = readConversations(body(seeds.seed003Conversations))
    if (!list.ok) throw new Error(list.reason)
    return list.value.map((conversation) => conversation.otherUser)
  },
  'users-heartbeat-admin': () => {
    const me = readMe(body(seeds.seed004AdminStatusBody))
    if (!me.ok) throw new Error(me.reason)
    return [me.value]
  },
}

describe('a backend without section 6 reads as before', () => {
  it('covers every preset', () => {
    expect(Object.keys(RECORDS).sort()).toEqual(Object.keys(presets).sort())
  })

  for (const preset of Object.keys(RECORDS) as BackendPreset[]) {
    it(`${preset}: no idle, devices, expiry nor last-seen visibility, and only the fields of before`, () => {
      const users = RECORDS[preset]()
      expect(users.length).toBeGreaterThan(0)
      for (const record of users) {
        // Lists and snapshots give patches; the store merges them into records.
        for (const key of V2_KEYS) expect(record).not.toHaveProperty(key)
        const user = mergePresence(undefined, record)
        expect(Object.keys(user).filter((key) => key !== 'mode' && key !== 'isAdmin')).toEqual(V1_KEYS)
        // Merging the same record again changes nothing, so nothing re-renders.
        expect(mergePresence(user, { id: user.id, isOnline: user.isOnline })).toBe(user)
      }
    })
  }

  it('seed 004 admin status: exactly the record of before', () => {
    const me = readMe(body(seeds.seed004AdminStatusBody))
    expect(me).toStrictEqual({
      ok: true,
      value: {
        id: '1',
        username: 'ahmad',
        profileImage: null,
        status: 'online',
        isOnline: true,
        statusMessage: null,
        lastSeen: Date.parse('2024-01-15T10:30:00Z'),
        mode: 'auto',
        isAdmin: false,
      },
      issues: [],
    })
    expect(readHeartbeat(body(seeds.seed004HeartbeatBody))).toStrictEqual({
      ok: true,
      value: { status: 'online', lastSeen: Date.parse('2024-01-15T10:30:00Z') },
      issues: [],
    })
  })
})

const v2User = {
  id: 2,
  username: 'jane_smith',
  status: 'away',
  isOnline: true,
  statusMessage: 'In a meeting',
  statusExpiresAt: '2024-01-15T11:00:00.000Z',
  lastSeen: null,
  idle: true,
  devices: ['web', 'mobile', 'mobile', 'fax'],
}

describe('section 6 fields', () => {
  it('reads idle, devices (sorted, distinct, known kinds) and the expiry in both spellings', () => {
    const [camel] = usersOf(parseServerMessage({ type: 'user.status.changed', user: v2User }))
    expect(camel).toMatchObject({ idle: true, devices: ['mobile', 'web'], statusExpiresAt: Date.parse('2024-01-15T11:00:00Z') })
    const snake = readConversations([
      { id: 1, other_user: { id: 2, online_status: 'online', status_message: 'x', status_expires_at: null, idle: false, devices: [] } },
    ])
    expect(snake.ok && snake.value[0]!.otherUser).toMatchObject({ idle: false, devices: [], statusExpiresAt: null })
  })

  it('reads the caller’s last-seen visibility, and ignores an unknown one', () => {
    const me = readMe({ id: 3, online_status: 'online', last_seen_visibility: 'friends' })
    expect(me.ok && me.value.lastSeenVisibility).toBe('friends')
    const odd = readMe({ id: 3, online_status: 'online', last_seen_visibility: 'aliens' })
    expect(odd.ok && odd.value).not.toHaveProperty('lastSeenVisibility')
  })

  it('a garbled v2 field reads as unknown and keeps the user', () => {
    const [user] = usersOf(parseServerMessage({ type: 'user.status.changed', user: { id: 2, status: 'online', idle: 'yes', devices: 'web', statusExpiresAt: 'soon' } }))
    expect(user).toBeDefined()
    for (const key of ['idle', 'devices', 'statusExpiresAt']) expect(user).not.toHaveProperty(key)
  })

  it('offline clears idle and devices; a new message without an expiry clears the old expiry', () => {
    const [base] = usersOf(parseServerMessage({ type: 'user.status.changed', user: v2User }))
    const offline = mergePresence(base, { id: '2', status: 'offline' })
    expect(offline).toMatchObject({ idle: false, devices: [] })
    const renamed = mergePresence(base, { id: '2', statusMessage: 'Lunch' })
    expect(renamed.statusExpiresAt).toBeNull()
    const same = mergePresence(base, { id: '2', statusMessage: 'In a meeting' })
    expect(same).toBe(base)
  })
})
