'use client'
import { useCallback, useContext, useSyncExternalStore } from 'react'
import { PresenceMessagesContext, usePresenceContext } from '../provider/PresenceContext'

/**
 * Options of {@link useRelativeTime}.
 *
 * @example
 * const options: RelativeTimeOptions = { locale: 'fr' }
 */
export interface RelativeTimeOptions {
  /** A BCP 47 locale for `Intl.RelativeTimeFormat`. Default: the provider's `locale`; outside one, the environment's. */
  locale?: string
}

const noSubscription = () => () => {}
const onServer = () => null

/**
 * "2 minutes ago" for a time on the server's clock (epoch ms), kept current: every mounted instance shares one timer,
 * which wakes only when some text would change (often at first, hourly for old times). Computed on the server's
 * clock ({@link useServerClock}), so a device whose clock is wrong still shows the right text. `null` for `null`,
 * and on the server (the time is the client's to tell). The wording is `formatLastSeen`'s.
 *
 * @example
 * import { useRelativeTime } from 'presence-kit'
 *
 * function Posted({ at }: { at: number }) {
 *   const ago = useRelativeTime(at)
 *   return <time dateTime={new Date(at).toISOString()}>{ago}</time>
 * }
 */
export function useRelativeTime(at: number | null, options: RelativeTimeOptions = {}): string | null {
  const providerLocale = useContext(PresenceMessagesContext).locale
  const locale = options.locale ?? providerLocale
  // The clock and its timer are the runtime's: a component that imports this hook carries a few lines, not them.
  const { clock } = usePresenceContext('useRelativeTime').runtime
  const subscribe = useCallback((notify: () => void) => (at === null ? noSubscription() : clock.watch(at, notify)), [clock, at])
  const getSnapshot = () => (at === null ? null : clock.relative(at, locale))
  return useSyncExternalStore(subscribe, getSnapshot, onServer)
}
