'use client'
import { useCallback, useMemo, useSyncExternalStore } from 'react'
import { useStore } from 'zustand'
import { usePresenceContext } from '../provider/PresenceContext'
import { formatLastSeen, lastSeenChangesAt, subscribeTicker } from '../runtime'

export { formatLastSeen } from '../runtime'

/**
 * Options of {@link useLastSeen}.
 *
 * @example
 * const options: LastSeenOptions = { locale: 'fr' }
 */
export interface LastSeenOptions {
  /** A BCP 47 locale for `Intl.RelativeTimeFormat`; default the runtime's. */
  locale?: string
}

const noSubscription = () => () => {}
const onServer = () => null

/**
 * "Last seen 2 minutes ago" for a user, kept current: every mounted instance shares one timer, which wakes only when
 * some text would change (often at first, hourly for old times). Computed on the server's clock (the local clock plus
 * the offset measured from the socket's pongs), so a device whose clock is wrong still shows the right text.
 * `null` while the user is online, or if they were never seen. See `formatLastSeen` for the wording rule. The
 * server render shows `null` (the time is the client's to tell).
 *
 * @example
 * function LastSeen({ userId }: { userId: number }) {
 *   const text = useLastSeen(userId)
 *   return text ? <small>Last seen {text}</small> : null
 * }
 */
export function useLastSeen(userId: string | number, options: LastSeenOptions = {}): string | null {
  const { locale } = options
  const { runtime } = usePresenceContext('useLastSeen')
  const id = String(userId)
  const source = useMemo(() => runtime.store.users.source(id), [runtime, id])
  const user = useSyncExternalStore(source.subscribe, source.get, source.get)
  const lastSeen = user && !user.isOnline ? user.lastSeen : null
  const offset = useStore(runtime.store, (state) => state.connection.serverOffset)
  const subscribe = useCallback(
    (notify: () => void) =>
      lastSeen === null ? noSubscription() : subscribeTicker(() => lastSeenChangesAt(lastSeen, Date.now() + offset) - offset, notify),
    [lastSeen, offset],
  )
  const getSnapshot = () => (lastSeen === null ? null : formatLastSeen(lastSeen, Date.now() + offset, locale))
  return useSyncExternalStore(subscribe, getSnapshot, onServer)
}
