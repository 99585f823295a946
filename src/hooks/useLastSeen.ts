'use client'
import { useMemo, useSyncExternalStore } from 'react'
import { usePresenceContext } from '../provider/PresenceContext'
import { userKey } from './user-key'
import { useRelativeTime, type RelativeTimeOptions } from './useRelativeTime'

export { formatLastSeen } from '../runtime'

/**
 * Options of {@link useLastSeen}.
 *
 * @example
 * const options: LastSeenOptions = { locale: 'fr' }
 */
export type LastSeenOptions = RelativeTimeOptions

/**
 * "Last seen 2 minutes ago" for a user, kept current: `useRelativeTime` of the user's `lastSeen` (one shared timer
 * for all instances, on the server's clock). `null` while the user is online, or if they were never seen. See
 * `formatLastSeen` for the wording rule. The server render shows `null` (the time is the client's to tell).
 *
 * @example
 * import { useLastSeen } from 'presence-kit'
 *
 * function LastSeen({ userId }: { userId: number }) {
 *   const text = useLastSeen(userId)
 *   return text ? <small>Last seen {text}</small> : null
 * }
 */
export function useLastSeen(userId: string | number, options: LastSeenOptions = {}): string | null {
  const { runtime } = usePresenceContext('useLastSeen')
  const id = userKey(userId) // missing, blank or NaN: nobody, never the store user "undefined"
  const source = useMemo(() => runtime.store.users.source(id), [runtime, id])
  const user = useSyncExternalStore(source.subscribe, source.get, source.get)
  const lastSeen = user && !user.isOnline ? user.lastSeen : null
  return useRelativeTime(lastSeen, options)
}
