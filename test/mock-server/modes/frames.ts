import type { Json } from '../contract/driver'
import { isUtcIso, sortedKeys, type Checker } from './helpers'

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i])

function parse(text: string): Json {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** The error every socket answers a bad frame with (the kit's own rule: a bad frame gets an error, not a crash). */
function badMessage(frame: Json): string | null {
  return same(sortedKeys(frame), ['code', 'message', 'type']) && frame.code === 'bad_message' && typeof frame.message === 'string'
    ? null
    : `error frame is not {type, code: bad_message, message}`
}

/** `/ws/chat/` of the chat socket: `{"type": "online_users", "onlineUsers": ["1", "2"]}`, ids only, as strings. */
export const chatSocketFrame: Checker = (text) => {
  const frame = parse(text)
  if (frame === undefined) return 'frame is not JSON'
  if (frame.type === 'error') return badMessage(frame)
  if (frame.type !== 'online_users') return `unknown frame type ${String(frame.type)}`
  if (!same(sortedKeys(frame), ['onlineUsers', 'type'])) return `online_users has fields ${sortedKeys(frame).join(', ')}`
  if (!Array.isArray(frame.onlineUsers)) return 'onlineUsers is not an array'
  if (!frame.onlineUsers.every((id: unknown) => typeof id === 'string' && /^[1-9]\d*$/.test(id))) return 'onlineUsers holds something other than id strings'
  return null
}

/** `/ws/user-status/`: flat `user.status.changed`, `{"type": "pong"}`, the error frame; never a snapshot. */
export const userStatusFrame: Checker = (text) => {
  const frame = parse(text)
  if (frame === undefined) return 'frame is not JSON'
  switch (frame.type) {
    case 'error':
      return badMessage(frame)
    case 'pong':
      return same(sortedKeys(frame), ['type']) ? null : `pong has fields ${sortedKeys(frame).join(', ')}`
    case 'user.status.changed':
      if (!same(sortedKeys(frame), ['is_online', 'last_seen', 'type', 'user_id', 'username'])) {
        return `user.status.changed has fields ${sortedKeys(frame).join(', ')}`
      }
      if (!Number.isInteger(frame.user_id) || frame.user_id < 1) return 'user_id is not a positive integer'
      if (typeof frame.username !== 'string') return 'username is not a string'
      if (typeof frame.is_online !== 'boolean') return 'is_online is not a boolean'
      if (frame.last_seen !== null && !isUtcIso(frame.last_seen)) return 'last_seen is not an ISO 8601 UTC time or null'
      return null
    default:
      return `unknown frame type ${String(frame.type)}`
  }
}

/** A backend without a socket sends no frame at all. */
export const noFrame: Checker = (text) => `a backend without a socket sent a frame: ${text.slice(0, 100)}`
