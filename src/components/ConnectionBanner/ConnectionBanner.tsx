'use client'

import type { ComponentProps } from 'react'
import { useConnectionState } from '../../hooks/useConnectionState'
import { useFocusRescue } from '../use-focus-rescue'
import { usePresenceMessages } from '../../hooks/usePresenceMessages'
import { usePresenceSession } from '../../hooks/usePresenceSession'
import { cn } from '../../lib/cn'
import { bannerState, bannerText, pollSeconds } from './banner-state'
import { useSecondsUntil } from './use-seconds-until'

export interface ConnectionBannerProps extends Omit<ComponentProps<'div'>, 'children'> {
  /**
   * Shows nothing while presence arrives by polling: by default for a backend without a socket (where polling is
   * normal), not otherwise (polling then replaces a socket that cannot be had).
   * @default true without a socket, false with one
   */
  hideWhenPolling?: boolean
}

/**
 * A slim notice of the provider's connection, from `useConnectionState()`: nothing while live over the socket (nor
 * while signed out, nor during the first connection); "Reconnecting… next attempt in 8 s" with a live countdown and
 * "Retry now" after the socket dropped or was refused; "Live updates paused — refreshing every 10 s" while polling
 * instead (with "can't reach the server, trying again every 10 s" while the polls fail); "Signed out: presence paused" once the token is refused. The message sits in a `role="status"` region that
 * stays mounted, so each change is announced politely; the countdown beside it is not announced every second.
 * Hidden, the root is `display: contents` and its region visually hidden: no place in a grid or flex layout.
 * `className` applies while the banner shows. Needs `<UserStatusProvider>`.
 *
 * @example
 * <ConnectionBanner className="mb-4" />
 */
export function ConnectionBanner({ hideWhenPolling: hideWhenPollingProp, className, ...rest }: ConnectionBannerProps) {
  const { state, transport, nextRetryAt, hasSocket, pollIntervalMs, pollFailing, retryNow } = useConnectionState()
  const session = usePresenceSession()
  const hideWhenPolling = hideWhenPollingProp ?? !hasSocket
  const view = bannerState({ lifecycle: session.lifecycle, state, transport, authError: session.authError !== null }, { hideWhenPolling })
  const seconds = useSecondsUntil(view === 'reconnecting' ? nextRetryAt : null)
  const { messages, format } = usePresenceMessages()
  const { message, detail } = bannerText(view, { seconds, pollSeconds: pollSeconds(pollIntervalMs), pollFailing }, messages, format)
  const shown = view !== 'hidden'
  const canRetry = view === 'reconnecting' || view === 'polling'
  // "Retry now" goes once it reconnects: the focus goes back where it was before, not to <body>.
  const rescue = useFocusRescue(canRetry)

  return (
    <div
      data-slot="connection-banner"
      data-state={view}
      className={
        shown
          ? cn(
              'pk:flex pk:flex-wrap pk:items-center pk:gap-x-3 pk:gap-y-1 pk:rounded-md pk:border pk:border-s-4 pk:border-presence-border pk:bg-presence-surface pk:px-3 pk:py-2 pk:text-sm pk:text-presence-fg pk:shadow-sm',
              view === 'unauthorized' ? 'pk:border-s-presence-danger' : 'pk:border-s-presence-away',
              className,
            )
          : 'pk:contents'
      }
      {...rest}
    >
      {view === 'reconnecting' && (
        <span
          aria-hidden
          className="pk:size-3.5 pk:shrink-0 pk:animate-presence-spin pk:rounded-full pk:border-2 pk:border-presence-muted pk:border-e-transparent pk:motion-reduce:animate-none"
        />
      )}
      <p role="status" data-slot="connection-banner-message" dir="auto" className={shown ? 'pk:font-medium' : 'pk:sr-only'}>
        {message}
      </p>
      {detail && (
        <span data-slot="connection-banner-countdown" dir="auto" className="pk:text-presence-muted pk:tabular-nums">
          {detail}
        </span>
      )}
      {canRetry && (
        <button
          type="button"
          data-slot="connection-banner-retry"
          {...rescue}
          onClick={retryNow}
          className="pk:ms-auto pk:rounded-md pk:px-2 pk:py-1 pk:font-semibold pk:text-presence-accent pk:underline-offset-2 pk:hover:underline pk:focus-visible:outline-2 pk:focus-visible:outline-offset-2 pk:focus-visible:outline-presence-accent"
        >
          {messages.connectionBanner.retry}
        </button>
      )}
    </div>
  )
}
