'use client'
import { useMutation } from '@tanstack/react-query'
import type { PresenceMode } from '../client'
import { usePresenceContext } from '../provider/PresenceContext'

/**
 * What {@link useSetMyStatus} returns.
 *
 * @example
 * const { setStatus, isPending }: SetMyStatus = useSetMyStatus()
 */
export interface SetMyStatus {
  /**
   * Sets the mode and/or the status message (`null` clears it). Resolves once the server has answered and the
   * store shows it (nothing is shown before: no optimistic guess); rejects with a `PresenceApiError`.
   */
  setStatus(change: { mode?: PresenceMode; statusMessage?: string | null }): Promise<void>
  isPending: boolean
  /** The last failure, until the next call. */
  error: unknown
}

/**
 * Changes the signed-in user's mode and status message: over the socket's `status` frame while it is open, else
 * `PATCH /api/users/me/status/` (a React Query mutation on the provider's QueryClient).
 *
 * @example
 * function AwayButton() {
 *   const { setStatus, isPending } = useSetMyStatus()
 *   return (
 *     <button disabled={isPending} onClick={() => setStatus({ mode: 'away', statusMessage: 'Lunch' }).catch(() => {})}>
 *       Away for lunch
 *     </button>
 *   )
 * }
 */
export function useSetMyStatus(): SetMyStatus {
  const { runtime, queryClient } = usePresenceContext('useSetMyStatus')
  const mutation = useMutation(
    { mutationFn: (change: { mode?: PresenceMode; statusMessage?: string | null }) => runtime.setStatus(change) },
    queryClient,
  )
  return { setStatus: mutation.mutateAsync, isPending: mutation.isPending, error: mutation.error }
}
