'use client'
import { useMemo } from 'react'
import { useStore } from 'zustand'
import { usePresenceContext } from '../provider/PresenceContext'
import type { RuntimeLifecycle } from '../runtime'

/**
 * Where the provider's session is, as {@link usePresenceSession} returns it.
 *
 * @example
 * const { lifecycle, userId }: PresenceSession = usePresenceSession()
 */
export interface PresenceSession {
  /** `stopped` (no token), `running`, or `offline` (after `useMarkOffline`). */
  lifecycle: RuntimeLifecycle
  /** The signed-in user's id, once known (from `/api/users/me/` or the provider's `userId`); `null` before. */
  userId: string | null
  /** Whether the first full list of who is online has arrived since the start: a user still unknown then is offline. */
  synced: boolean
  /** The first auth error of this session (a REST 401 or a 4401 close); `null` until then. */
  authError: unknown
  /**
   * No one is signed in: presence is stopped and no session is on its way (the token is `null` or empty, or the
   * token getter found none). A token given in this render is on its way, on the server too: not signed out.
   */
  signedOut: boolean
}

/**
 * The provider's session: whether presence runs, who is signed in, whether the first list of who is online has
 * arrived, and whether the token was refused. Re-renders only when one of these changes (rarely).
 *
 * @example
 * import { usePresenceSession } from 'presence-kit'
 *
 * function SignedInAs() {
 *   const { lifecycle, userId, authError, signedOut } = usePresenceSession()
 *   if (signedOut) return <p>Not signed in.</p>
 *   if (authError) return <p>Your session expired.</p>
 *   return lifecycle === 'running' ? <p>Signed in as {userId}</p> : null
 * }
 */
export function usePresenceSession(): PresenceSession {
  const { runtime, expecting } = usePresenceContext('usePresenceSession')
  const lifecycle = useStore(runtime.store, (s) => s.lifecycle)
  const authError = useStore(runtime.store, (s) => s.authError)
  const userId = useStore(runtime.store, (s) => s.self)
  const synced = useStore(runtime.store, (s) => s.synced)
  const signedOut = lifecycle === 'stopped' && !expecting
  return useMemo(() => ({ lifecycle, userId, synced, authError, signedOut }), [lifecycle, userId, synced, authError, signedOut])
}
