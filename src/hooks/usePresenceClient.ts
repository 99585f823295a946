'use client'
import { usePresenceContext } from '../provider/PresenceContext'
import type { PresenceRuntime } from '../runtime'

/**
 * The provider's {@link PresenceRuntime} (the same as `usePresenceRuntime`), e.g. to call its REST client.
 * Throws outside `<UserStatusProvider>`.
 *
 * @example
 * const client = usePresenceClient()
 * const onRefresh = () => client.retryNow()
 */
export function usePresenceClient(): PresenceRuntime {
  return usePresenceContext('usePresenceClient').runtime
}
