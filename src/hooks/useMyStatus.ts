'use client'
import { useMemo } from 'react'
import { useStore } from 'zustand'
import type { Presence, PresenceMode, PresenceStatus } from '../client'
import { usePresenceContext } from '../provider/PresenceContext'

/**
 * The signed-in user's own presence, as {@link useMyStatus} returns it.
 *
 * @example
 * const { mode, statusMessage }: MyStatus = useMyStatus()
 */
export interface MyStatus {
  /** As the user sees themself: `invisible` while invisible. `offline` while unknown. */
  status: PresenceStatus
  /** What the user chose (`auto`, `away`, `dnd`, `invisible`); `null` until known. */
  mode: PresenceMode | null
  statusMessage: string | null
  user: Presence | null
}

/**
 * The signed-in user's own status, mode and message, for a status picker. The user is known from
 * `/api/users/me/` (or the provider's `userId`).
 *
 * @example
 * function MyStatusChip() {
 *   const { status, statusMessage } = useMyStatus()
 *   return (
 *     <span>
 *       <OnlineStatusIndicator status={status} /> {statusMessage ?? 'Set a status'}
 *     </span>
 *   )
 * }
 */
export function useMyStatus(): MyStatus {
  const { runtime } = usePresenceContext('useMyStatus')
  const user = useStore(runtime.store, (state) => (state.self === null ? undefined : state.users[state.self])) ?? null
  const mode = useStore(runtime.state, (state) => state.mode)
  return useMemo(
    () => ({ status: user?.status ?? 'offline', mode, statusMessage: user?.statusMessage ?? null, user }),
    [user, mode],
  )
}
