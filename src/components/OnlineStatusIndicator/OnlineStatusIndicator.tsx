'use client'

import type { ComponentProps } from 'react'
import { useStatusMessages } from '../../hooks/usePresenceMessages'
import { useRelativeTime } from '../../hooks/useRelativeTime'
import { enStatus } from '../../i18n'
import { useUserStatus } from '../../hooks/useUserStatus'
import type { Messages, Presence, PresenceStatus } from '../../index'
import { cn } from '../../lib/cn'

export type IndicatorSize = 'sm' | 'md' | 'lg'

/** The English status labels, by status (the words come from the messages catalogue). */
export const STATUS_LABELS: Record<PresenceStatus, string> = {
  online: enStatus.online,
  away: enStatus.away,
  dnd: enStatus.dnd,
  offline: enStatus.offline,
  invisible: enStatus.invisible,
}

export interface OnlineStatusIndicatorProps extends Omit<ComponentProps<'span'>, 'children'> {
  /** The status to show. Leave it out and give `userId` to follow a user live. @default none */
  status?: PresenceStatus
  /** Follows this user live from the provider's store (needs `<UserStatusProvider>`); `status` wins when both are given. @default none */
  userId?: string | number
  /** Dot size: `sm` 8 px, `md` 12 px, `lg` 16 px. @default md */
  size?: IndicatorSize
  /** Pins the dot to the bottom-right (bottom-left in RTL) of a `relative` parent, such as an avatar. @default false */
  badge?: boolean
  /** A soft pulse around an online dot; never shown under `prefers-reduced-motion`. @default false */
  pulse?: boolean
  /** The accessible name: the status in words unless given, e.g. "Do not disturb", "Away (idle)", "Online, on mobile". @default the status in words */
  label?: string
  /** An `away` that the user did not choose: they left the keyboard (contract 6.1); live, from the store. @default false */
  idle?: boolean
  /** The user is connected from a phone only: a phone-shaped mark instead of the dot (contract 6.2); live, from the store. @default false */
  mobile?: boolean
}

/**
 * What the indicator shows beyond the status for a record: auto-away, and mobile only (every device a phone).
 *
 * @example
 * presenceVariant({ ...jane, status: 'away', idle: true, devices: ['mobile'] }) // { idle: true, mobile: true }
 */
export function presenceVariant(user: Pick<Presence, 'status' | 'idle' | 'devices'> | null | undefined): { idle: boolean; mobile: boolean } {
  if (!user || user.status === 'offline') return { idle: false, mobile: false }
  const devices = user.devices ?? []
  return { idle: user.status === 'away' && user.idle === true, mobile: devices.length > 0 && devices.every((kind) => kind === 'mobile') }
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
// A phone: an upright rounded rectangle in place of the circle (Discord's mobile mark), the status marks inside it.
const phone: Record<IndicatorSize, string> = {
  sm: 'pk:h-(--pk-spacing-presence-dot-md) pk:w-(--pk-spacing-presence-dot-sm) pk:rounded-[2px]',
  md: 'pk:h-(--pk-spacing-presence-dot-lg) pk:w-(--pk-spacing-presence-dot-md) pk:rounded-[3px]',
  lg: 'pk:h-[calc(var(--pk-spacing-presence-dot-lg)*1.4)] pk:w-(--pk-spacing-presence-dot-lg) pk:rounded-[4px]',
}

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

function LiveIndicator({ userId, label, idle, mobile, ...rest }: Omit<DotProps, 'status'> & { userId: string | number }) {
  const { status, user } = useUserStatus(userId)
  // The record useUserStatus already reads (useLastSeen would subscribe to it again, and weigh on every bundle).
  const lastSeen = useRelativeTime(user && !user.isOnline ? user.lastSeen : null)
  const words = useStatusMessages()
  const variant = presenceVariant(user)
  const shown = { idle: idle ?? variant.idle, mobile: mobile ?? variant.mobile }
  return <Dot {...rest} {...shown} status={status} label={label ?? statusLabel(status, lastSeen, shown, words)} />
}

/**
 * The words for a status: "Do not disturb", "Away (idle)" for an auto-away, ", on mobile" for a phone-only user,
 * or "Offline, last seen 5 minutes ago" when that is known (a hidden last seen adds nothing); in `messages`'
 * language (`messages.status`, default English).
 */
export function statusLabel(
  status: PresenceStatus,
  lastSeen?: string | null,
  variant: { idle?: boolean; mobile?: boolean } = {},
  words: Messages['status'] = enStatus,
): string {
  if (status === 'offline') return lastSeen ? words.offlineLastSeen(lastSeen) : words.offline
  const label = status === 'away' && variant.idle ? words.idle(words.away) : words[status]
  return variant.mobile ? words.mobile(label) : label
}

function Dot({ status, size = 'md', badge = false, pulse = false, label, idle = false, mobile = false, className, ...rest }: DotProps) {
  const onPhone = mobile && status !== 'offline'
  const words = useStatusMessages()
  const name = label ?? statusLabel(status, null, { idle, mobile }, words)
  return (
    <span
      role="img"
      aria-label={name}
      title={name}
      data-slot="status-indicator"
      data-status={status}
      data-size={size}
      data-idle={status === 'away' && idle ? '' : undefined}
      data-device={onPhone ? 'mobile' : undefined}
      className={cn(
        'pk:inline-block pk:shrink-0 pk:overflow-visible pk:rounded-full',
        onPhone ? phone[size] : sizes[size],
        shapes[status],
        (status === 'offline' || status === 'invisible') && rings[size],
        // Positioned either way: the shapes' ::after and the pulse are placed inside the dot.
        badge ? 'pk:absolute pk:bottom-0 pk:end-0 pk:ring-(length:--pk-spacing-presence-ring) pk:ring-presence-surface' : 'pk:relative',
        className,
      )}
      {...rest}
    >
      {onPhone && (
        // The phone's home button: a phone reads as a phone at a glance, whatever its colour.
        <span aria-hidden className="pk:absolute pk:bottom-[10%] pk:left-1/2 pk:size-[22%] pk:-translate-x-1/2 pk:rounded-full pk:bg-presence-surface" />
      )}
      {pulse && status === 'online' && (
        <span
          aria-hidden
          className="pk:absolute pk:inset-0 pk:rounded-full pk:bg-presence-online pk:opacity-75 pk:animate-presence-ping pk:motion-reduce:hidden"
        />
      )}
    </span>
  )
}
