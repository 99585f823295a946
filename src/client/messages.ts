import { RECORD_LIMITS, clip, isObject } from './fields'
import { parsePresence, type PresencePatch } from './presence'
import { parsePresenceList } from './presence-list'
import type { LastSeenVisibility, PresenceMode } from './presence-status'
import { parseTimestamp } from './timestamp'

/**
 * The kinds of {@link ServerMessage}. These are the kit's own names, not the wire's: `online_users` becomes
 * `snapshot` and `user.status.changed` becomes `change`.
 *
 * @example
 * if (message.type === ServerMessageType.Snapshot) store.getState().applySnapshot(message.users)
 */
export const ServerMessageType = {
  Snapshot: 'snapshot',
  Change: 'change',
  Pong: 'pong',
  Error: 'error',
  Invalid: 'invalid',
} as const

/**
 * One of the {@link ServerMessageType} values.
 *
 * @example
 * const kinds: ServerMessageType[] = ['snapshot', 'change']
 */
export type ServerMessageType = (typeof ServerMessageType)[keyof typeof ServerMessageType]

/**
 * A frame from the server, validated. `invalid` is every frame the kit cannot use, with the reason, so that it can
 * be reported and dropped instead of thrown.
 *
 * @example
 * switch (message.type) {
 *   case 'snapshot': return applySnapshot(message.users)
 *   case 'change': return applyChanges([message.user])
 *   case 'pong': case 'error': case 'invalid': return
 *   default: return message satisfies never
 * }
 */
export type ServerMessage =
  | {
      type: 'snapshot'
      /** Everyone online, as patches (see {@link PresenceList}). */
      users: PresencePatch[]
      /** `false` when the server sent bare ids (`onlineUsers: ["user_id_1", …]`): names and images are unknown. */
      detailed: boolean
      /** Items that were dropped, and why. */
      issues: string[]
    }
  | {
      type: 'change'
      user: PresencePatch
      /** Fields that were fixed on the way in (text cut, an image URL refused), when there were any. */
      issues?: string[]
    }
  | { type: 'pong'; /** Server time, epoch ms; `null` if the pong carried none. */ ts: number | null }
  | { type: 'error'; code: string; message: string }
  | { type: 'invalid'; reason: string }

/**
 * A frame the client sends (contract §4).
 *
 * @example
 * socket.send({ type: 'status', mode: 'away', statusMessage: 'lunch' })
 */
export type ClientMessage =
  | { type: 'ping' }
  | {
      type: 'status'
      mode?: PresenceMode
      statusMessage?: string | null
      /** ISO 8601, or `null` for never (contract 6.3). */
      statusExpiresAt?: string | null
      lastSeenVisibility?: LastSeenVisibility
      /** This connection's idleness (contract 6.1). */
      idle?: boolean
    }

const SNAPSHOT_TYPES = new Set(['online_users', 'online-users', 'onlineUsers'])
// Django Channels names a handler after the event with dots turned to underscores, and some consumers forward
// that name to the browser, so both spellings of `user.status.changed` are taken.
const CHANGE_TYPES = new Set(['user.status.changed', 'user_status_changed', 'user.status.change', 'status_changed'])

const invalid = (reason: string): ServerMessage => ({ type: 'invalid', reason })
const bounded = (value: unknown, max: number) => (typeof value === 'string' ? clip(value, max) : undefined)

function snapshot(body: Record<string, unknown>): ServerMessage {
  // As the REST body is read: of the lists present, the one with user objects (a non-list under one name does not
  // hide a list under another).
  const lists = [body.onlineUsers, body.online_users, body.users].filter(Array.isArray)
  const items = lists.find((list) => list.some(isObject)) ?? lists[0]
  if (!items) return invalid('online_users without a list of users')
  const { users, detailed, issues } = parsePresenceList(items)
  return { type: 'snapshot', users, detailed, issues }
}

// The contract nests the user (`{type, user: {...}}`); `/ws/user-status/` consumers often send the fields flat
// (`{type, user_id, status}`) or under `data`. All three read the same.
function change(body: Record<string, unknown>): ServerMessage {
  const nested = isObject(body.user) ? body.user : isObject(body.data) ? body.data : null
  const { type: _type, ...flat } = body
  const fixes: string[] = []
  const result = parsePresence(nested ? { ...nested, user_id: nested.user_id ?? flat.user_id ?? flat.userId } : flat, (reason) => fixes.push(reason))
  if (!result.ok) return invalid(`user.status.changed: ${result.reason}`)
  return fixes.length ? { type: 'change', user: result.patch, issues: fixes } : { type: 'change', user: result.patch }
}

function read(data: unknown): ServerMessage {
  let value = data
  if (typeof data === 'string') {
    try {
      // A byte order mark before the JSON (some proxies add one) is not part of it.
      value = JSON.parse(data.charCodeAt(0) === 0xfeff ? data.slice(1) : data)
    } catch {
      return invalid('malformed JSON')
    }
  } else if (data instanceof ArrayBuffer || ArrayBuffer.isView(data) || (typeof Blob !== 'undefined' && data instanceof Blob)) {
    return invalid('binary frames are not part of the protocol')
  } else if (!isObject(data)) {
    return invalid(`a frame must be JSON text, got ${data === null ? 'null' : typeof data}`)
  }
  if (!isObject(value) || typeof value.type !== 'string') return invalid('a frame must be a JSON object with a string "type"')
  const body = value as Record<string, unknown> & { type: string }
  if (SNAPSHOT_TYPES.has(body.type)) return snapshot(body)
  if (CHANGE_TYPES.has(body.type)) return change(body)
  switch (body.type) {
    case 'pong':
      return { type: 'pong', ts: parseTimestamp(body.ts) ?? null }
    case 'error':
      return {
        type: 'error',
        code: bounded(body.code, RECORD_LIMITS.errorCode) ?? 'error',
        message: bounded(body.message, RECORD_LIMITS.errorMessage) ?? '',
      }
    default:
      return invalid(`unknown frame type ${JSON.stringify(body.type).slice(0, 60)}`)
  }
}

/**
 * Reads one WebSocket frame (a JSON string, or an already parsed object) into a {@link ServerMessage}. Accepts the
 * contract's frames and the variations backends send: `online_users` with `onlineUsers` as user objects or bare ids,
 * `user.status.changed` with the user nested or flat. Everything else is `{ type: 'invalid', reason }`.
 * Never throws.
 *
 * @example
 * parseServerMessage('{"type":"online_users","onlineUsers":["user_id_1"]}')
 * // { type: 'snapshot', users: [{ id: 'user_id_1', isOnline: true }], detailed: false, issues: [] }
 * parseServerMessage('{"type":"pong","ts":"2024-01-15T10:30:00Z"}') // { type: 'pong', ts: 1705314600000 }
 * parseServerMessage('nonsense') // { type: 'invalid', reason: 'malformed JSON' }
 */
export function parseServerMessage(data: unknown): ServerMessage {
  try {
    return read(data)
  } catch (error) {
    // Only a hostile object (a throwing getter or proxy) gets here; JSON text cannot.
    return invalid(`unreadable frame: ${error instanceof Error ? error.message : String(error)}`)
  }
}
