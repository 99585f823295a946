import { IssueLog, isObject, readId } from './fields'
import { parsePresence, type PresencePatch } from './presence'

/**
 * A list of users that a backend says are online, read leniently: ids, or user objects.
 *
 * @example
 * const list: PresenceList = { users: [{ id: '1', isOnline: true }], detailed: false, issues: [] }
 */
export interface PresenceList {
  /** One patch per usable item; an item without a status of its own is marked `isOnline: true`. */
  users: PresencePatch[]
  /**
   * Every item was a user object. `false` when some were bare ids (`onlineUsers: ["user_id_1", …]`, or
   * `online_users: [ids]`): those users are online but their names are unknown, so a caller may fetch the details.
   */
  detailed: boolean
  /** Why each dropped item was dropped or a field fixed, for reporting (the first 50, then a count). */
  issues: string[]
}

/**
 * Reads an array of ids or of user objects into a {@link PresenceList}. Never throws; anything that is not an array
 * gives an empty list with one issue. No backend mixes the two in one list: in a list with user objects, a bare id
 * is a bad record, reported and dropped (not a user whose details are unknown).
 *
 * @example
 * parsePresenceList(['user_id_1', 2]).users
 * // [{ id: 'user_id_1', isOnline: true }, { id: '2', isOnline: true }]
 */
export function parsePresenceList(items: unknown): PresenceList {
  if (!Array.isArray(items)) return { users: [], detailed: true, issues: ['the user list is not an array'] }
  const users: PresencePatch[] = []
  const issues = new IssueLog()
  let detailed = true
  const records = items.some(isObject)
  let index = 0
  // One reporter for the whole list: no closure per record.
  const report = (reason: string) => issues.add(`user #${index}: ${reason}`)
  for (; index < items.length; index++) {
    const item: unknown = items[index]
    if (typeof item === 'string' || typeof item === 'number') {
      const id = records ? undefined : readId(item)
      if (id === undefined) report(records ? 'a bare id in a list of user records' : 'not a usable id')
      else users.push({ id, isOnline: true })
      detailed = records
      continue
    }
    const result = parsePresence(item, report)
    if (!result.ok) {
      report(result.reason)
      continue
    }
    const { patch } = result
    users.push(patch.status === undefined && patch.isOnline === undefined ? { ...patch, isOnline: true } : patch)
  }
  return { users, detailed, issues: issues.list() }
}
