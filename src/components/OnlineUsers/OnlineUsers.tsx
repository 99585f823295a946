'use client'

import { useId, type ComponentPropsWithoutRef } from 'react'
import { useStore } from 'zustand'
import type { Presence } from '../../client'
import { useConnectionState } from '../../hooks/useConnectionState'
import { useOnlineUsers } from '../../hooks/useOnlineUsers'
import { usePresenceRuntime } from '../../hooks/usePresenceRuntime'
import { cn } from '../../lib/cn'
import { UserTile } from './UserTile'

/**
 * What the card shows (its `data-state`): `unavailable` when the backend gives this user no list (a non-admin on an
 * admin-only list, or a backend without any).
 */
export type OnlineUsersState = 'loading' | 'error' | 'empty' | 'ready' | 'unavailable'

export interface OnlineUsersProps extends Omit<ComponentPropsWithoutRef<'section'>, 'title' | 'children'> {
  /** At most this many users; the rest become a "+N more" tile. Default 10. */
  maxUsers?: number
  /** The heading. Default "Who's Online?". */
  title?: string
  /** Called with the user whose tile was clicked. Default none. */
  onUserClick?: (user: Presence) => void
  /** `friends` shows the signed-in user's friends only. Default `all`. */
  filter?: 'all' | 'friends'
  /** Lists the signed-in user too. Default `false`. */
  includeSelf?: boolean
  /** "Active 2 minutes ago" in each tooltip. Default `true`. */
  showLastSeen?: boolean
}

const SKELETONS = 6

/**
 * Seed 001's "Who's Online?" card: a red → blue gradient with gold names, a grid of avatars with status badges
 * (2 columns when narrow, 3, then 4–5 when wide, by the card's own width), live from `<UserStatusProvider>`.
 *
 * @example
 * <OnlineUsers maxUsers={8} title="Who's Online?" onUserClick={(user) => openChat(user.id)} />
 */
export function OnlineUsers({
  maxUsers = 10,
  title = "Who's Online?",
  onUserClick,
  filter = 'all',
  includeSelf = false,
  showLastSeen = true,
  className,
  ...rest
}: OnlineUsersProps) {
  const titleId = useId()
  const limit = Math.max(0, Math.floor(maxUsers))
  const { users, total, isLoading, isUnavailable, error } = useOnlineUsers({ filter, includeSelf, limit })
  const { state: connection, transport, retryNow } = useConnectionState()
  const runtime = usePresenceRuntime()
  const offset = useStore(runtime.store, (s) => s.connection.serverOffset)
  const state: OnlineUsersState = isUnavailable
    ? 'unavailable'
    : isLoading
      ? error
        ? 'error'
        : 'loading'
      : users.length === 0 && error
        ? 'error'
        : total === 0
          ? 'empty'
          : 'ready'
  // Polling is news only where it replaces a socket; a backend without one always polls.
  const hasSocket = runtime.backend.endpoints.socket !== null
  const reconnecting = !isLoading && !isUnavailable && hasSocket && (connection === 'reconnecting' || transport === 'polling')
  const more = total - users.length

  return (
    <section
      aria-labelledby={titleId}
      aria-busy={state === 'loading' || undefined}
      data-slot="online-users"
      data-state={state}
      className={cn(
        '@container relative isolate overflow-hidden rounded-(--radius-presence-card) bg-linear-to-br from-presence-card-from to-presence-card-to p-5 text-presence-gold shadow-xl [--color-presence-surface:#1e1b4b]',
        className,
      )}
      {...rest}
    >
      <div
        aria-hidden
        className="pointer-events-none absolute inset-0 -z-10 bg-[radial-gradient(120%_90%_at_25%_15%,transparent_35%,rgb(0_0_0/0.28))]"
      />
      <header className="mb-4 flex items-baseline justify-between gap-3">
        <h2 id={titleId} className="truncate text-xl font-bold tracking-tight">
          {title}
        </h2>
        {state === 'ready' && (
          <span data-slot="online-count" className="shrink-0 text-sm font-medium">
            {total} online
          </span>
        )}
      </header>

      {reconnecting && (
        <p role="status" data-slot="online-users-reconnecting" className="mb-3 rounded-md bg-black/40 px-3 py-1.5 text-sm">
          {transport === 'polling' ? 'Live updates paused — refreshing every few seconds…' : 'Reconnecting…'}
        </p>
      )}

      {state === 'loading' && (
        <>
          <p role="status" className="sr-only">
            Loading who is online…
          </p>
          <ul aria-hidden className="grid grid-cols-2 gap-4 @md:grid-cols-3 @3xl:grid-cols-4 @5xl:grid-cols-5">
            {Array.from({ length: Math.min(SKELETONS, Math.max(limit, 1)) }, (_, i) => (
              <li key={i} className="flex flex-col items-center gap-2 p-2">
                <span className="size-14 animate-pulse rounded-full bg-white/20 motion-reduce:animate-none" />
                <span className="h-3 w-16 animate-pulse rounded bg-white/20 motion-reduce:animate-none" />
              </li>
            ))}
          </ul>
        </>
      )}

      {state === 'error' && (
        <div role="alert" className="flex flex-col items-start gap-3">
          <p>Couldn't load who is online.</p>
          <button
            type="button"
            onClick={retryNow}
            className="rounded-md bg-presence-gold px-3 py-1.5 text-sm font-semibold text-gray-950 hover:bg-presence-gold-hover focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-presence-gold"
          >
            Try again
          </button>
        </div>
      )}

      {state === 'unavailable' && (
        <p data-slot="online-users-unavailable">
          {filter === 'friends' ? 'This server does not share which of your friends are online.' : 'This server does not share who is online with your account.'}
        </p>
      )}

      {state === 'empty' && (
        <p data-slot="online-users-empty">{filter === 'friends' ? 'None of your friends is online right now.' : 'Nobody else is online right now.'}</p>
      )}

      {state === 'ready' && (
        <ul className="grid grid-cols-2 gap-4 @md:grid-cols-3 @3xl:grid-cols-4 @5xl:grid-cols-5">
          {users.map((user) => (
            <UserTile key={user.id} user={user} serverOffset={offset} showLastSeen={showLastSeen} onUserClick={onUserClick} />
          ))}
          {more > 0 && (
            <li className="flex items-center justify-center">
              <span
                data-slot="online-users-more"
                className="flex size-14 items-center justify-center rounded-full border-2 border-dashed border-presence-gold text-sm font-semibold"
                aria-label={`${more} more online`}
                role="img"
              >
                +{more}
              </span>
            </li>
          )}
        </ul>
      )}
    </section>
  )
}
