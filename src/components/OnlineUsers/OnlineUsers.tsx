'use client'

import { useEffect, useId, useRef, useState, type ComponentProps, type KeyboardEvent } from 'react'
import { useConnectionState } from '../../hooks/useConnectionState'
import { useOnlineUsers } from '../../hooks/useOnlineUsers'
import { usePresenceMessages } from '../../hooks/usePresenceMessages'
import { usePresenceSession } from '../../hooks/usePresenceSession'
import { useServerClock } from '../../hooks/useServerClock'
import type { Presence } from '../../index'
import { cn } from '../../lib/cn'
import { pollSeconds } from '../ConnectionBanner/banner-state'
import { useFocusRescue } from '../use-focus-rescue'
import { useOwnRef } from '../use-own-ref'
import { UserTile } from './UserTile'

/**
 * What the card shows (its `data-state`): `unavailable` when the backend gives this user no list (a non-admin on an
 * admin-only list: "…with your account"; a backend without any, or a 404: "This server does not offer a list of who
 * is online."); `signed-out` when the provider has no token ("Sign in to see who is
 * online.", not "Nobody else is online").
 */
export type OnlineUsersState = 'loading' | 'error' | 'empty' | 'ready' | 'unavailable' | 'signed-out'

export interface OnlineUsersProps extends Omit<ComponentProps<'section'>, 'title' | 'children'> {
  /** At most this many users; the rest behind a "+N more" button that expands the grid. Default 10. */
  maxUsers?: number
  /** The heading; unset, the messages catalogue's, in the provider's language. @default Who's Online? */
  title?: string
  /** Called with the user whose tile was clicked. @default none */
  onUserClick?: (user: Presence) => void
  /** `friends` shows the signed-in user's friends only. Default `all`. */
  filter?: 'all' | 'friends'
  /** Lists the signed-in user too. Default `false`. */
  includeSelf?: boolean
  /** "Active 2 minutes ago" in each tooltip. Default `true`. */
  showLastSeen?: boolean
  /** The grid scrolls past this height (a number is px, a string any CSS length; `'none'` never scrolls). Default `480`. */
  maxHeight?: number | string
}

/**
 * How long the card waits for the signed-in user's id (`/api/users/me/`) once the list is there, before showing the
 * list without knowing whom to leave out: a backend whose `/api/users/me/` fails would otherwise keep it loading.
 */
export const SELF_WAIT_MS = 3_000

const DEFAULT_MAX_USERS = 10
const DEFAULT_MAX_HEIGHT = 480

const SKELETONS = 6
const NO_USERS = { users: [], total: 0 }

/**
 * The "Who's Online?" card: a red → blue gradient with gold names, a grid of avatars with status badges
 * (2 columns when narrow, 3, then 4–5 when wide, by the card's own width), live from `<UserStatusProvider>`.
 * Past `maxHeight` the grid scrolls; "+N more" is a button that expands it (Escape folds it back). Each tile's
 * tooltip (hover or keyboard focus; Escape hides it) is drawn over the card (in the top layer, a popover; in a portal
 * where the browser has no popover API), below the title and inside the viewport. Without `includeSelf` the card stays loading until it knows who is signed in (at most
 * {@link SELF_WAIT_MS} after the list), so the signed-in user never flashes in the list or the count.
 *
 * @example
 * <OnlineUsers maxUsers={8} title="Who's Online?" onUserClick={(user) => openChat(user.id)} />
 */
export function OnlineUsers({
  maxUsers = DEFAULT_MAX_USERS,
  title: titleProp,
  onUserClick,
  filter = 'all',
  includeSelf = false,
  showLastSeen = true,
  maxHeight = DEFAULT_MAX_HEIGHT,
  className,
  ref: appRef,
  ...rest
}: OnlineUsersProps) {
  const [root, ref] = useOwnRef(appRef)
  const titleId = useId()
  const { messages, format } = usePresenceMessages()
  const words = messages.onlineUsers
  const title = titleProp ?? words.title
  const gridId = useId()
  const headerRef = useRef<HTMLElement>(null)
  const toggleRef = useRef<HTMLButtonElement>(null)
  const gridRef = useRef<HTMLUListElement>(null)
  const [expanded, setExpanded] = useState(false)
  // NaN (a prop read from a query string, say) is the default, not "no tiles".
  const limit = Number.isNaN(maxUsers) ? DEFAULT_MAX_USERS : Math.max(0, Math.floor(maxUsers))
  const { data, isPending: listPending, isUnavailable, unavailableReason, error } = useOnlineUsers({ filter, includeSelf, limit: expanded ? undefined : limit })
  const { users, total } = data ?? NO_USERS
  const { state: connection, transport, hasSocket, pollIntervalMs, pollFailing, retryNow } = useConnectionState()
  const { offset } = useServerClock()
  // Signed out: no session runs, none is expected (a token given in this render is loading, not signed out) and the
  // store is empty (signing out clears it; what a store holds anyway is shown).
  const { lifecycle, userId: self, authError } = usePresenceSession()
  // No flash of self: the socket's first list includes the caller, who is known only once `/api/users/me/` answers
  // (or at once, from the provider's `userId`). Until then the card cannot leave them out, so it keeps loading.
  const selfUnknown = !includeSelf && lifecycle === 'running' && self === null && authError == null
  const [selfWaitOver, setSelfWaitOver] = useState(false)
  const waitingForSelf = selfUnknown && !listPending && !selfWaitOver
  useEffect(() => {
    if (!waitingForSelf) return
    const timer = setTimeout(() => setSelfWaitOver(true), SELF_WAIT_MS)
    return () => clearTimeout(timer)
  }, [waitingForSelf])
  const isLoading = listPending || waitingForSelf
  const signedOut = lifecycle === 'stopped' && !isLoading && total === 0
  const state: OnlineUsersState = signedOut
    ? 'signed-out'
    : isUnavailable
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
  const reconnecting = !signedOut && !isLoading && !isUnavailable && hasSocket && (connection === 'reconnecting' || transport === 'polling')
  // "Try again" goes with the error it retried: its focus moves to the first user (or the card) that replaces it.
  const rescue = useFocusRescue(state, () => root.current?.querySelector<HTMLElement>('[data-slot="online-user"]') ?? root.current)
  const more = total - users.length
  const expandable = total > limit
  const collapse = () => {
    setExpanded(false)
    toggleRef.current?.focus()
  }
  const onGridKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !expanded) return
    event.stopPropagation()
    collapse()
  }
  // Expanding moves the focus to the first user it revealed; collapsing keeps it on the toggle.
  const revealFrom = useRef<number | null>(null)
  useEffect(() => {
    const index = revealFrom.current
    if (index === null || !expanded) return
    revealFrom.current = null
    gridRef.current?.querySelectorAll<HTMLElement>('[data-slot="online-user"]')[index]?.focus()
  }, [expanded, users])

  return (
    <section
      ref={ref}
      aria-labelledby={titleId}
      aria-busy={state === 'loading' || undefined}
      data-slot="online-users"
      data-state={state}
      className={cn(
        'pk:@container pk:relative pk:isolate pk:overflow-hidden pk:rounded-(--pk-radius-presence-card) pk:bg-linear-to-br pk:from-presence-card-from pk:to-presence-card-to pk:p-5 pk:text-presence-gold pk:shadow-xl pk:[--pk-color-presence-surface:#1e1b4b]',
        className,
      )}
      {...rest}
    >
      <div
        aria-hidden
        className="pk:pointer-events-none pk:absolute pk:inset-0 pk:-z-10 pk:bg-[radial-gradient(120%_90%_at_25%_15%,transparent_35%,rgb(0_0_0/0.28))]"
      />
      <header ref={headerRef} className="pk:mb-4 pk:flex pk:items-baseline pk:justify-between pk:gap-3">
        {/* dir="auto": the title and the count are text of their own ("Who's Online?", not "?Who's Online", in a
            right-to-left page); a translated title takes its own direction. */}
        <h2 id={titleId} dir="auto" className="pk:truncate pk:text-xl pk:font-bold pk:tracking-tight">
          {title}
        </h2>
        {state === 'ready' && (
          <span data-slot="online-count" dir="auto" className="pk:shrink-0 pk:text-sm pk:font-medium">
            {words.count(total, format)}
          </span>
        )}
      </header>

      {reconnecting && (
        <p role="status" data-slot="online-users-reconnecting" className="pk:mb-3 pk:rounded-md pk:bg-black/40 pk:px-3 pk:py-1.5 pk:text-sm">
          {/* The banner's words at the same moment: the interval itself, and no "refreshing" while the polls fail. */}
          {transport === 'polling' ? (pollFailing ? words.pollFailing : words.polling)(pollSeconds(pollIntervalMs), format) : words.reconnecting}
        </p>
      )}

      {state === 'loading' && (
        <>
          <p role="status" className="pk:sr-only">
            {words.loading}
          </p>
          <ul aria-hidden className="pk:grid pk:grid-cols-2 pk:gap-4 pk:@md:grid-cols-3 pk:@3xl:grid-cols-4 pk:@5xl:grid-cols-5">
            {Array.from({ length: Math.min(SKELETONS, Math.max(limit, 1)) }, (_, i) => (
              <li key={i} className="pk:flex pk:flex-col pk:items-center pk:gap-2 pk:p-2">
                <span className="pk:size-14 pk:animate-presence-pulse pk:rounded-full pk:bg-white/20 pk:motion-reduce:animate-none" />
                <span className="pk:h-3 pk:w-16 pk:animate-presence-pulse pk:rounded pk:bg-white/20 pk:motion-reduce:animate-none" />
              </li>
            ))}
          </ul>
        </>
      )}

      {state === 'error' && (
        <div role="alert" className="pk:flex pk:flex-col pk:items-start pk:gap-3">
          <p className="pk:my-[1em]">{words.error}</p>
          <button
            type="button"
            {...rescue}
            onClick={retryNow}
            className="pk:rounded-md pk:bg-presence-gold pk:px-3 pk:py-1.5 pk:text-sm pk:font-semibold pk:text-gray-950 pk:hover:bg-presence-gold-hover pk:focus-visible:outline-2 pk:focus-visible:outline-offset-2 pk:focus-visible:outline-presence-gold"
          >
            {words.retry}
          </button>
        </div>
      )}

      {state === 'unavailable' && (
        <p data-slot="online-users-unavailable" className="pk:my-[1em]">
          {filter === 'friends' ? words.unavailableFriends : unavailableReason === 'missing' ? words.notOffered : words.unavailable}
        </p>
      )}

      {state === 'signed-out' && <p data-slot="online-users-signed-out" className="pk:my-[1em]">{words.signedOut}</p>}

      {state === 'empty' && (
        <p data-slot="online-users-empty" className="pk:my-[1em]">{filter === 'friends' ? words.emptyFriends : words.empty}</p>
      )}

      {state === 'ready' && (
        <div
          data-slot="online-users-scroll"
          style={{ maxHeight: typeof maxHeight !== 'number' ? maxHeight : Number.isNaN(maxHeight) ? `${DEFAULT_MAX_HEIGHT}px` : `${maxHeight}px` }}
          // Room for the tiles' focus rings and hover scale inside the scroller, which clips them otherwise.
          className="pk:-m-2 pk:overflow-y-auto pk:overscroll-contain pk:p-2"
        >
          <ul
            ref={gridRef}
            id={gridId}
            aria-label={words.users}
            onKeyDown={onGridKeyDown}
            className="pk:grid pk:grid-cols-2 pk:gap-4 pk:@md:grid-cols-3 pk:@3xl:grid-cols-4 pk:@5xl:grid-cols-5"
          >
            {users.map((user) => (
              <UserTile
                key={user.id}
                user={user}
                serverOffset={offset}
                showLastSeen={showLastSeen}
                onUserClick={onUserClick}
                avoidRef={headerRef}
                isSelf={includeSelf && user.id === self}
              />
            ))}
            {expandable && (
              <li className="pk:flex pk:min-w-0 pk:justify-center">
                <button
                  ref={toggleRef}
                  type="button"
                  data-slot="online-users-more"
                  aria-expanded={expanded}
                  aria-controls={gridId}
                  // Collapsed, the circle's "+3" is the visible text and part of this name (label in name).
                  aria-label={expanded ? undefined : words.moreLabel(more, format)}
                  onClick={() => {
                    if (expanded) return collapse()
                    revealFrom.current = users.length
                    setExpanded(true)
                  }}
                  className="pk:group pk:flex pk:w-full pk:min-w-0 pk:cursor-pointer pk:flex-col pk:items-center pk:gap-2 pk:rounded-xl pk:p-2 pk:text-sm pk:font-semibold pk:focus-visible:outline-2 pk:focus-visible:outline-offset-2 pk:focus-visible:outline-presence-gold"
                >
                  <span
                    aria-hidden
                    className="pk:flex pk:size-14 pk:items-center pk:justify-center pk:rounded-full pk:border-2 pk:border-dashed pk:border-presence-gold pk:group-hover:border-presence-gold-hover"
                  >
                    {expanded ? '−' : words.more(more, format)}
                  </span>
                  {expanded && <span className="pk:max-w-full pk:truncate pk:group-hover:text-presence-gold-hover">{words.showFewer}</span>}
                </button>
              </li>
            )}
          </ul>
        </div>
      )}
    </section>
  )
}
