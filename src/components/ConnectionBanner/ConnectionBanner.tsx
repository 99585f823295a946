'use client'

import type { ComponentPropsWithoutRef } from 'react'
import { useStore } from 'zustand'
import { useConnectionState } from '../../hooks/useConnectionState'
import { usePresenceRuntime } from '../../hooks/usePresenceRuntime'
import { cn } from '../../lib/cn'
import { bannerState, bannerText } from './banner-state'
import { useSecondsUntil } from './use-seconds-until'

export interface ConnectionBannerProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /**
   * Shows nothing while presence arrives by polling. Default: `true` for a backend without a socket (where polling
   * is normal), `false` otherwise (polling then replaces a socket that cannot be had).
   */
  hideWhenPolling?: boolean
}

/**
 * A slim notice of the provider's connection, from `useConnectionState()`: nothing while live over the socket (nor
 * while signed out, nor during the first connection); "Reconnecting… next attempt in 8 s" with a live countdown and
 * "Retry now" after the socket dropped or was refused; "Live updates paused — refreshing every 10 s" while polling
 * instead; "Signed out: presence paused" once the token is refused. The message sits in a `role="status"` region that
 * stays mounted, so each change is announced politely; the countdown beside it is not announced every second.
 * `className` applies while the banner shows. Needs `<UserStatusProvider>`.
 *
 * @example
 * <ConnectionBanner className="mb-4" />
 */
export function ConnectionBanner({ hideWhenPolling: hideWhenPollingProp, className, ...rest }: ConnectionBannerProps) {
  const { state, transport, nextRetryAt, retryNow } = useConnectionState()
  const runtime = usePresenceRuntime()
  const hideWhenPolling = hideWhenPollingProp ?? runtime.backend.endpoints.socket === null
  const lifecycle = useStore(runtime.store, (s) => s.lifecycle)
  const authError = useStore(runtime.store, (s) => s.authError !== null)
  const view = bannerState({ lifecycle, state, transport, authError }, { hideWhenPolling })
  const seconds = useSecondsUntil(view === 'reconnecting' ? nextRetryAt : null)
  const pollSeconds = Math.max(1, Math.round(runtime.backend.listIntervalMs / 1_000))
  const { message, detail } = bannerText(view, { seconds, pollSeconds })
  const shown = view !== 'hidden'
  const canRetry = view === 'reconnecting' || view === 'polling'

  return (
    <div
      data-slot="connection-banner"
      data-state={view}
      className={cn(
        shown && [
          'flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-s-4 border-presence-border bg-presence-surface px-3 py-2 text-sm text-presence-fg shadow-sm',
          view === 'unauthorized' ? 'border-s-presence-danger' : 'border-s-presence-away',
          className,
        ],
      )}
      {...rest}
    >
      {view === 'reconnecting' && (
        <span
          aria-hidden
          className="size-3.5 shrink-0 animate-spin rounded-full border-2 border-presence-muted border-e-transparent motion-reduce:animate-none"
        />
      )}
      <p role="status" data-slot="connection-banner-message" dir="auto" className={shown ? 'font-medium' : 'sr-only'}>
        {message}
      </p>
      {detail && (
        <span data-slot="connection-banner-countdown" dir="auto" className="text-presence-muted tabular-nums">
          {detail}
        </span>
      )}
      {canRetry && (
        <button
          type="button"
          data-slot="connection-banner-retry"
          onClick={retryNow}
          className="ms-auto rounded-md px-2 py-1 font-semibold text-presence-accent underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-presence-accent"
        >
          Retry now
        </button>
      )}
    </div>
  )
}
