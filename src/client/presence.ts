import { RECORD_LIMITS, clip, first, isObject, readFlag, readId, readImageUrl, readText, readTime, type Report } from './fields'
import { mergePresence } from './merge-presence'
import { toPresenceStatus, type PresenceStatus } from './presence-status'

/**
 * The one presence record the kit works with, whatever the backend sent.
 *
 * `id` is a string: the contract's ids are integers, but some backends send `"user_id_1"`. Strings hold both without
 * loss, and `5` and `"5"` from two endpoints of one backend end up as the same key.
 * `username` is `null` while unknown: a snapshot of bare ids, or a `user.status.changed` without a name.
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
  /**
   * Contract 6.1: whether an `away` is the backend's auto-away (the user is idle) rather than a chosen one.
   * Absent when the backend does not say (a backend without idle), which reads as "not idle".
   */
  readonly idle?: boolean
  /**
   * Contract 6.2: the sorted, distinct kinds of device the user is connected from (`[]` for none). Absent when
   * the backend does not say, which hides everything that needs it (the mobile glyph).
   */
  readonly devices?: readonly DeviceKind[]
  /**
   * Contract 6.3: when the status message clears itself (epoch ms, server clock), or `null` for never. Absent when
   * the backend does not say.
   */
  readonly statusExpiresAt?: number | null
}

/**
 * The kind of device a connection comes from (contract 6.2).
 *
 * @example
 * const onPhoneOnly = (devices: readonly DeviceKind[]) => devices.length > 0 && devices.every((d) => d === 'mobile')
 */
export type DeviceKind = 'web' | 'mobile' | 'desktop'

const DEVICE_KINDS: ReadonlySet<string> = new Set<DeviceKind>(['desktop', 'mobile', 'web'])

// Unknown kinds are dropped (a newer backend may know more), the rest sorted and distinct as the contract sends them.
function readDevices(value: unknown): readonly DeviceKind[] | undefined {
  if (!Array.isArray(value)) return undefined
  const kinds = new Set<DeviceKind>()
  for (const kind of value) if (typeof kind === 'string' && DEVICE_KINDS.has(kind)) kinds.add(kind as DeviceKind)
  return [...kinds].sort()
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
// Hand-written field readers (./fields), not a schema library: a 100,000-user snapshot parses in a few tens of
// milliseconds instead of over a second, and the readers weigh a fraction (figures: `npm run bench:parse`).

/** Why a record's fields were fixed on the way in (cut text, a refused image URL); the record itself is kept. */
export type FieldReport = Report

type MutablePatch = { -readonly [K in keyof PresencePatch]: PresencePatch[K] }

// Writes the status fields into `patch`, or gives why the record cannot be used.
function readStatus(raw: Record<string, unknown>, patch: MutablePatch): string | null {
  let spelled = textOrNull(raw.online_status)
  if (spelled === undefined) spelled = textOrNull(raw.onlineStatus)
  if (spelled === undefined && typeof raw.status === 'string') spelled = raw.status
  const status = spelled == null ? null : toPresenceStatus(spelled)
  if (status) {
    patch.status = status
    patch.isOnline = status !== 'offline'
    return null
  }
  const isOnline = first(readFlag(raw.is_online), readFlag(raw.isOnline))
  // An unknown word with no is_online beside it cannot be guessed: better no record than a wrong dot.
  if (spelled != null && isOnline === undefined) return `unknown status ${JSON.stringify(clip(spelled, 40))}`
  if (isOnline !== undefined) patch.isOnline = isOnline
  return null
}

// A status word is read as a string or null, like every other text field; a number there reads as absent.
const textOrNull = (value: unknown): string | null | undefined =>
  value === null ? null : typeof value === 'string' ? value : undefined

/**
 * Reads one user record as the contract or any {@link BackendPreset} sends it — camelCase or snake_case, ids as
 * numbers or strings (`id`, else `user_id` / `userId`), status from `online_status` / `status` / `is_online` /
 * `isOnline`, image from `profileImage` / `profile_image`, last seen from `lastSeen` / `last_seen` /
 * `last_activity` — into a {@link PresencePatch} carrying only the fields that were there. Never throws.
 *
 * The record is untrusted: the id must be a safe integer or a string of at most 128 characters, times must lie
 * within what a `Date` holds, the image must be an allowed URL (see `imageUrlProblem`: no `javascript:`, no SVG
 * `data:`), the username is cut to 256 code points and the status message to 140, and text that shows nothing
 * (zero-width spaces only) is `null`. A fixed field is told to `report`; a refused record gives the reason.
 *
 * @example
 * parsePresence({ user_id: 1, username: 'ahmad', online_status: 'online', last_seen: '2024-01-15T10:30:00Z' })
 * // { ok: true, patch: { id: '1', username: 'ahmad', status: 'online', isOnline: true, lastSeen: 1705314600000 } }
 * parsePresence({ username: 'nobody' }) // { ok: false, reason: 'no user id' }
 */
export function parsePresence(raw: unknown, report?: FieldReport): PresenceParseResult {
  if (!isObject(raw)) return { ok: false, reason: 'a user record must be an object' }
  let userId = readId(raw.id)
  if (userId === undefined) userId = readId(raw.user_id)
  if (userId === undefined) userId = readId(raw.userId)
  if (userId === undefined) {
    const given = raw.id !== undefined || raw.user_id !== undefined || raw.userId !== undefined
    return {
      ok: false,
      reason: given ? `the user id is not an integer or a well-formed string of 1 to ${RECORD_LIMITS.id} characters` : 'no user id',
    }
  }
  const patch: MutablePatch = { id: userId }
  const refused = readStatus(raw, patch)
  if (refused !== null) return { ok: false, reason: refused }

  // Each alias is read only when the ones before it gave nothing usable (a Date.parse is the costliest step here).
  const username = readText(raw.username, RECORD_LIMITS.username, report, 'username: ')
  if (username !== undefined) patch.username = username
  let image = readImageUrl(raw.profileImage, report, 'profileImage: ')
  if (image === undefined) image = readImageUrl(raw.profile_image, report, 'profile_image: ')
  if (image !== undefined) patch.profileImage = image
  let message = readText(raw.statusMessage, RECORD_LIMITS.statusMessage, report, 'statusMessage: ')
  if (message === undefined) message = readText(raw.status_message, RECORD_LIMITS.statusMessage, report, 'status_message: ')
  if (message !== undefined) patch.statusMessage = message
  let lastSeen = readTime(raw.lastSeen)
  if (lastSeen === undefined) lastSeen = readTime(raw.last_seen)
  if (lastSeen === undefined) lastSeen = readTime(raw.last_activity)
  if (lastSeen === undefined) lastSeen = readTime(raw.lastActivity)
  if (lastSeen !== undefined) patch.lastSeen = lastSeen
  // Sent, yet none of it a time: kept unknown, and said.
  else if (raw.lastSeen !== undefined || raw.last_seen !== undefined || raw.last_activity !== undefined || raw.lastActivity !== undefined) {
    report?.('last seen: not a time')
  }
  // Version 2 fields (contract section 6): set only when sent, so that a backend without them reads as before.
  const idle = readFlag(raw.idle)
  if (idle !== undefined) patch.idle = idle
  if (raw.devices !== undefined) {
    const devices = readDevices(raw.devices)
    if (devices !== undefined) patch.devices = devices
  }
  let expires = readTime(raw.statusExpiresAt)
  if (expires === undefined) expires = readTime(raw.status_expires_at)
  if (expires !== undefined) patch.statusExpiresAt = expires
  return { ok: true, patch }
}

/**
 * {@link parsePresence} without the reason: the patch, or `null` for a record that cannot be used.
 *
 * @example
 * normalisePresencePatch({ id: 'user_id_1', isOnline: true }) // { id: 'user_id_1', isOnline: true }
 */
export function normalisePresencePatch(raw: unknown, report?: FieldReport): PresencePatch | null {
  const result = parsePresence(raw, report)
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
   * status cannot be drawn honestly. Lists of online users pass `'online'` (`GET /api/chat/online-users/` may send records without a status).
   */
  fallbackStatus?: PresenceStatus
  /** Hears why a field was fixed (text cut, an image URL refused). Default: nobody. */
  report?: FieldReport
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
  const patch = normalisePresencePatch(raw, options.report)
  if (!patch) return null
  if (patch.status === undefined && patch.isOnline === undefined) {
    if (!options.fallbackStatus) return null
    return mergePresence(undefined, { ...patch, status: options.fallbackStatus })
  }
  return mergePresence(undefined, patch)
}
