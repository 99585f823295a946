'use client'
import { useMutation } from '@tanstack/react-query'
import type { LastSeenVisibility, PresenceMode } from '../client'
import { usePresenceContext } from '../provider/PresenceContext'
import { normaliseStatusMessage } from '../runtime'
import type { PresenceMutationResult } from './result-shapes'

/**
 * A change of the signed-in user's status: the mode and/or the status message (`null` or blank clears it).
 *
 * @example
 * const change: MyStatusChange = { mode: 'away', statusMessage: 'Lunch' }
 */
export interface MyStatusChange {
  mode?: PresenceMode
  statusMessage?: string | null
  /**
   * When the message clears itself: epoch ms (server clock) or a `Date`, in the future; `null` for never. Setting a
   * message without it clears an earlier expiry (contract 6.3).
   */
  statusExpiresAt?: number | Date | null
  /** Who may see the user's last seen: `everyone`, `friends` or `nobody` (contract 6.4). */
  lastSeenVisibility?: LastSeenVisibility
}

/**
 * Changes the signed-in user's mode, status message (and when it expires) and who may see their last seen: over the socket's `status` frame while it is open, else
 * `PATCH /api/users/me/status/` (always for `lastSeenVisibility`, which no socket frame echoes). A React Query mutation on the provider's QueryClient, in the kit's one mutation
 * shape: the message is trimmed (`null` or blank clears it); `mutateAsync` resolves with the change as sent once
 * the server has answered and the store shows it (nothing is shown before: no optimistic guess), and rejects with
 * a `PresenceApiError`; `mutate` fires and forgets (the failure lands in `error`).
 *
 * @example
 * import { useSetMyStatus } from 'presence-kit'
 *
 * function AwayButton() {
 *   const { mutate, isPending } = useSetMyStatus()
 *   return (
 *     <button disabled={isPending} onClick={() => mutate({ mode: 'away', statusMessage: 'Lunch' })}>
 *       Away for lunch
 *     </button>
 *   )
 * }
 */
export function useSetMyStatus(): PresenceMutationResult<MyStatusChange, MyStatusChange> {
  const { runtime, queryClient } = usePresenceContext('useSetMyStatus')
  return useMutation(
    {
      mutationFn: async (change: MyStatusChange) => {
        const sent = change.statusMessage === undefined ? change : { ...change, statusMessage: normaliseStatusMessage(change.statusMessage) }
        await runtime.setStatus(sent)
        return sent
      },
    },
    queryClient,
  )
}
