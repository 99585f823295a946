'use client'
import { usePresenceContext } from '../provider/PresenceContext'
import type { PresenceRuntime } from '../runtime'

/**
 * The provider's {@link PresenceRuntime}: the escape hatch to its REST client, socket, store and heartbeat.
 * Throws outside `<UserStatusProvider>`.
 *
 * @example
 * function DebugPanel() {
 *   const runtime = usePresenceRuntime()
 *   return <pre>{JSON.stringify([...runtime.store.users.values()], null, 2)}</pre>
 * }
 */
export function usePresenceRuntime(): PresenceRuntime {
  return usePresenceContext('usePresenceRuntime').runtime
}
