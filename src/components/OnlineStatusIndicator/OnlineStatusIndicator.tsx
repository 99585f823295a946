'use client'

import type { ComponentProps } from 'react'
import { useLastSeen } from '../../hooks/useLastSeen'
import { useUserStatus } from '../../hooks/useUserStatus'
import type { PresenceStatus } from '../../index'
import { cn } from '../../lib/cn'

export type IndicatorSize = 'sm' | 'md' | 'lg'

export const STATUS_LABELS: Record<PresenceStatus, string> = {
  online: 'Online',
  away: 'Away',
  dnd: 'Do not disturb',
  offline: 'Offline',
  invisible: 'Invisible',
}

export interface OnlineStatusIndicatorProps extends Omit<ComponentProps<'span'>, 'children'> {
  /** The status to show. Leave it out and give `userId` to follow a user live. */
  status?: PresenceStatus
  /** Follows this user live from the provider's store (needs `<UserStatusProvider>`); `status` wins when both are given. */
  userId?: string | number
  /** Dot size: `sm` 8 px, `md` 12 px, `lg` 16 px. Default `md`. */
  size?: IndicatorSize
  /** Pins the dot to the bottom-right (bottom-left in RTL) of a `relative` parent, such as an avatar. Default `false`. */
  badge?: boolean
  /** A soft pulse around an online dot; never shown under `prefers-reduced-motion`. Default `false`. */
  pulse?: boolean
  /** The accessible name. Default: the status in words, e.g. "Do not disturb". */
  label?: string
}

const sizes: Record<IndicatorSize, string> = {
  sm: 'pk:size-(--pk-spacing-presence-dot-sm)',
  md: 'pk:size-(--pk-spacing-presence-dot-md)',
  lg: 'pk:size-(--pk-spacing-presence-dot-lg)',
}

// The hollow shapes' ring, thick enough to read at each size (CSS border widths take no percentages).
const rings: Record<IndicatorSize, string> = {
  sm: 'pk:border-2',
  md: 'pk:border-[2.5px]',
  lg: 'pk:border-[3px]',
}

// Each status has its own shape as well as its own colour, so that it never depends on colour alone.
const shapes: Record<PresenceStatus, string> = {
  online: 'pk:bg-presence-online',
  away: 'pk:bg-presence-away pk:after:absolute pk:after:inset-[20%] pk:after:rounded-full pk:after:bg-presence-surface pk:after:translate-x-[-30%] pk:after:translate-y-[-30%]',
  dnd: 'pk:bg-presence-dnd pk:after:absolute pk:after:inset-x-[20%] pk:after:top-1/2 pk:after:h-[22%] pk:after:-translate-y-1/2 pk:after:rounded-full pk:after:bg-presence-surface',
  offline: 'pk:bg-presence-surface pk:border-presence-offline',
  invisible: 'pk:bg-presence-surface pk:border-dashed pk:border-presence-invisible',
}

/**
 * A status dot with a shape per status and an accessible name, standalone or as an avatar badge; given a
 * `userId` inside `<UserStatusProvider>` it follows that user live ("Offline, last seen 5 minutes ago").
 *
 * @example
 * <OnlineStatusIndicator userId={2} size="lg" />
 *
 * <span className="relative inline-block">
 *   <img src={user.profileImage} alt="" className="size-10 rounded-full" />
 *   <OnlineStatusIndicator status="dnd" badge />
 * </span>
 */
export function OnlineStatusIndicator({ status, userId, ...rest }: OnlineStatusIndicatorProps) {
  if (status === undefined && userId !== undefined) return <LiveIndicator userId={userId} {...rest} />
  return <Dot status={status ?? 'offline'} {...rest} />
}

type DotProps = Omit<OnlineStatusIndicatorProps, 'userId' | 'status'> & { status: PresenceStatus }

function LiveIndicator({ userId, label, ...rest }: Omit<DotProps, 'status'> & { userId: string | number }) {
  const { status } = useUserStatus(userId)
  const lastSeen = useLastSeen(userId)
  return <Dot {...rest} status={status} label={label ?? statusLabel(status, lastSeen)} />
}

/** The words for a status: "Do not disturb", or "Offline, last seen 5 minutes ago" when that is known. */
export function statusLabel(status: PresenceStatus, lastSeen?: string | null): string {
  return status === 'offline' && lastSeen ? `${STATUS_LABELS.offline}, last seen ${lastSeen}` : STATUS_LABELS[status]
}

function Dot({ status, size = 'md', badge = false, pulse = false, label, className, ...rest }: DotProps) {
  return (
    <span
      role="img"
      aria-label={label ?? STATUS_LABELS[status]}
      title={label ?? STATUS_LABELS[status]}
      data-slot="status-indicator"
      data-status={status}
      data-size={size}
      className={cn(
        'pk:inline-block pk:shrink-0 pk:overflow-visible pk:rounded-full',
        sizes[size],
        shapes[status],
        (status === 'offline' || status === 'invisible') && rings[size],
        // Positioned either way: the shapes' ::after and the pulse are placed inside the dot.
        badge ? 'pk:absolute pk:bottom-0 pk:end-0 pk:ring-(length:--pk-spacing-presence-ring) pk:ring-presence-surface' : 'pk:relative',
        className,
      )}
      {...rest}
    >
      {pulse && status === 'online' && (
        <span
          aria-hidden
          className="pk:absolute pk:inset-0 pk:rounded-full pk:bg-presence-online pk:opacity-75 pk:animate-presence-ping pk:motion-reduce:hidden"
        />
      )}
    </span>
  )
}
