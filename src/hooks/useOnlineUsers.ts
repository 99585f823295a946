'use client'
import { useCallback, useMemo, useSyncExternalStore } from 'react'
import { useStore } from 'zustand'
import type { Presence } from '../client'
import { usePresenceContext } from '../provider/PresenceContext'
import { isListUnavailable, isRefusedList, unavailableReason as reasonOf } from '../runtime'
import { selectOnlineUsers } from '../store'
import { toError, type PresenceQueryResult } from './result-shapes'
import { useFriendIds } from './useFriendIds'

/**
 * Options of {@link useOnlineUsers}.
 *
 * @example
 * const options: OnlineUsersQuery = { filter: 'friends', limit: 8 }
 */
export interface OnlineUsersQuery {
  /** `friends`: the signed-in user's friends only. Default `all`. */
  filter?: 'all' | 'friends'
  /** Whether the signed-in user is listed. Default `false` (the list leaves the caller out). */
  includeSelf?: boolean
  /** At most this many users; `total` still counts them all. */
  limit?: number
}

/**
 * The list {@link useOnlineUsers} loads (its `data`).
 *
 * @example
 * const { users, total }: OnlineUsersData = useOnlineUsers({ limit: 8 }).data ?? { users: [], total: 0 }
 * const more = total - users.length // "+N more"
 */
export interface OnlineUsersData {
  /** Online users (online, away, dnd), sorted by username, case-insensitively; at most `limit`. */
  users: Presence[]
  /** How many there are before `limit`. */
  total: number
}

/**
 * What {@link useOnlineUsers} returns: the kit's one data shape, plus `isUnavailable` and `unavailableReason`. `isPending` (with `data`
 * `undefined`) until the first list of who is online has arrived (and, with `filter: 'friends'`, the friends);
 * never while signed out (nothing is on its way: `data` is the empty list) nor while `isUnavailable`.
 *
 * @example
 * const { data, isPending, isUnavailable, unavailableReason }: OnlineUsersResult = useOnlineUsers({ limit: 8 })
 */
export interface OnlineUsersResult extends PresenceQueryResult<OnlineUsersData> {
  /**
   * The backend gives this user no list to read: it has none (no socket that sends one, no list endpoint), or it
   * refused it with a 403 or a 404 (an admin-only list, or `filter: 'friends'` on a backend without friends). One
   * state, not retried until `retryNow()`, a new connection or a new token; `error` is `null` then.
   */
  isUnavailable: boolean
  /**
   * Why `isUnavailable`: `refused`, the backend answered 403 (the list exists, not for this account); `missing`, it
   * has no such list (none configured, no socket that sends one, or a 404; with `filter: 'friends'`, no friends
   * endpoint). `null` while the list is available.
   *
   * @example
   * const { unavailableReason } = useOnlineUsers()
   * if (unavailableReason === 'missing') return <p>This server does not offer a list of who is online.</p>
   */
  unavailableReason: 'refused' | 'missing' | null
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
 *   const { data, isPending, isUnavailable } = useOnlineUsers({ filter: 'friends', limit: 8 })
 *   if (isUnavailable) return <p>Not available for your account.</p>
 *   if (isPending) return <Skeleton />
 *   const { users, total } = data
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
  const ids = friendsOnly ? (friends.data ?? NO_FRIENDS) : undefined
  const select = useMemo(() => selectOnlineUsers({ includeSelf, ids }), [includeSelf, ids])
  const self = useStore(runtime.store, (state) => state.self)
  const online = useSyncExternalStore(runtime.store.users.subscribeOnline, () => select(runtime.store.users, self), () => select(runtime.store.users, self))
  const sorted = useMemo(() => [...online].sort(byUsername), [online])
  const users = useMemo(() => (limit === undefined ? sorted : sorted.slice(0, Math.max(0, limit))), [sorted, limit])
  const synced = useStore(runtime.store, (state) => state.synced)
  const syncError = useStore(runtime.store, (state) => state.syncError)
  // What is already known is shown: only a list never had is unavailable.
  const listGone = !synced && isListUnavailable(runtime.backend, syncError)
  const isUnavailable = listGone || (friendsOnly && isRefusedList(friends.error))
  const unavailableReason = isUnavailable ? reasonOf(listGone ? syncError : friends.error) : null
  const isPending = !isUnavailable && expecting && (!synced || (friendsOnly && friends.isPending))
  const failure = isUnavailable ? null : ((friendsOnly ? friends.error : null) ?? syncError)
  const error = useMemo(() => toError(failure), [failure])
  const total = sorted.length
  const data = useMemo(() => (isPending ? undefined : { users, total }), [isPending, users, total])
  const refetchFriends = friends.refetch
  // The list is the store's: asking again is the runtime's retry (and the friends query's refetch).
  const refetch = useCallback(async () => {
    runtime.retryNow()
    if (friendsOnly) await refetchFriends()
  }, [runtime, friendsOnly, refetchFriends])
  const isFetching = isPending || (friendsOnly && friends.isFetching)
  return useMemo(
    () => ({ data, isPending, isError: error !== null, error, isFetching, refetch, isUnavailable, unavailableReason }),
    [data, isPending, error, isFetching, refetch, isUnavailable, unavailableReason],
  )
}
