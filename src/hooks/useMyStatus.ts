'use client'
import { useMemo, useSyncExternalStore } from 'react'
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
  const self = useStore(runtime.store, (state) => state.self)
  const source = useMemo(() => runtime.store.users.source(self), [runtime, self])
  const user = useSyncExternalStore(source.subscribe, source.get, source.get) ?? null
  const mode = useStore(runtime.store, (state) => state.mode)
  return useMemo(
    () => ({ status: user?.status ?? 'offline', mode, statusMessage: user?.statusMessage ?? null, user }),
    [user, mode],
  )
}
