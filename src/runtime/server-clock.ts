import type { PresenceStore } from '../store'
import { formatLastSeen, lastSeenChangesAt } from './last-seen'
import { subscribeTicker } from './last-seen-ticker'

/**
 * A runtime's view of the server's clock: the offset it measured (from the socket's pongs), and "2 minutes ago"
 * texts on that clock that stay current. It lives on the runtime, not in the hooks that show the texts, so that a
 * status dot with a static `status` carries none of it: only a dot that follows a user (which needs the provider,
 * hence the runtime) uses it.
 *
 * @example
 * const stop = runtime.clock.watch(user.lastSeen, () => render(runtime.clock.relative(user.lastSeen)))
 */
export interface ServerClockSource {
  /** Server clock minus local clock, in ms (0 until measured). */
  offset(): number
  /** {@link formatLastSeen} of a time on the server's clock against the server's now. */
  relative(at: number, locale?: string): string
  /**
   * Calls `notify` whenever `relative(at)` may have changed: when its text's next unit is reached (one timer for
   * the whole page, see `subscribeTicker`) and when the measured offset changes. Returns the function that stops.
   */
  watch(at: number, notify: () => void): () => void
}

/**
 * The {@link ServerClockSource} of a store, whose `connection.serverOffset` the runtime keeps.
 *
 * @example
 * const clock = createServerClock(createPresenceStore())
 * clock.relative(Date.now() - 120_000) // '2 minutes ago'
 */
export function createServerClock(store: PresenceStore): ServerClockSource {
  const offset = () => store.getState().connection.serverOffset
  return {
    offset,
    relative: (at, locale) => formatLastSeen(at, Date.now() + offset(), locale),
    watch(at, notify) {
      let current = offset()
      const due = () => lastSeenChangesAt(at, Date.now() + current) - current
      let stopTicking = subscribeTicker(due, notify)
      const stopWatching = store.subscribe((state) => {
        if (state.connection.serverOffset === current) return
        // The text's next change moved with the clock: the ticker is told the new time.
        current = state.connection.serverOffset
        stopTicking()
        stopTicking = subscribeTicker(due, notify)
        notify()
      })
      return () => {
        stopWatching()
        stopTicking()
      }
    },
  }
}
