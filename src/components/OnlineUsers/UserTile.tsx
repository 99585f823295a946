'use client'

import { memo, useId, useState } from 'react'
import { formatLastSeen } from '../../hooks/useLastSeen'
import { usePresenceMessages } from '../../hooks/usePresenceMessages'
import type { Presence } from '../../index'
import { Avatar } from '../Avatar'
import { OnlineStatusIndicator, presenceVariant, statusLabel } from '../OnlineStatusIndicator'
import { formatUntil } from '../StatusPicker/expiry'

export interface UserTileProps {
  user: Presence
  /** Server clock minus local clock, in ms. */
  serverOffset: number
  showLastSeen: boolean
  onUserClick?: (user: Presence) => void
}

/** One user of the OnlineUsers card: a button with the avatar, the name, and a tooltip with the details. */
export const UserTile = memo(function UserTile({ user, serverOffset, showLastSeen, onUserClick }: UserTileProps) {
  const tipId = useId()
  const [dismissed, setDismissed] = useState(false)
  const { messages, locale } = usePresenceMessages()
  const name = user.username ?? messages.userName(user.id)
  const variant = presenceVariant(user)
  const status = statusLabel(user.status, null, variant, messages.status)
  const now = Date.now() + serverOffset
  const until = user.statusMessage && user.statusExpiresAt != null ? formatUntil(user.statusExpiresAt, now, locale, serverOffset, messages.statusLine.until) : ''
  const active = showLastSeen && user.lastSeen !== null ? messages.onlineUsers.active(formatLastSeen(user.lastSeen, now, locale)) : null
  return (
    <li className="pk:relative pk:flex pk:min-w-0 pk:justify-center">
      <button
        type="button"
        data-slot="online-user"
        data-status={user.status}
        aria-label={messages.onlineUsers.tile(name, status)}
        aria-describedby={tipId}
        onClick={() => onUserClick?.(user)}
        onKeyDown={(event) => event.key === 'Escape' && setDismissed(true)}
        onBlur={() => setDismissed(false)}
        onMouseLeave={() => setDismissed(false)}
        data-tooltip={dismissed ? 'dismissed' : undefined}
        className="pk:group pk:peer pk:relative pk:flex pk:w-full pk:min-w-0 pk:cursor-pointer pk:flex-col pk:items-center pk:gap-2 pk:rounded-xl pk:p-2 pk:transition-transform pk:duration-150 pk:hover:scale-105 pk:focus-visible:scale-105 pk:focus-visible:outline-2 pk:focus-visible:outline-offset-2 pk:focus-visible:outline-presence-gold pk:motion-reduce:transition-none pk:motion-reduce:hover:scale-100 pk:motion-reduce:focus-visible:scale-100"
      >
        <Avatar
          src={user.profileImage}
          name={name}
          alt=""
          size="lg"
          className="pk:[&>[data-slot=avatar-image]]:ring-2 pk:[&>[data-slot=avatar-image]]:ring-presence-gold pk:group-hover:[&>[data-slot=avatar-image]]:ring-presence-gold-hover"
          indicator={<OnlineStatusIndicator status={user.status} {...variant} badge aria-hidden />}
        />
        <span dir="auto" className="pk:max-w-full pk:truncate pk:text-sm pk:font-medium pk:text-presence-gold pk:group-hover:text-presence-gold-hover">
          {name}
        </span>
      </button>
      <span
        role="tooltip"
        id={tipId}
        className="pk:pointer-events-none pk:absolute pk:bottom-full pk:left-1/2 pk:z-20 pk:mb-1 pk:hidden pk:w-max pk:max-w-56 pk:-translate-x-1/2 pk:flex-col pk:rounded-md pk:bg-gray-950 pk:px-3 pk:py-2 pk:text-start pk:text-xs pk:leading-snug pk:text-white pk:shadow-lg pk:peer-hover:flex pk:peer-focus-visible:flex pk:peer-data-[tooltip=dismissed]:hidden"
      >
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
      </span>
    </li>
  )
})
