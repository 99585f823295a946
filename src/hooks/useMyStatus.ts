'use client'
import { useMemo, useSyncExternalStore } from 'react'
import { useStore } from 'zustand'
import type { LastSeenVisibility, Presence, PresenceMode, PresenceStatus } from '../client'
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
  /** When the message clears itself (epoch ms, server clock); `null` for never or no message. */
  statusExpiresAt: number | null
  /** Whether the user shows as away because they left the keyboard (auto-away), not because they chose it. */
  idle: boolean
  /** Who may see the user's last seen; `null` while unknown or when the backend has no such choice. */
  lastSeenVisibility: LastSeenVisibility | null
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
  const lastSeenVisibility = useStore(runtime.settings, (state) => state.lastSeenVisibility)
  return useMemo(
    () => ({
      status: user?.status ?? 'offline',
      mode,
      statusMessage: user?.statusMessage ?? null,
      statusExpiresAt: user?.statusMessage == null ? null : (user.statusExpiresAt ?? null),
      idle: user?.idle === true,
      lastSeenVisibility,
      user,
    }),
    [user, mode, lastSeenVisibility],
  )
}
