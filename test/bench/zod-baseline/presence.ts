// Frozen copy of the zod/mini-based reader as it was before the hand-written readers (src/client/fields.ts), kept
// only as the baseline that test/bench/parse.ts prints beside them. Not shipped, not maintained.
import * as z from 'zod/mini'
import { mergePresence } from '../../../src/client/merge-presence'
import { toPresenceStatus, type PresenceStatus } from '../../../src/client/presence-status'
import { parseTimestamp } from './timestamp'

/**
 * The one presence record the kit works with, whatever the backend sent.
 *
 * `id` is a string: the contract's ids are integers, but seed 000 sends `"user_id_1"`. Strings hold both without
 * loss, and `5` and `"5"` from two endpoints of one backend end up as the same key.
 * `username` is `null` while unknown: seed 000's old snapshot sends bare ids, seed 001's events may carry no name.
 * `isOnline` is always `status !== 'offline'` (contract §1). `lastSeen` is epoch milliseconds of the server clock.
 *
 * @example
 * const jane: Presence = {
 *   id: '2', username: 'jane_smith', profileImage: null, status: 'away', isOnline: true,
 *   statusMessage: 'lunch', lastSeen: Date.parse('2024-01-15T10:30:00Z'),
 * }
 */
export interface Presence {
  readonly id: string
  readonly username: string | null
  readonly profileImage: string | null
  readonly status: PresenceStatus
  readonly isOnline: boolean
  readonly statusMessage: string | null
  readonly lastSeen: number | null
}

/**
 * What one message told about a user: the id, and only the fields it actually carried. A field that is absent is
 * unknown and must not overwrite what is already known (a bare id in a snapshot does not erase a username).
 * A patch with `isOnline` but no `status` says "online in some way" without saying which way.
 *
 * @example
 * const patch: PresencePatch = { id: '5', isOnline: false }
 */
export type PresencePatch = { readonly id: string } & Partial<Omit<Presence, 'id'>>

/**
 * The outcome of reading one untrusted record: the patch, or why it was refused.
 *
 * @example
 * const result = parsePresence(raw)
 * if (!result.ok) console.warn('dropped a user record:', result.reason)
 */
export type PresenceParseResult = { ok: true; patch: PresencePatch } | { ok: false; reason: string }

// Optional fields are lenient: a garbled optional field reads as unknown instead of losing the whole user, because
// a user's existence and status matter more than a broken avatar link. The id and the status are strict.
// zod/mini: the same validation as zod's classic API, tree-shaken to a few kilobytes in an app's bundle.
const lenient = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined)

const id = z.pipe(z.union([z.string().check(z.trim(), z.minLength(1), z.maxLength(256)), z.int()]), z.transform(String))
const text = lenient(z.nullable(z.string()))
const flag = lenient(
  z.union([
    z.boolean(),
    z.pipe(z.literal(0), z.transform(() => false)),
    z.pipe(z.literal(1), z.transform(() => true)),
  ]),
)
const time = lenient(z.pipe(z.unknown(), z.transform(parseTimestamp)))

const rawPresence = z.looseObject({
  id: lenient(id),
  user_id: lenient(id),
  userId: lenient(id),
  username: text,
  profileImage: text,
  profile_image: text,
  online_status: text,
  onlineStatus: text,
  status: lenient(z.unknown()),
  is_online: flag,
  isOnline: flag,
  statusMessage: text,
  status_message: text,
  lastSeen: time,
  last_seen: time,
  last_activity: time,
  lastActivity: time,
})

type RawPresence = z.output<typeof rawPresence>

const first = <T>(...values: Array<T | undefined>): T | undefined => values.find((value) => value !== undefined)
const blankToNull = (value: string | null | undefined) => (value === undefined ? undefined : value?.trim() ? value : null)

function readStatus(raw: RawPresence): { status?: PresenceStatus; isOnline?: boolean } | string {
  const spelled = first(raw.online_status, raw.onlineStatus, typeof raw.status === 'string' ? raw.status : undefined)
  const status = spelled == null ? null : toPresenceStatus(spelled)
  const isOnline = first(raw.is_online, raw.isOnline)
  if (status) return { status, isOnline: status !== 'offline' }
  // An unknown word with no is_online beside it cannot be guessed: better no record than a wrong dot.
  if (spelled != null && isOnline === undefined) return `unknown status ${JSON.stringify(spelled).slice(0, 40)}`
  return isOnline === undefined ? {} : { isOnline }
}

/**
 * Reads one user record as any of the five seeds or the contract send it — camelCase or snake_case, ids as
 * numbers or strings (`id`, else `user_id` / `userId`), status from `online_status` / `status` / `is_online` /
 * `isOnline`, image from `profileImage` / `profile_image`, last seen from `lastSeen` / `last_seen` /
 * `last_activity` — into a {@link PresencePatch} carrying only the fields that were there. Never throws.
 *
 * @example
 * parsePresence({ user_id: 1, username: 'ahmad', online_status: 'online', last_seen: '2024-01-15T10:30:00Z' })
 * // { ok: true, patch: { id: '1', username: 'ahmad', status: 'online', isOnline: true, lastSeen: 1705314600000 } }
 * parsePresence({ username: 'nobody' }) // { ok: false, reason: 'no user id' }
 */
export function parsePresence(raw: unknown): PresenceParseResult {
  const parsed = rawPresence.safeParse(raw)
  if (!parsed.success) return { ok: false, reason: 'a user record must be an object' }
  const record = parsed.data
  const userId = first(record.id, record.user_id, record.userId)
  if (userId === undefined) return { ok: false, reason: 'no user id' }
  const status = readStatus(record)
  if (typeof status === 'string') return { ok: false, reason: status }

  const patch: Record<string, unknown> = { id: userId, ...status }
  const fields: Array<[keyof Presence, unknown]> = [
    ['username', blankToNull(record.username)],
    ['profileImage', blankToNull(first(record.profileImage, record.profile_image))],
    ['statusMessage', blankToNull(first(record.statusMessage, record.status_message))],
    ['lastSeen', first(record.lastSeen, record.last_seen, record.last_activity, record.lastActivity)],
  ]
  for (const [key, value] of fields) if (value !== undefined) patch[key] = value
  return { ok: true, patch: patch as PresencePatch }
}

/**
 * {@link parsePresence} without the reason: the patch, or `null` for a record that cannot be used.
 *
 * @example
 * normalisePresencePatch({ id: 'user_id_1', isOnline: true }) // { id: 'user_id_1', isOnline: true }
 */
export function normalisePresencePatch(raw: unknown): PresencePatch | null {
  const result = parsePresence(raw)
  return result.ok ? result.patch : null
}

/**
 * Options of {@link normalisePresence}.
 *
 * @example
 * const options: NormaliseOptions = { fallbackStatus: 'online' }
 */
export interface NormaliseOptions {
  /**
   * The status of a record that carries none. Without it such a record is refused, because a user of unknown
   * status cannot be drawn honestly. Lists of online users pass `'online'` (seed 000 sends bare objects there).
   */
  fallbackStatus?: PresenceStatus
}

/**
 * Reads one untrusted user record into a complete {@link Presence}; `null` when it cannot be used (no id, not an
 * object, an unknown status, or no status at all and no `fallbackStatus`). Never throws. Fields that are absent
 * take their empty value: `null` for the username, image, message and last seen.
 *
 * @example
 * normalisePresence({ id: 2, username: 'jane_smith', profileImage: 'https://x/2.svg', isOnline: true })
 * // { id: '2', username: 'jane_smith', profileImage: 'https://x/2.svg', status: 'online', isOnline: true,
 * //   statusMessage: null, lastSeen: null }
 * normalisePresence({ id: 2 }) // null: nothing says whether the user is online
 * normalisePresence({ id: 2 }, { fallbackStatus: 'online' }) // status 'online'
 */
export function normalisePresence(raw: unknown, options: NormaliseOptions = {}): Presence | null {
  const patch = normalisePresencePatch(raw)
  if (!patch) return null
  if (patch.status === undefined && patch.isOnline === undefined) {
    if (!options.fallbackStatus) return null
    return mergePresence(undefined, { ...patch, status: options.fallbackStatus })
  }
  return mergePresence(undefined, patch)
}
