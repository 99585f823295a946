// Frozen copy of the zod/mini-based reader as it was before the hand-written readers (src/client/fields.ts), kept
// only as the baseline that test/bench/parse.ts prints beside them. Not shipped, not maintained.
import { parsePresence, type PresencePatch } from './presence'

/**
 * A list of users that a backend says are online, read leniently: each item an id or a user object.
 *
 * @example
 * const list: PresenceList = { users: [{ id: '1', isOnline: true }], detailed: false, issues: [] }
 */
export interface PresenceList {
  /** One patch per usable item; an item without a status of its own is marked `isOnline: true`. */
  users: PresencePatch[]
  /**
   * Every item was a user object. `false` when some were bare ids (seed 000's old snapshot, seed 002's
   * `online_users`): those users are online but their names are unknown, so a caller may fetch the details.
   */
  detailed: boolean
  /** Why each dropped item was dropped, for reporting. */
  issues: string[]
}

const isId = (item: unknown): item is string | number =>
  (typeof item === 'string' && item.trim() !== '') || (typeof item === 'number' && Number.isSafeInteger(item))

/**
 * Reads an array of ids or user objects (or a mix) into a {@link PresenceList}. Never throws; anything that is not
 * an array gives an empty list with one issue.
 *
 * @example
 * parsePresenceList(['user_id_1', 2]).users
 * // [{ id: 'user_id_1', isOnline: true }, { id: '2', isOnline: true }]
 */
export function parsePresenceList(items: unknown): PresenceList {
  if (!Array.isArray(items)) return { users: [], detailed: true, issues: ['the user list is not an array'] }
  const users: PresencePatch[] = []
  const issues: string[] = []
  let detailed = true
  items.forEach((item, index) => {
    if (isId(item)) {
      detailed = false
      users.push({ id: String(item).trim(), isOnline: true })
      return
    }
    const result = parsePresence(item)
    if (!result.ok) {
      issues.push(`user #${index}: ${result.reason}`)
      return
    }
    const { patch } = result
    users.push(patch.status === undefined && patch.isOnline === undefined ? { ...patch, isOnline: true } : patch)
  })
  return { users, detailed, issues }
}
