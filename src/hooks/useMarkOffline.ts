'use client'
import { useCallback } from 'react'
import { usePresenceContext } from '../provider/PresenceContext'

/**
 * Seed 002's logout step, in the contract's order: closes this tab's socket, stops the heartbeat, then posts
 * mark-offline, so that peers see the user offline at once (unless another tab of theirs is still open). Call it
 * before revoking the session; then set the provider's token to `null`.
 *
 * @example
 * function LogoutButton() {
 *   const markOffline = useMarkOffline()
 *   const auth = useAuth()
 *   return (
 *     <button
 *       onClick={async () => {
 *         await markOffline().catch(() => {}) // best effort: logging out must not fail on it
 *         await auth.logout()
 *       }}
 *     >
 *       Log out
 *     </button>
 *   )
 * }
 */
export function useMarkOffline(): () => Promise<void> {
  const { runtime } = usePresenceContext('useMarkOffline')
  return useCallback(() => runtime.markOffline(), [runtime])
}
