import { IssueLog, RECORD_LIMITS, first, isObject, readCount, readId, readText, readTime } from './fields'
import { normalisePresence, parsePresence, type Presence } from './presence'
import { parsePresenceList, type PresenceList } from './presence-list'
import {
  toLastSeenVisibility,
  toPresenceMode,
  toPresenceStatus,
  type LastSeenVisibility,
  type PresenceMode,
  type PresenceStatus,
} from './presence-status'

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
   * leaves them out; a merge that took the caller's absence for "offline" would be wrong.
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
  /** Who may see the caller's last seen (contract 6.4); absent when the backend does not say (no such choice). */
  lastSeenVisibility?: LastSeenVisibility
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
 * One of the caller's conversations, with the peer's presence (`GET /api/chat/conversations/`).
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

const hasObjects = (items: unknown) => Array.isArray(items) && items.some(isObject)

// An empty body (the REST client reads one as `undefined`) is said as such, not as "not a list".
const EMPTY_BODY = { ok: false, reason: 'the body is empty' } as const

/**
 * Reads any online-users body: a bare array (`/api/users/online/`), `{onlineUsers: [...]}` (objects or ids),
 * `{online_users: [ids]}`, the contract's body carrying both, and an admin page `{online_users: [...], pagination}`.
 *
 * @example
 * readOnlineUsers({ online_users: [1, 5] })
 * // { ok: true, value: { users: [{ id: '1', isOnline: true }, { id: '5', isOnline: true }], detailed: false, … } }
 */
export function readOnlineUsers(body: unknown): BodyResult<OnlineUsers> {
  if (body === undefined) return EMPTY_BODY
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
 * The next page of a paginated list body (`{pagination: {page, per_page, has_next}}`, as `/api/users/admin/users/online/` sends),
 * or `null` when there is none or the body is not paginated.
 *
 * @example
 * readNextPage({ online_users: [], pagination: { page: 1, per_page: 50, has_next: true } }) // { page: 2, perPage: 50 }
 */
export function readNextPage(body: unknown): { page: number; perPage: number | undefined } | null {
  const pagination = isObject(body) && isObject(body.pagination) ? body.pagination : null
  if (!pagination || pagination.has_next !== true) return null
  const page = positive(pagination.page) ?? 1
  // A page number past 2^53 cannot be asked for exactly.
  if (page >= Number.MAX_SAFE_INTEGER) return null
  return { page: page + 1, perPage: positive(pagination.per_page) }
}

const pick = (body: unknown, ...keys: string[]): unknown => {
  if (!isObject(body)) return undefined
  for (const key of keys) if (body[key] !== undefined) return body[key]
  return undefined
}

/**
 * Reads a heartbeat answer. A backend may answer `POST /api/chat/heartbeat/` with anything, even nothing: missing fields are `null`.
 *
 * @example
 * readHeartbeat({ message: 'Heartbeat recorded', online_status: 'online', last_seen: '2024-01-15T10:30:00Z' })
 */
export function readHeartbeat(body: unknown): BodyResult<HeartbeatResult> {
  return {
    ok: true,
    value: {
      status: toPresenceStatus(pick(body, 'online_status', 'onlineStatus', 'status')),
      lastSeen: readTime(pick(body, 'last_seen', 'lastSeen')) ?? null,
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
  if (body === undefined) return EMPTY_BODY
  // The caller just made an authenticated request, which the contract counts as a sign of life.
  const issues: string[] = []
  const presence = normalisePresence(body, { fallbackStatus: 'online', report: (reason) => issues.push(`me: ${reason}`) })
  if (!presence) {
    const result = parsePresence(body)
    return { ok: false, reason: result.ok ? 'unusable user record' : result.reason }
  }
  const status = presence.status
  const mode = toPresenceMode(pick(body, 'mode')) ?? (status === 'online' || status === 'offline' ? 'auto' : status)
  const value: MyPresence = { ...presence, mode, isAdmin: pick(body, 'is_admin', 'isAdmin') === true }
  const visibility = toLastSeenVisibility(pick(body, 'last_seen_visibility', 'lastSeenVisibility'))
  if (visibility) value.lastSeenVisibility = visibility
  return { ok: true, value, issues }
}

const EVENTS = new Set<string>(['online', 'offline', 'away', 'dnd'])

function readItems<T>(body: unknown, what: string, read: (item: unknown, report: (reason: string) => void) => T | string): BodyResult<T[]> {
  if (body === undefined) return EMPTY_BODY
  if (!Array.isArray(body)) return { ok: false, reason: `expected a list of ${what}` }
  const value: T[] = []
  const issues = new IssueLog()
  let index = 0
  const report = (reason: string) => issues.add(`${what} #${index}: ${reason}`)
  for (; index < body.length; index++) {
    const result = read(body[index], report)
    if (typeof result === 'string') report(result)
    else value.push(result)
  }
  return { ok: true, value, issues: issues.list() }
}

/**
 * Reads the activity timeline; entries that do not fit are dropped and reported.
 *
 * @example
 * readActivity([{ user: { id: 2, username: 'jane_smith' }, event: 'away', at: '2024-01-15T10:30:00Z' }])
 */
export function readActivity(body: unknown): BodyResult<ActivityEntry[]> {
  return readItems(body, 'activity entry', (item, report) => {
    if (!isObject(item)) return 'value: not an object'
    const user = item.user
    if (!isObject(user)) return 'user: not an object'
    const id = readId(user.id)
    if (id === undefined) return 'user.id: not a usable id'
    if (user.username !== undefined && user.username !== null && typeof user.username !== 'string') return 'user.username: not a string'
    const event = item.event
    if (typeof event !== 'string' || !EVENTS.has(event)) return 'event: not one of online, offline, away, dnd'
    const at = readTime(item.at)
    if (typeof at !== 'number') return 'at: not a time'
    const username = readText(user.username, RECORD_LIMITS.username, report, 'user.username: ') ?? null
    return { user: { id, username }, event: event as ActivityEvent, at }
  })
}

function readLastMessage(raw: unknown, report: (reason: string) => void): Conversation['lastMessage'] {
  if (!isObject(raw)) return null
  const text = readText(raw.text, RECORD_LIMITS.messageText, report, 'last_message.text: ') ?? ''
  const rawTime = raw.sent_at ?? raw.sentAt
  const sentAt = readTime(rawTime)
  if (sentAt === undefined && rawTime !== undefined) report('last_message.sent_at: not a time a Date can hold')
  const sender = first(readId(raw.sender_id), readId(raw.senderId))
  return { text, sentAt: sentAt ?? null, senderId: sender ?? null }
}

/**
 * Reads the conversation list. A peer without any presence field (some backends send only `is_online`, some none) is
 * taken as offline. A last message whose time is not a time (or one past what a `Date` holds) keeps its text and
 * loses its time; one that is not an object reads as no message. A conversation whose id is already listed is
 * dropped and reported: one row per conversation.
 *
 * @example
 * readConversations([{ id: 7, other_user: { id: 2, username: 'jane_smith', is_online: true }, unread_count: 1 }])
 */
export function readConversations(body: unknown): BodyResult<Conversation[]> {
  const seen = new Set<string>()
  return readItems(body, 'conversation', (item, report) => {
    if (!isObject(item)) return 'value: not an object'
    const id = readId(item.id)
    if (id === undefined) return 'id: not a usable id'
    // The list is most recent first: a repeat of an id (5 and "5" are one) is an older copy of a listed one.
    if (seen.has(id)) return `id ${JSON.stringify(id)} is already listed: dropped`
    const otherUser = normalisePresence(item.other_user ?? item.otherUser, {
      fallbackStatus: 'offline',
      report: (reason) => report(`other_user.${reason}`),
    })
    if (!otherUser) return 'other_user is not a usable user record'
    seen.add(id)
    return {
      id,
      otherUser,
      lastMessage: readLastMessage(item.last_message ?? item.lastMessage, report),
      unreadCount: first(readCount(item.unread_count), readCount(item.unreadCount)) ?? 0,
    }
  })
}
