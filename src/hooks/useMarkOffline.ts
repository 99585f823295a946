'use client'
import { useMutation } from '@tanstack/react-query'
import { usePresenceContext } from '../provider/PresenceContext'
import type { PresenceMutationResult } from './result-shapes'

/**
 * The logout step, in the contract's order: closes this tab's socket, stops the heartbeat, then posts
 * mark-offline, so that peers see the user offline at once (unless another tab of theirs is still open). It waits
 * (at most 1 s) for the close and for a heartbeat already out to land, so that neither announces the user after the
 * logout. Call it, and wait for it, before revoking the session; then set the provider's token to `null`. A React Query mutation on the provider's
 * QueryClient, in the kit's one mutation shape: `mutateAsync()` to wait for it, `mutate()` to fire and forget.
 *
 * @example
 * import { useMarkOffline } from 'presence-kit'
 *
 * function LogoutButton() {
 *   const markOffline = useMarkOffline()
 *   const auth = useAuth()
 *   return (
 *     <button
 *       disabled={markOffline.isPending}
 *       onClick={async () => {
 *         await markOffline.mutateAsync().catch(() => {}) // best effort: logging out must not fail on it
 *         await auth.logout()
 *       }}
 *     >
 *       Log out
 *     </button>
 *   )
 * }
 */
export function useMarkOffline(): PresenceMutationResult<void> {
  const { runtime, queryClient } = usePresenceContext('useMarkOffline')
  return useMutation({ mutationFn: () => runtime.markOffline() }, queryClient)
}
