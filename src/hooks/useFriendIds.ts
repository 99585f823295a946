'use client'
import { useQuery } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo } from 'react'
import { useStore } from 'zustand'
import { usePresenceContext } from '../provider/PresenceContext'
import { hasUnknownOnline } from '../runtime'
import { presenceKeys, retryTransient } from './query-options'
import type { PresenceQueryResult } from './result-shapes'

/**
 * Options of {@link useFriendIds}.
 *
 * @example
 * const options: FriendIdsOptions = { enabled: filter === 'friends' }
 */
export interface FriendIdsOptions {
  /** `false`: asks nothing (and stays pending). Default `true`. */
  enabled?: boolean
}

/**
 * Which online users are the signed-in user's friends, from `GET /api/users/online/?filter=friends`
 * (a React Query query), as the kit's one data shape: `data` is the set of friend ids, `undefined` until known
 * (`isPending` stays `true` while signed out, as a disabled React Query query does). The store stays the source of
 * live status: this only learns friendships. When a user comes online whose friendship the last answer did not
 * settle, it asks again (a request already out is reused).
 *
 * @example
 * function FriendBadge({ userId }: { userId: string }) {
 *   const { data: friendIds } = useFriendIds()
 *   return friendIds?.has(userId) ? <span>Friend</span> : null
 * }
 */
export function useFriendIds(options: FriendIdsOptions = {}): PresenceQueryResult<ReadonlySet<string>> {
  const enabled = options.enabled ?? true
  const { runtime, queryClient } = usePresenceContext('useFriendIds')
  const session = useStore(runtime.store, (state) => state.session)
  const running = useStore(runtime.store, (state) => state.lifecycle !== 'stopped')
  // Asked once the store knows who is online, so that one answer settles everyone online then.
  const synced = useStore(runtime.store, (state) => state.synced)
  const query = useQuery(
    {
      queryKey: presenceKeys.friends(runtime, session),
      queryFn: ({ signal }) => runtime.onlineFriends({ signal }),
      enabled: enabled && running && synced,
      retry: retryTransient,
      // Friendships change rarely; what makes it stale is someone unknown coming online (below).
      staleTime: Infinity,
    },
    queryClient,
  )
  const { data, refetch } = query

  useEffect(() => {
    if (!enabled || !data) return
    const check = () => {
      const { self } = runtime.store.getState()
      if (hasUnknownOnline(runtime.store.users, data, self)) void refetch({ cancelRefetch: false })
    }
    check()
    return runtime.store.users.subscribeOnline(check)
  }, [enabled, data, refetch, runtime])

  const { isPending, isError, error, isFetching } = query
  const again = useCallback(() => refetch(), [refetch])
  return useMemo(
    () => ({ data: data?.friendIds, isPending, isError, error, isFetching, refetch: again }),
    [data, isPending, isError, error, isFetching, again],
  )
}
