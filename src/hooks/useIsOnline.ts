'use client'
import { useMemo, useSyncExternalStore } from 'react'
import { usePresenceContext } from '../provider/PresenceContext'
import { userKey } from './user-key'

/**
 * Whether a user is online (any status but `offline`, as the viewer sees it); `false` for an unknown user.
 * Re-renders only when that answer changes, not when the user goes from online to away.
 *
 * @example
 * function ChatHeader({ peerId }: { peerId: number }) {
 *   const online = useIsOnline(peerId)
 *   return <span>{online ? 'Active now' : 'Offline'}</span>
 * }
 */
export function useIsOnline(userId: string | number): boolean {
  const { runtime } = usePresenceContext('useIsOnline')
  const id = userKey(userId) // missing, blank or NaN: nobody, never the store user "undefined"
  const source = useMemo(() => runtime.store.users.source(id), [runtime, id])
  const isOnline = () => source.get()?.isOnline ?? false
  return useSyncExternalStore(source.subscribe, isOnline, isOnline)
}
