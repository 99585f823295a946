'use client'

import { memo, useId, useState } from 'react'
import { formatLastSeen } from '../../hooks/useLastSeen'
import type { Presence } from '../../index'
import { Avatar } from '../Avatar'
import { OnlineStatusIndicator, statusLabel } from '../OnlineStatusIndicator'

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
  const name = user.username ?? `User ${user.id}`
  const status = statusLabel(user.status)
  const active = showLastSeen && user.lastSeen !== null ? `Active ${formatLastSeen(user.lastSeen, Date.now() + serverOffset)}` : null
  return (
    <li className="relative flex min-w-0 justify-center">
      <button
        type="button"
        data-slot="online-user"
        data-status={user.status}
        aria-label={`${name}, ${status}`}
        aria-describedby={tipId}
        onClick={() => onUserClick?.(user)}
        onKeyDown={(event) => event.key === 'Escape' && setDismissed(true)}
        onBlur={() => setDismissed(false)}
        onMouseLeave={() => setDismissed(false)}
        data-tooltip={dismissed ? 'dismissed' : undefined}
        className="group peer relative flex w-full min-w-0 cursor-pointer flex-col items-center gap-2 rounded-xl p-2 transition-transform duration-150 hover:scale-105 focus-visible:scale-105 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-presence-gold motion-reduce:transition-none motion-reduce:hover:scale-100 motion-reduce:focus-visible:scale-100"
      >
        <Avatar
          src={user.profileImage}
          name={name}
          alt=""
          size="lg"
          className="[&>[data-slot=avatar-image]]:ring-2 [&>[data-slot=avatar-image]]:ring-presence-gold group-hover:[&>[data-slot=avatar-image]]:ring-presence-gold-hover"
          indicator={<OnlineStatusIndicator status={user.status} badge aria-hidden />}
        />
        <span className="max-w-full truncate text-sm font-medium text-presence-gold group-hover:text-presence-gold-hover">
          {name}
        </span>
      </button>
      <span
        role="tooltip"
        id={tipId}
        className="pointer-events-none absolute bottom-full left-1/2 z-20 mb-1 hidden w-max max-w-56 -translate-x-1/2 flex-col rounded-md bg-gray-950 px-3 py-2 text-start text-xs leading-snug text-white shadow-lg peer-hover:flex peer-focus-visible:flex peer-data-[tooltip=dismissed]:hidden"
      >
        <span className="font-semibold">{name}</span>
        <span>{status}</span>
        {user.statusMessage && <span className="italic">“{user.statusMessage}”</span>}
        {active && <span className="text-gray-300">{active}</span>}
      </span>
    </li>
  )
})
