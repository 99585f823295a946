'use client'
import { useMemo, useSyncExternalStore } from 'react'
import type { Presence, PresenceStatus } from '../client'
import { usePresenceContext } from '../provider/PresenceContext'
import { userKey } from './user-key'

/**
 * One user's presence, as {@link useUserStatus} returns it.
 *
 * @example
 * const { status, isOnline }: UserStatus = useUserStatus(2)
 */
export interface UserStatus {
  /** `offline` for a user the kit has not heard of. */
  status: PresenceStatus
  isOnline: boolean
  /** Epoch ms on the server's clock, or `null` if never seen. */
  lastSeen: number | null
  statusMessage: string | null
  /** The whole record, or `null` for a user the kit has not heard of. */
  user: Presence | null
}

/**
 * The presence of one user. Re-renders only when that user's record changes: the store keeps each record's
 * identity until that user changes, and the component subscribes to that record alone, so a list of 1,000 avatars
 * re-renders one avatar per change. An unknown user is `offline` with `user: null`.
 *
 * @example
 * function Avatar({ userId }: { userId: number }) {
 *   const { status, statusMessage } = useUserStatus(userId)
 *   return <OnlineStatusIndicator status={status} label={statusMessage ?? undefined} badge />
 * }
 */
export function useUserStatus(userId: string | number): UserStatus {
  const { runtime } = usePresenceContext('useUserStatus')
  const id = userKey(userId) // missing, blank or NaN: nobody, never the store user "undefined"
  const source = useMemo(() => runtime.store.users.source(id), [runtime, id])
  const user = useSyncExternalStore(source.subscribe, source.get, source.get) ?? null
  return useMemo(
    () => ({
      status: user?.status ?? 'offline',
      isOnline: user?.isOnline ?? false,
      lastSeen: user?.lastSeen ?? null,
      statusMessage: user?.statusMessage ?? null,
      user,
    }),
    [user],
  )
}
