'use client'
import { usePresenceContext } from '../provider/PresenceContext'
import type { PresenceRuntime } from '../runtime'

/**
 * The provider's {@link PresenceRuntime}: the one escape hatch to its REST client, socket, stores and heartbeat, for
 * what no hook covers (a debug panel, a REST call of your own). The kit's own components never use it: the public
 * hooks are their only door, and the runtime's internals may change between minor versions where a hook will not.
 * Throws outside `<UserStatusProvider>`.
 *
 * @example
 * import { usePresenceRuntime } from 'presence-kit'
 *
 * function DebugPanel() {
 *   const runtime = usePresenceRuntime()
 *   return <pre>{JSON.stringify([...runtime.store.users.values()], null, 2)}</pre>
 * }
 */
export function usePresenceRuntime(): PresenceRuntime {
  return usePresenceContext('usePresenceRuntime').runtime
}
