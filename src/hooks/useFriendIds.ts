'use client'
import { useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useStore } from 'zustand'
import { usePresenceContext } from '../provider/PresenceContext'
import { hasUnknownOnline } from '../runtime'
import { presenceKeys, retryTransient } from './query-options'

/**
 * What {@link useFriendIds} returns.
 *
 * @example
 * const { friendIds, isLoading }: FriendIds = useFriendIds()
 */
export interface FriendIds {
  /** The signed-in user's friends among the online users; `null` until known. */
  friendIds: ReadonlySet<string> | null
  isLoading: boolean
  error: unknown
}

/**
 * Which online users are the signed-in user's friends, from seed 001's `GET /api/users/online/?filter=friends`
 * (a React Query query). The store stays the source of live status: this only learns friendships. When a user comes
 * online whose friendship the last answer did not settle, it asks again (a request already out is reused).
 *
 * @example
 * function FriendBadge({ userId }: { userId: string }) {
 *   const { friendIds } = useFriendIds()
 *   return friendIds?.has(userId) ? <span>Friend</span> : null
 * }
 */
export function useFriendIds(options: { enabled?: boolean } = {}): FriendIds {
  const enabled = options.enabled ?? true
  const { runtime, queryClient, expecting } = usePresenceContext('useFriendIds')
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

  return { friendIds: data?.friendIds ?? null, isLoading: enabled && expecting && query.isPending, error: query.error }
}
