import type { ComponentPropsWithoutRef } from 'react'
import { cn } from '../../lib/cn'

export type IndicatorStatus = 'online' | 'away' | 'dnd' | 'offline' | 'invisible'
export type IndicatorSize = 'sm' | 'md' | 'lg'

export const STATUS_LABELS: Record<IndicatorStatus, string> = {
  online: 'Online',
  away: 'Away',
  dnd: 'Do not disturb',
  offline: 'Offline',
  invisible: 'Invisible',
}

export interface OnlineStatusIndicatorProps extends Omit<ComponentPropsWithoutRef<'span'>, 'children'> {
  /** The status to show. */
  status: IndicatorStatus
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
  sm: 'size-(--spacing-presence-dot-sm)',
  md: 'size-(--spacing-presence-dot-md)',
  lg: 'size-(--spacing-presence-dot-lg)',
}

// Each status has its own shape as well as its own colour, so that it never depends on colour alone.
const shapes: Record<IndicatorStatus, string> = {
  online: 'bg-presence-online',
  away: 'bg-presence-away after:absolute after:inset-[20%] after:rounded-full after:bg-presence-surface after:translate-x-[-30%] after:translate-y-[-30%]',
  dnd: 'bg-presence-dnd after:absolute after:inset-x-[20%] after:top-1/2 after:h-[22%] after:-translate-y-1/2 after:rounded-full after:bg-presence-surface',
  offline: 'bg-presence-surface border-[max(2px,20%)] border-presence-offline',
  invisible: 'bg-presence-surface border-[max(2px,20%)] border-dashed border-presence-invisible',
}

/**
 * A status dot with a shape per status and an accessible name, standalone or as an avatar badge.
 *
 * @example
 * <span className="relative inline-block">
 *   <img src={user.profileImage} alt="" className="size-10 rounded-full" />
 *   <OnlineStatusIndicator status="dnd" badge />
 * </span>
 */
export function OnlineStatusIndicator({ status, size = 'md', badge = false, pulse = false, label, className, ...rest }: OnlineStatusIndicatorProps) {
  return (
    <span
      role="img"
      aria-label={label ?? STATUS_LABELS[status]}
      title={label ?? STATUS_LABELS[status]}
      data-slot="status-indicator"
      data-status={status}
      data-size={size}
      className={cn(
        'relative inline-block shrink-0 overflow-visible rounded-full',
        sizes[size],
        shapes[status],
        badge && 'absolute bottom-0 end-0 ring-(length:--spacing-presence-ring) ring-presence-surface',
        className,
      )}
      {...rest}
    >
      {pulse && status === 'online' && (
        <span
          aria-hidden
          className="absolute inset-0 rounded-full bg-presence-online opacity-75 animate-ping motion-reduce:hidden"
        />
      )}
    </span>
  )
}
