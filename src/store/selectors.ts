import type { Presence } from '../client'
import type { PresenceState } from './presence-store'
import type { Users } from './users'

/**
 * A user's record, or `undefined` if never heard of. The record keeps its identity until that user changes, so a
 * component selecting it re-renders only for that user.
 *
 * @example
 * const jane = selectUser(2)(store.getState())
 * // React: useStore(store, selectUser(userId))
 */
export const selectUser =
  (id: string | number) =>
  (state: PresenceState): Presence | undefined =>
    state.users[String(id)]

/**
 * Whether a user is online as the viewer sees them (`false` when unknown).
 *
 * @example
 * selectIsOnline('2')(store.getState()) // true
 */
export const selectIsOnline =
  (id: string | number) =>
  (state: PresenceState): boolean =>
    state.users[String(id)]?.isOnline ?? false

/**
 * The socket's connection state.
 *
 * @example
 * selectConnection(store.getState()) // 'open'
 */
export const selectConnection = (state: PresenceState) => state.connection

/**
 * The signed-in user's id, when known.
 *
 * @example
 * selectSelf(store.getState()) // '3'
 */
export const selectSelf = (state: PresenceState) => state.self

/**
 * Server clock minus local clock, in ms.
 *
 * @example
 * const serverNow = Date.now() + selectServerOffset(store.getState())
 */
export const selectServerOffset = (state: PresenceState) => state.serverOffset

/**
 * Which online users a list shows.
 *
 * @example
 * const options: OnlineUsersOptions = { ids: friendIds, includeSelf: false, limit: 8 }
 */
export interface OnlineUsersOptions {
  /** Keeps the users for whom this returns true. Must be stable: a new function is a new selector. */
  filter?: (user: Presence) => boolean
  /** Keeps only these users (e.g. friends). */
  ids?: Iterable<string | number>
  /** Whether the signed-in user is listed. Default `false`, as in seed 001's list. */
  includeSelf?: boolean
  /** At most this many, after ordering by id. */
  limit?: number
}

const collator = new Intl.Collator('en', { numeric: true })

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index])
}

function onlineUsersOf(users: Users, self: string | null, options: OnlineUsersOptions, only: Set<string> | null) {
  const out: Presence[] = []
  for (const id in users) {
    const user = users[id]!
    if (!user.isOnline || (only && !only.has(id)) || (id === self && !options.includeSelf)) continue
    if (options.filter && !options.filter(user)) continue
    out.push(user)
  }
  out.sort((a, b) => collator.compare(a.id, b.id))
  return options.limit === undefined ? out : out.slice(0, Math.max(0, options.limit))
}

/**
 * A selector of the online users' records, ordered by id. It recomputes only when the users or the signed-in user
 * changed, and returns the previous array itself when the result holds the same records, so a list does not
 * re-render when someone outside it changes. Create one per list (`useMemo` in React).
 *
 * @example
 * const selectFriendsOnline = selectOnlineUsers({ ids: friendIds, limit: 10 })
 * selectFriendsOnline(store.getState()) // Presence[]
 */
export function selectOnlineUsers(options: OnlineUsersOptions = {}): (state: PresenceState) => readonly Presence[] {
  const only = options.ids ? new Set([...options.ids].map(String)) : null
  let lastUsers: Users | undefined
  let lastSelf: string | null | undefined
  let result: readonly Presence[] = []
  return (state) => {
    if (state.users === lastUsers && state.self === lastSelf) return result
    lastUsers = state.users
    lastSelf = state.self
    const next = onlineUsersOf(state.users, state.self, options, only)
    if (!sameItems(next, result)) result = next
    return result
  }
}

/**
 * A selector of the online users' ids, ordered by id; the same array until the set of ids changes, so a status
 * message or an away/online change does not re-render a list of ids.
 *
 * @example
 * const selectIds = selectOnlineIds({ includeSelf: true })
 * selectIds(store.getState()) // ['2', '3', '5']
 */
export function selectOnlineIds(options: OnlineUsersOptions = {}): (state: PresenceState) => readonly string[] {
  const selectUsers = selectOnlineUsers(options)
  let lastUsers: readonly Presence[] | undefined
  let result: readonly string[] = []
  return (state) => {
    const users = selectUsers(state)
    if (users === lastUsers) return result
    lastUsers = users
    const next = users.map((user) => user.id)
    if (!sameItems(next, result)) result = next
    return result
  }
}
