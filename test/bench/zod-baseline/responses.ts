// Frozen copy of the zod/mini-based reader as it was before the hand-written readers (src/client/fields.ts), kept
// only as the baseline that test/bench/parse.ts prints beside them. Not shipped, not maintained.
import * as z from 'zod/mini'
import { normalisePresence, parsePresence, type Presence } from './presence'
import { parsePresenceList, type PresenceList } from './presence-list'
import { toPresenceMode, toPresenceStatus, type PresenceMode, type PresenceStatus } from '../../../src/client/presence-status'
import { parseTimestamp } from './timestamp'

/**
 * Everyone online according to a REST endpoint.
 *
 * @example
 * const { users, includesSelf } = await rest.onlineUsers()
 * store.getState().applySnapshot(users, { includesSelf })
 */
export interface OnlineUsers extends PresenceList {
  /**
   * Whether the caller is in the list. `/api/chat/online-users/` includes the caller, `/api/users/online/`
   * (seed 001) leaves them out; a merge that took the caller's absence for "offline" would be wrong.
   */
  includesSelf: boolean
}

/**
 * The answer to a heartbeat: the caller's status and last seen, when the backend says them.
 *
 * @example
 * const { status } = await rest.heartbeat() // 'online'
 */
export interface HeartbeatResult {
  status: PresenceStatus | null
  lastSeen: number | null
}

/**
 * The answer to mark-offline: the caller's resulting status (still online when a socket is open).
 *
 * @example
 * const { status } = await rest.markOffline()
 */
export interface MarkOfflineResult {
  status: PresenceStatus | null
}

/**
 * The caller as they see themself (`GET /api/users/me/`): their own status, `invisible` included.
 *
 * @example
 * const me = await rest.me()
 * if (me.mode === 'invisible') showHiddenBadge()
 */
export interface MyPresence extends Presence {
  mode: PresenceMode
  isAdmin: boolean
}

/**
 * What an activity entry records: a change of a user's status as others saw it.
 *
 * @example
 * const joins = entries.filter((entry) => entry.event === 'online')
 */
export type ActivityEvent = 'online' | 'offline' | 'away' | 'dnd'

/**
 * One entry of the activity timeline.
 *
 * @example
 * `${entry.user.username} went ${entry.event} at ${new Date(entry.at).toLocaleTimeString()}`
 */
export interface ActivityEntry {
  user: { id: string; username: string | null }
  event: ActivityEvent
  /** Epoch ms, server clock. */
  at: number
}

/**
 * One of the caller's conversations, with the peer's presence (seeds 000 and 003).
 *
 * @example
 * conversations.map((c) => `${c.otherUser.username}${c.otherUser.isOnline ? ' •' : ''}`)
 */
export interface Conversation {
  id: string
  otherUser: Presence
  lastMessage: { text: string; sentAt: number | null; senderId: string | null } | null
  unreadCount: number
}

/**
 * What a body reader gives: the value and why each dropped item was dropped, or why the whole body is unusable.
 *
 * @example
 * const result = readActivity(body)
 * if (result.ok) result.issues.forEach(report)
 */
export type BodyResult<T> = { ok: true; value: T; issues: string[] } | { ok: false; reason: string }

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const hasObjects = (items: unknown) => Array.isArray(items) && items.some(isObject)

/**
 * Reads any online-users body: seed 001's array, seed 000's `{onlineUsers: [...]}` (objects or ids), seed 002's
 * `{online_users: [ids]}`, the contract's body carrying both, and seed 004's admin page `{online_users: [...]}`.
 *
 * @example
 * readOnlineUsers({ online_users: [1, 5] })
 * // { ok: true, value: { users: [{ id: '1', isOnline: true }, { id: '5', isOnline: true }], detailed: false, … } }
 */
export function readOnlineUsers(body: unknown): BodyResult<OnlineUsers> {
  if (Array.isArray(body)) {
    const list = parsePresenceList(body)
    return { ok: true, value: { ...list, includesSelf: false }, issues: list.issues }
  }
  if (!isObject(body)) return { ok: false, reason: 'expected a list of users' }
  const candidates = [body.onlineUsers, body.online_users, body.users].filter(Array.isArray)
  // Prefer the list with details: the contract sends both `onlineUsers` objects and `online_users` ids.
  const items = candidates.find(hasObjects) ?? candidates[0]
  if (!items) return { ok: false, reason: 'no onlineUsers / online_users list in the body' }
  const list = parsePresenceList(items)
  return { ok: true, value: { ...list, includesSelf: true }, issues: list.issues }
}

const positive = (value: unknown) => (typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined)

/**
 * The next page of a paginated list body (`{pagination: {page, per_page, has_next}}`, document 004's admin list),
 * or `null` when there is none or the body is not paginated.
 *
 * @example
 * readNextPage({ online_users: [], pagination: { page: 1, per_page: 50, has_next: true } }) // { page: 2, perPage: 50 }
 */
export function readNextPage(body: unknown): { page: number; perPage: number | undefined } | null {
  const pagination = isObject(body) && isObject(body.pagination) ? body.pagination : null
  if (!pagination || pagination.has_next !== true) return null
  const page = positive(pagination.page) ?? 1
  return { page: page + 1, perPage: positive(pagination.per_page) }
}

const pick = (body: unknown, ...keys: string[]): unknown => {
  if (!isObject(body)) return undefined
  for (const key of keys) if (body[key] !== undefined) return body[key]
  return undefined
}

/**
 * Reads a heartbeat answer. Seed 002's backend may answer with anything, even nothing: missing fields are `null`.
 *
 * @example
 * readHeartbeat({ message: 'Heartbeat recorded', online_status: 'online', last_seen: '2024-01-15T10:30:00Z' })
 */
export function readHeartbeat(body: unknown): BodyResult<HeartbeatResult> {
  return {
    ok: true,
    value: {
      status: toPresenceStatus(pick(body, 'online_status', 'onlineStatus', 'status')),
      lastSeen: parseTimestamp(pick(body, 'last_seen', 'lastSeen')) ?? null,
    },
    issues: [],
  }
}

/**
 * Reads a mark-offline answer.
 *
 * @example
 * readMarkOffline({ success: true, online_status: 'offline' }) // { ok: true, value: { status: 'offline' }, … }
 */
export function readMarkOffline(body: unknown): BodyResult<MarkOfflineResult> {
  return { ok: true, value: { status: toPresenceStatus(pick(body, 'online_status', 'onlineStatus', 'status')) }, issues: [] }
}

/**
 * Reads `GET /api/users/me/` (and the answer of `PATCH /api/users/me/status/`). Without a `mode` the mode is
 * derived from the status, since a backend without modes has only `auto`.
 *
 * @example
 * readMe({ id: 3, username: 'john_doe', online_status: 'invisible', mode: 'invisible', is_admin: false })
 */
export function readMe(body: unknown): BodyResult<MyPresence> {
  // The caller just made an authenticated request, which the contract counts as a sign of life.
  const presence = normalisePresence(body, { fallbackStatus: 'online' })
  if (!presence) {
    const result = parsePresence(body)
    return { ok: false, reason: result.ok ? 'unusable user record' : result.reason }
  }
  const status = presence.status
  const mode = toPresenceMode(pick(body, 'mode')) ?? (status === 'online' || status === 'offline' ? 'auto' : status)
  return { ok: true, value: { ...presence, mode, isAdmin: pick(body, 'is_admin', 'isAdmin') === true }, issues: [] }
}

const anyId = z.pipe(z.union([z.string().check(z.minLength(1)), z.int()]), z.transform(String))
const count = z.catch(z.optional(z.int().check(z.nonnegative())), undefined)

const activityItem = z.object({
  user: z.looseObject({ id: anyId, username: z.nullish(z.string()) }),
  event: z.enum(['online', 'offline', 'away', 'dnd']),
  at: z.pipe(
    z.unknown(),
    z.transform((value, ctx) => {
      const at = parseTimestamp(value)
      if (typeof at === 'number') return at
      ctx.issues.push({ code: 'custom', message: 'not a time', input: value })
      return z.NEVER
    }),
  ),
})

function readItems<T>(body: unknown, what: string, read: (item: unknown) => T | string): BodyResult<T[]> {
  if (!Array.isArray(body)) return { ok: false, reason: `expected a list of ${what}` }
  const value: T[] = []
  const issues: string[] = []
  body.forEach((item, index) => {
    const result = read(item)
    if (typeof result === 'string') issues.push(`${what} #${index}: ${result}`)
    else value.push(result)
  })
  return { ok: true, value, issues }
}

const describe = (error: z.core.$ZodError) => {
  const issue = error.issues[0]
  return issue ? `${issue.path.join('.') || 'value'}: ${issue.message}` : 'invalid'
}

/**
 * Reads the activity timeline; entries that do not fit are dropped and reported.
 *
 * @example
 * readActivity([{ user: { id: 2, username: 'jane_smith' }, event: 'away', at: '2024-01-15T10:30:00Z' }])
 */
export function readActivity(body: unknown): BodyResult<ActivityEntry[]> {
  return readItems(body, 'activity entry', (item) => {
    const parsed = activityItem.safeParse(item)
    if (!parsed.success) return describe(parsed.error)
    const { user, event, at } = parsed.data
    return { user: { id: user.id, username: user.username ?? null }, event, at }
  })
}

const conversationItem = z.looseObject({
  id: anyId,
  other_user: z.optional(z.unknown()),
  otherUser: z.optional(z.unknown()),
  last_message: z.optional(z.unknown()),
  lastMessage: z.optional(z.unknown()),
  unread_count: count,
  unreadCount: count,
})

const senderId = z.catch(z.optional(z.union([z.string(), z.int()])), undefined)

const messageItem = z.looseObject({
  text: z.catch(z.string(), ''),
  sent_at: z.optional(z.unknown()),
  sentAt: z.optional(z.unknown()),
  sender_id: senderId,
  senderId: senderId,
})

/**
 * Reads the conversation list. A peer without any presence field (seed 003 sends only `is_online`, some none) is
 * taken as offline.
 *
 * @example
 * readConversations([{ id: 7, other_user: { id: 2, username: 'jane_smith', is_online: true }, unread_count: 1 }])
 */
export function readConversations(body: unknown): BodyResult<Conversation[]> {
  return readItems(body, 'conversation', (item) => {
    const parsed = conversationItem.safeParse(item)
    if (!parsed.success) return describe(parsed.error)
    const row = parsed.data
    const otherUser = normalisePresence(row.other_user ?? row.otherUser, { fallbackStatus: 'offline' })
    if (!otherUser) return 'other_user is not a usable user record'
    const message = messageItem.safeParse(row.last_message ?? row.lastMessage)
    const sender = message.success ? (message.data.sender_id ?? message.data.senderId) : undefined
    return {
      id: row.id,
      otherUser,
      lastMessage: message.success
        ? {
            text: message.data.text,
            sentAt: parseTimestamp(message.data.sent_at ?? message.data.sentAt) ?? null,
            senderId: sender === undefined ? null : String(sender),
          }
        : null,
      unreadCount: row.unread_count ?? row.unreadCount ?? 0,
    }
  })
}
