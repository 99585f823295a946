'use client'
import { useMutation } from '@tanstack/react-query'
import type { PresenceMode } from '../client'
import { usePresenceContext } from '../provider/PresenceContext'
import { normaliseStatusMessage } from '../runtime'

/**
 * A change of the signed-in user's status: the mode and/or the status message (`null` or blank clears it).
 *
 * @example
 * const change: MyStatusChange = { mode: 'away', statusMessage: 'Lunch' }
 */
export interface MyStatusChange {
  mode?: PresenceMode
  statusMessage?: string | null
}

/**
 * What {@link useSetMyStatus} returns.
 *
 * @example
 * const { setStatus, isPending }: SetMyStatus = useSetMyStatus()
 */
export interface SetMyStatus {
  /**
   * Sets the mode and/or the status message (trimmed; `null` or blank clears it). Resolves with the change as sent
   * once the server has answered and the store shows it (nothing is shown before: no optimistic guess); rejects
   * with a `PresenceApiError`.
   */
  setStatus(change: MyStatusChange): Promise<MyStatusChange>
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
    {
      mutationFn: async (change: MyStatusChange) => {
        const sent = change.statusMessage === undefined ? change : { ...change, statusMessage: normaliseStatusMessage(change.statusMessage) }
        await runtime.setStatus(sent)
        return sent
      },
    },
    queryClient,
  )
  return { setStatus: mutation.mutateAsync, isPending: mutation.isPending, error: mutation.error }
}
