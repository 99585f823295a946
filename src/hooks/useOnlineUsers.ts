'use client'
import { useMemo, useSyncExternalStore } from 'react'
import { useStore } from 'zustand'
import type { Presence } from '../client'
import { usePresenceContext } from '../provider/PresenceContext'
import { isListUnavailable, isRefusedList } from '../runtime'
import { selectOnlineUsers } from '../store'
import { useFriendIds } from './useFriendIds'

/**
 * Options of {@link useOnlineUsers}.
 *
 * @example
 * const options: OnlineUsersQuery = { filter: 'friends', limit: 8 }
 */
export interface OnlineUsersQuery {
  /** `friends`: the signed-in user's friends only (seed 001, enhancement 1). Default `all`. */
  filter?: 'all' | 'friends'
  /** Whether the signed-in user is listed. Default `false` (seed 001's list leaves the caller out). */
  includeSelf?: boolean
  /** At most this many users; `total` still counts them all. */
  limit?: number
}

/**
 * What {@link useOnlineUsers} returns.
 *
 * @example
 * const { users, total }: OnlineUsersResult = useOnlineUsers({ limit: 8 })
 * const more = total - users.length // "+N more"
 */
export interface OnlineUsersResult {
  /** Online users (online, away, dnd), sorted by username, case-insensitively; at most `limit`. */
  users: Presence[]
  /** How many there are before `limit`. */
  total: number
  /**
   * Until the first list of who is online has arrived (and, with `filter: 'friends'`, the friends); never while
   * `isUnavailable`.
   */
  isLoading: boolean
  /**
   * The backend gives this user no list to read: it has none (no socket that sends one, no list endpoint), or it
   * refused it with a 403 or a 404 (an admin-only list, or `filter: 'friends'` on a backend without friends). One
   * state, not retried until `retryNow()`, a new connection or a new token; `error` is `null` then.
   */
  isUnavailable: boolean
  /** Why the friends or the last poll could not be fetched; `null` otherwise. */
  error: unknown
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

// By username, ignoring case and accents; users without a known name last; then by id, so the order is total.
function byUsername(a: Presence, b: Presence): number {
  if (a.username !== b.username) {
    if (a.username === null) return 1
    if (b.username === null) return -1
    const order = collator.compare(a.username, b.username)
    if (order !== 0) return order
  }
  return collator.compare(a.id, b.id)
}

const NO_FRIENDS: ReadonlySet<string> = new Set()

/**
 * Who is online, live from the store: sorted by username, optionally friends only, the signed-in user left out
 * unless asked for. Re-renders when the list's records change, not when someone outside it changes.
 *
 * @example
 * function WhoIsOnline() {
 *   const { users, total, isLoading, isUnavailable } = useOnlineUsers({ filter: 'friends', limit: 8 })
 *   if (isUnavailable) return <p>Not available for your account.</p>
 *   if (isLoading) return <Skeleton />
 *   return (
 *     <ul>
 *       {users.map((user) => <li key={user.id}>{user.username}</li>)}
 *       {total > users.length && <li>+{total - users.length} more</li>}
 *     </ul>
 *   )
 * }
 */
export function useOnlineUsers(options: OnlineUsersQuery = {}): OnlineUsersResult {
  const { filter = 'all', includeSelf = false, limit } = options
  const { runtime, expecting } = usePresenceContext('useOnlineUsers')
  const friendsOnly = filter === 'friends'
  const friends = useFriendIds({ enabled: friendsOnly })
  const ids = friendsOnly ? (friends.friendIds ?? NO_FRIENDS) : undefined
  const select = useMemo(() => selectOnlineUsers({ includeSelf, ids }), [includeSelf, ids])
  const self = useStore(runtime.store, (state) => state.self)
  const online = useSyncExternalStore(runtime.store.users.subscribeOnline, () => select(runtime.store.users, self), () => select(runtime.store.users, self))
  const sorted = useMemo(() => [...online].sort(byUsername), [online])
  const users = useMemo(() => (limit === undefined ? sorted : sorted.slice(0, Math.max(0, limit))), [sorted, limit])
  const synced = useStore(runtime.store, (state) => state.synced)
  const syncError = useStore(runtime.store, (state) => state.syncError)
  // What is already known is shown: only a list never had is unavailable.
  const isUnavailable = (!synced && isListUnavailable(runtime.backend, syncError)) || (friendsOnly && isRefusedList(friends.error))
  return {
    users,
    total: sorted.length,
    isLoading: !isUnavailable && ((expecting && !synced) || (friendsOnly && friends.isLoading)),
    isUnavailable,
    error: isUnavailable ? null : ((friendsOnly ? friends.error : null) ?? syncError),
  }
}
