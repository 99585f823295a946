'use client'
import { useMemo, useSyncExternalStore } from 'react'
import { usePresenceContext } from '../provider/PresenceContext'

/**
 * The server's clock, as {@link useServerClock} returns it.
 *
 * @example
 * const { now }: ServerClock = useServerClock()
 */
export interface ServerClock {
  /** Server clock minus local clock, in ms (measured from the socket's pongs; 0 until measured). */
  offset: number
  /** The server's time now, epoch ms: `Date.now() + offset`. */
  now(): number
}

/**
 * The server's clock: the offset the provider measured between this device's clock and the server's, so that times
 * the server sent (a `lastSeen`, an activity entry's `at`) are compared with the server's "now", not a wrong local
 * one. Re-renders only when the offset changes.
 *
 * @example
 * import { useServerClock } from 'presence-kit'
 *
 * function SeenAgo({ lastSeen }: { lastSeen: number }) {
 *   const clock = useServerClock()
 *   return <span>{Math.round((clock.now() - lastSeen) / 60_000)} min ago</span>
 * }
 */
export function useServerClock(): ServerClock {
  const { runtime } = usePresenceContext('useServerClock')
  // The store's own subscription, without zustand's React binding: the status dot alone reads the clock, and it
  // should not carry the binding for one number.
  const offset = useSyncExternalStore(runtime.store.subscribe, runtime.clock.offset, runtime.clock.offset)
  return useMemo(() => ({ offset, now: () => Date.now() + offset }), [offset])
}
