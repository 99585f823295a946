import { createFormat, en } from '../../i18n'
import type { ConnectionState, Format, Messages, RuntimeLifecycle, Transport } from '../../index'

/** What the banner shows: nothing, a reconnect countdown, the polling notice, or that presence is signed out. */
export type BannerState = 'hidden' | 'reconnecting' | 'polling' | 'unauthorized'

/** What the banner is decided from: the provider's connection, as the hooks and the runtime's state tell it. */
export interface BannerInput {
  lifecycle: RuntimeLifecycle
  state: ConnectionState
  transport: Transport
  /** Whether the token was refused this session (a REST 401 or a 4401 close). */
  authError: boolean
}

/**
 * Which banner, if any: hidden when signed out on purpose (no token, or after mark-offline), while the socket is
 * open, and while the first connection is still being made; "signed out" once the token is refused (unless a socket
 * is still open: it outlives its token); the polling notice while polling (unless `hideWhenPolling`); the
 * reconnect banner while the socket waits for or makes another attempt.
 *
 * @example
 * bannerState({ lifecycle: 'running', state: 'reconnecting', transport: 'none', authError: false }) // 'reconnecting'
 */
export function bannerState(input: BannerInput, options: { hideWhenPolling?: boolean } = {}): BannerState {
  const { lifecycle, state, transport, authError } = input
  if (lifecycle !== 'running' || transport === 'socket') return 'hidden'
  if (state === 'unauthorized' || authError) return 'unauthorized'
  if (transport === 'polling') return options.hideWhenPolling ? 'hidden' : 'polling'
  return state === 'reconnecting' ? 'reconnecting' : 'hidden'
}

/**
 * Whole seconds until `at` (rounded up, never negative), as a countdown shows them.
 *
 * @example
 * secondsUntil(now + 7_200, now) // 8
 */
export function secondsUntil(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1_000))
}

/**
 * The polling interval in whole seconds (at least 1), as the banner and the OnlineUsers card both say it.
 *
 * @example
 * pollSeconds(10_000) // 10
 */
export function pollSeconds(intervalMs: number): number {
  return Math.max(1, Math.round(intervalMs / 1_000))
}

/**
 * The banner's words: the announced message (`message`) and the countdown beside it (`detail`, not announced, since
 * it changes every second), in `messages`' language and `format`'s digits (default English).
 *
 * @example
 * bannerText('reconnecting', { seconds: 8 }) // { message: 'Reconnecting…', detail: 'next attempt in 8 s' }
 * bannerText('polling', { pollSeconds: 10 }) // { message: 'Live updates paused — refreshing every 10 s', detail: null }
 * bannerText('polling', { pollSeconds: 10, pollFailing: true }) // "… can't reach the server, trying again every 10 s"
 */
export function bannerText(
  state: BannerState,
  { seconds = null, pollSeconds = 10, pollFailing = false }: { seconds?: number | null; pollSeconds?: number; pollFailing?: boolean } = {},
  messages: Messages = en,
  format: Format = createFormat('en'),
): { message: string; detail: string | null } {
  const words = messages.connectionBanner
  switch (state) {
    case 'hidden':
      return { message: '', detail: null }
    case 'reconnecting':
      return { message: words.reconnecting, detail: seconds !== null && seconds > 0 ? words.nextAttempt(seconds, format) : null }
    case 'polling':
      // A failed poll (offline, say) refreshes nothing: say so, not "refreshing".
      return { message: (pollFailing ? words.pollFailing : words.polling)(pollSeconds, format), detail: null }
    case 'unauthorized':
      return { message: words.signedOut, detail: null }
    default:
      return state satisfies never
  }
}
