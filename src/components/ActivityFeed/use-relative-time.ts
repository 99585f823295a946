'use client'

import { useCallback, useSyncExternalStore } from 'react'
import { useStore } from 'zustand'
import { usePresenceRuntime } from '../../hooks/usePresenceRuntime'
import { formatLastSeen, lastSeenChangesAt } from '../../runtime/last-seen'
import { subscribeTicker } from '../../runtime/last-seen-ticker'

const onServer = () => null

/**
 * "2 minutes ago" for a time on the server's clock (epoch ms), kept current by the page's one "last seen" ticker,
 * which wakes only when some text changes. `null` on the server: the time is the client's to tell.
 *
 * @example
 * const ago = useRelativeTime(entry.at)
 */
export function useRelativeTime(at: number, locale?: string): string | null {
  const { store } = usePresenceRuntime()
  const offset = useStore(store, (state) => state.connection.serverOffset)
  const subscribe = useCallback(
    (notify: () => void) => subscribeTicker(() => lastSeenChangesAt(at, Date.now() + offset) - offset, notify),
    [at, offset],
  )
  const getSnapshot = () => formatLastSeen(at, Date.now() + offset, locale)
  return useSyncExternalStore(subscribe, getSnapshot, onServer)
}
