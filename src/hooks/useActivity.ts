'use client'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useStore } from 'zustand'
import type { ActivityEntry } from '../client'
import { usePresenceContext } from '../provider/PresenceContext'
import type { UsersUpdate } from '../store'
import { presenceKeys, retryTransient } from './query-options'
import type { PresenceQueryResult } from './result-shapes'

/**
 * Options of {@link useActivity}.
 *
 * @example
 * const options: UseActivityOptions = { limit: 20, filter: 'friends' }
 */
export interface UseActivityOptions {
  /** At most this many entries, 1–200. Default 50 (the backend's). */
  limit?: number
  /** `friends`: the signed-in user's friends only. Default `all`. */
  filter?: 'all' | 'friends'
  /** How long after a status change the timeline is fetched again; changes within it are one refetch. Default 1 000 ms. */
  refetchDelayMs?: number
}

// Someone's status changed (not only their last seen or message): the server logged an activity entry.
function statusChanged({ changes, baseline }: UsersUpdate): boolean {
  return !baseline && changes.some(({ user, previous }) => user !== undefined && user.status !== (previous?.status ?? 'offline'))
}

/**
 * The activity timeline: who came online, went away or offline, newest first, as a React
 * Query result. It stays live: when the store sees someone's status change, the timeline is fetched again (once
 * per `refetchDelayMs`, however many changes). The result is React Query's own object, typed as the kit's one data
 * shape ({@link PresenceQueryResult}).
 *
 * @example
 * function ActivityFeed() {
 *   const { data = [] } = useActivity({ limit: 20, filter: 'friends' })
 *   return (
 *     <ol>
 *       {data.map((entry) => (
 *         <li key={`${entry.user.id}-${entry.at}`}>{entry.user.username} went {entry.event}</li>
 *       ))}
 *     </ol>
 *   )
 * }
 */
export function useActivity(options: UseActivityOptions = {}): PresenceQueryResult<ActivityEntry[]> {
  const { limit, filter = 'all', refetchDelayMs = 1_000 } = options
  const { runtime, queryClient } = usePresenceContext('useActivity')
  const session = useStore(runtime.store, (state) => state.session)
  const running = useStore(runtime.store, (state) => state.lifecycle !== 'stopped')
  const query = useQuery(
    {
      queryKey: presenceKeys.activity(runtime, session, { limit, filter }),
      queryFn: ({ signal }) => runtime.activity({ limit, filter: filter === 'friends' ? 'friends' : undefined, signal }),
      enabled: running,
      retry: retryTransient,
      placeholderData: keepPreviousData,
    },
    queryClient,
  )

  useEffect(() => {
    if (!running) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const unsubscribe = runtime.store.users.subscribeChanges((update) => {
      if (timer !== undefined || !statusChanged(update)) return
      timer = setTimeout(() => {
        timer = undefined
        void queryClient.invalidateQueries({ queryKey: presenceKeys.activity(runtime, session) })
      }, refetchDelayMs)
    })
    return () => {
      unsubscribe()
      clearTimeout(timer)
    }
  }, [runtime, queryClient, session, running, refetchDelayMs])

  return query
}
