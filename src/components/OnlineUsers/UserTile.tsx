'use client'

import { memo, useCallback, useId, useRef, useState, type RefObject } from 'react'
import { formatLastSeen } from '../../hooks/useLastSeen'
import { usePresenceMessages } from '../../hooks/usePresenceMessages'
import type { Presence } from '../../index'
import { Avatar } from '../Avatar'
import { OnlineStatusIndicator, presenceVariant, statusLabel } from '../OnlineStatusIndicator'
import { formatUntil } from '../StatusPicker/expiry'
import { shownUser } from '../shown-user'
import { TileTooltip } from './TileTooltip'

export interface UserTileProps {
  user: Presence
  /** Server clock minus local clock, in ms. */
  serverOffset: number
  showLastSeen: boolean
  onUserClick?: (user: Presence) => void
  /** The card's header: tooltips stay below it. */
  avoidRef: RefObject<HTMLElement | null>
  /** The signed-in user's own tile (shown with `includeSelf`): marked "You". */
  isSelf?: boolean
}

// An environment without :focus-visible (an old DOM implementation) throws on it: focus counts as visible there.
function focusVisible(element: Element): boolean {
  try {
    return element.matches(':focus-visible')
  } catch {
    return true
  }
}

/** One user of the OnlineUsers card: a button with the avatar, the name, and a tooltip with the details. */
export const UserTile = memo(function UserTile({ user: given, serverOffset, showLastSeen, onUserClick, avoidRef, isSelf = false }: UserTileProps) {
  const tipId = useId()
  const buttonRef = useRef<HTMLButtonElement>(null)
  const [hovered, setHovered] = useState(false)
  const [focused, setFocused] = useState(false)
  // Escape hides the tooltip until the pointer leaves or the focus moves (WCAG 1.4.13: dismissible).
  const [dismissed, setDismissed] = useState(false)
  const open = (hovered || focused) && !dismissed
  const dismiss = useCallback(() => setDismissed(true), [])
  const { messages, locale } = usePresenceMessages()
  // Data that skipped the client's readers (an app's own store writes): a blank name is no name, a status the kit
  // does not know is offline.
  const user = shownUser(given)
  const name = user.username ?? messages.userName(user.id)
  const variant = presenceVariant(user)
  const status = statusLabel(user.status, null, variant, messages.status)
  const now = Date.now() + serverOffset
  const until = user.statusMessage && user.statusExpiresAt != null ? formatUntil(user.statusExpiresAt, now, locale, serverOffset, messages.statusLine.until) : ''
  const active = showLastSeen && user.lastSeen !== null ? messages.onlineUsers.active(formatLastSeen(user.lastSeen, now, locale)) : null
  const details = (
    <>
      <span dir="auto" className="pk:font-semibold pk:text-match-parent">
        {name}
      </span>
      <span>{status}</span>
      {user.statusMessage && (
        <span dir="auto" className="pk:italic pk:text-match-parent">
          {messages.statusLine.quote(user.statusMessage)}
        </span>
      )}
      {until && <span data-slot="online-user-until">{until}</span>}
      {active && <span className="pk:text-gray-300">{active}</span>}
    </>
  )
  return (
    <li className="pk:relative pk:flex pk:min-w-0 pk:flex-col pk:items-center">
      <button
        ref={buttonRef}
        type="button"
        data-slot="online-user"
        data-status={user.status}
        data-self={isSelf || undefined}
        aria-describedby={tipId}
        onClick={() => onUserClick?.(given)}
        onKeyDown={(event) => {
          // Escape closes an open tooltip and goes no further (a card that is expanded stays so); a second one does.
          if (event.key !== 'Escape' || !open) return
          event.stopPropagation()
          setDismissed(true)
        }}
        // Keyboard focus shows the tooltip; a click's focus does not (the pointer's hover already does).
        onFocus={(event) => setFocused(focusVisible(event.currentTarget))}
        onBlur={() => {
          setFocused(false)
          setDismissed(false)
        }}
        onMouseEnter={() => setHovered(true)}
        onMouseLeave={() => {
          setHovered(false)
          setDismissed(false)
        }}
        data-tooltip={open ? 'open' : dismissed ? 'dismissed' : 'closed'}
        className="pk:group pk:relative pk:flex pk:w-full pk:min-w-0 pk:cursor-pointer pk:flex-col pk:items-center pk:gap-2 pk:rounded-xl pk:p-2 pk:transition-transform pk:duration-150 pk:hover:scale-105 pk:focus-visible:scale-105 pk:focus-visible:outline-2 pk:focus-visible:outline-offset-2 pk:focus-visible:outline-presence-gold pk:motion-reduce:transition-none pk:motion-reduce:hover:scale-100 pk:motion-reduce:focus-visible:scale-100"
      >
        <Avatar
          src={user.profileImage}
          name={name}
          alt=""
          size="lg"
          className="pk:[&>[data-slot=avatar-image]]:ring-2 pk:[&>[data-slot=avatar-image]]:ring-presence-gold pk:group-hover:[&>[data-slot=avatar-image]]:ring-presence-gold-hover"
          indicator={<OnlineStatusIndicator status={user.status} {...variant} badge aria-hidden />}
        />
        {/* The name comes from this text, not from aria-label: a tile without a picture draws the initials, which axe
            counts as the button's visible text ("BO bob"), so an aria-label "bob, Online" would fail
            label-content-name-mismatch (WCAG 2.5.3). The catalogue's sentence, hidden visually, is the name; the
            visible name (its first words) is hidden from assistive tech, as the sentence says it already. */}
        <span aria-hidden dir="auto" className="pk:max-w-full pk:truncate pk:text-sm pk:font-medium pk:text-presence-gold pk:group-hover:text-presence-gold-hover">
          {name}
        </span>
        <span data-slot="online-user-name" className="pk:sr-only">
          {isSelf ? messages.onlineUsers.selfTile(name, status) : messages.onlineUsers.tile(name, status)}
        </span>
      </button>
      {/* Outside the button, so that the button's visible text is the name its accessible name starts with
          ("john_doe, Online, You"; axe: label-content-name-mismatch); aria-hidden, as the name says it already. */}
      {isSelf && (
        <span data-slot="online-user-you" aria-hidden className="pk:-mt-2 pk:rounded-full pk:bg-black/40 pk:px-2 pk:text-xs pk:font-semibold pk:text-presence-gold">
          {messages.onlineUsers.you}
        </span>
      )}
      {open ? (
        <TileTooltip id={tipId} anchorRef={buttonRef} avoidRef={avoidRef} onDismiss={dismiss}>
          {details}
        </TileTooltip>
      ) : (
        // Closed, the details stay in the tile (hidden): they are the button's description all the same.
        <span id={tipId} hidden>
          {details}
        </span>
      )}
    </li>
  )
})
