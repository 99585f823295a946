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
  /**
   * A `--pk-spacing-presence-ring` (2 px) band of `--pk-color-presence-ring` (white; the dark surface in dark mode)
   * around the dot, the same colour in its holes: what separates a badge from its avatar, or a dot from a line behind
   * it. `true` for a badge, `false` for a plain dot, unless given.
   * @default the value of `badge`
   */
  ring?: boolean
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

const widths: Record<IndicatorSize, string> = {
  sm: 'pk:w-(--pk-spacing-presence-dot-sm)',
  md: 'pk:w-(--pk-spacing-presence-dot-md)',
  lg: 'pk:w-(--pk-spacing-presence-dot-lg)',
}

// A phone: an upright rounded rectangle (3:4) in place of the circle, the status marks cut out of it; the corner
// radius is the drawing's (3 of 12 by 16) at every size.
const PHONE = 'pk:aspect-[3/4] pk:rounded-[25%/18.75%]'

const colours: Record<PresenceStatus, string> = {
  online: 'pk:text-presence-online',
  away: 'pk:text-presence-away',
  dnd: 'pk:text-presence-dnd',
  offline: 'pk:text-presence-offline',
  invisible: 'pk:text-presence-invisible',
}

/**
 * Each status's shape, so that it never depends on colour alone: one even-odd path each, so that its holes are real,
 * sized so that every mark is at least 1.5 px at the smallest dot (8 px). Online a filled disc; away a crescent moon
 * (the disc less a disc at its top corner); do not disturb a disc with a bar across; offline a hollow ring;
 * invisible a thinner ring struck through (the "hidden" slash), so that it differs from offline in outline, not just
 * in dashing. The holes show what is behind the dot: the page for a plain dot, the ring colour for one with a ring.
 */
const DISC = 'M8 0a8 8 0 1 1 0 16A8 8 0 1 1 8 0Z'
const round: Record<PresenceStatus, string> = {
  online: DISC,
  away: 'M8.5 0A8 8 0 1 1 0 8.5A6 6 0 0 0 8.5 0Z',
  dnd: `${DISC}M5 6h6a2 2 0 0 1 0 4H5a2 2 0 0 1 0-4Z`,
  offline: `${DISC}M8 4a4 4 0 1 0 0 8A4 4 0 1 0 8 4Z`,
  // The slash ends on the hole's edge, so that it joins the ring without overlapping it (an overlap would be a hole).
  invisible: `${DISC}M8 3a5 5 0 1 0 0 10A5 5 0 1 0 8 3ZM10.3 3.6L3.6 10.3A5 5 0 0 0 5.7 12.4L12.4 5.7A5 5 0 0 0 10.3 3.6Z`,
}

// The phone (12 × 16): its home button cut out, the status mark in the screen above it; invisible, a hollow phone.
const BODY = 'M3 0h6a3 3 0 0 1 3 3v10a3 3 0 0 1-3 3H3a3 3 0 0 1-3-3V3a3 3 0 0 1 3-3Z'
const HOME = `${BODY}M6 11.8a1.2 1.2 0 1 0 0 2.4A1.2 1.2 0 1 0 6 11.8Z`
const phoneMarks: Record<Exclude<PresenceStatus, 'offline'>, string> = {
  online: HOME,
  away: `${HOME}M6.2 2A3.5 3.5 0 1 1 2.5 5.7A2.6 2.6 0 0 0 6.2 2Z`,
  dnd: `${HOME}M3.3 4.5h5.4a1.2 1.2 0 0 1 0 2.5H3.3a1.2 1.2 0 0 1 0-2.5Z`,
  invisible: `${BODY}M3.5 2h5A1.5 1.5 0 0 1 10 3.5v9a1.5 1.5 0 0 1-1.5 1.5h-5A1.5 1.5 0 0 1 2 12.5v-9A1.5 1.5 0 0 1 3.5 2Z`,
}

/**
 * A status dot with a shape per status and an accessible name, standalone or as an avatar badge; given a
 * `userId` inside `<UserStatusProvider>` it follows that user live ("Offline, last seen 5 minutes ago").
 *
 * The kit's one dot: every component draws its status with it, under one rule — a 12 px dot (`md`) with a 2 px ring
 * of `--pk-color-presence-ring` (white, the dark surface in dark mode) whenever it is a badge. The one exception is
 * a 32 px avatar (`PresenceToaster`'s), whose badge is `sm` (8 px): at 12 px it would cover half the avatar.
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
 * `status` when it is one the kit knows, else `offline`: data that skipped the client's readers (an app's own store
 * writes, props from untyped code) is drawn and named as offline, never as "undefined".
 *
 * @example
 * knownStatus('busy' as PresenceStatus) // 'offline'
 */
export const knownStatus = (status: PresenceStatus): PresenceStatus => (Object.hasOwn(round, status) ? status : 'offline')

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
  status = knownStatus(status)
  if (status === 'offline') return lastSeen ? words.offlineLastSeen(lastSeen) : words.offline
  const label = status === 'away' && variant.idle ? words.idle(words.away) : words[status]
  return variant.mobile ? words.mobile(label) : label
}

function Dot({ status: given, size: givenSize = 'md', badge = false, pulse = false, label, idle = false, mobile = false, className, ...rest }: DotProps) {
  const { ring = badge, ...attributes } = rest
  const status = knownStatus(given)
  const size = Object.hasOwn(widths, givenSize) ? givenSize : 'md'
  const onPhone = mobile && status !== 'offline'
  const words = useStatusMessages()
  const name = label ?? statusLabel(status, null, { idle, mobile }, words)
  return (
    <span
      role="img"
      aria-label={name}
      title={name}
      data-slot="status-indicator"
      data-state={status}
      data-status={status}
      data-size={size}
      data-idle={status === 'away' && idle ? '' : undefined}
      data-device={onPhone ? 'mobile' : undefined}
      className={cn(
        'pk:inline-block pk:shrink-0 pk:overflow-visible',
        widths[size],
        onPhone ? PHONE : 'pk:aspect-square pk:rounded-full',
        colours[status],
        // The ring: a band of the ring colour around the dot, and the same colour in its holes, so that on an
        // avatar the holes show the ring, not the photo under the badge.
        ring && 'pk:bg-presence-ring pk:ring-(length:--pk-spacing-presence-ring) pk:ring-presence-ring',
        // Positioned either way: the pulse is placed inside the dot.
        badge ? 'pk:absolute pk:bottom-0 pk:end-0' : 'pk:relative',
        className,
      )}
      {...attributes}
    >
      <svg aria-hidden viewBox={onPhone ? '0 0 12 16' : '0 0 16 16'} fill="currentColor" fillRule="evenodd" className="pk:block pk:size-full pk:fill-current pk:stroke-none">
        <path d={onPhone ? phoneMarks[status as Exclude<PresenceStatus, 'offline'>] : round[status]} />
      </svg>
      {pulse && status === 'online' && (
        <span
          aria-hidden
          className="pk:absolute pk:inset-0 pk:rounded-full pk:bg-presence-online pk:opacity-75 pk:animate-presence-ping pk:motion-reduce:hidden"
        />
      )}
    </span>
  )
}
