'use client'

import { useState, type ComponentPropsWithoutRef, type ReactNode } from 'react'
import { cn } from '../../lib/cn'
import { initials } from './initials'

export type AvatarSize = 'sm' | 'md' | 'lg' | 'xl'

export interface AvatarProps extends Omit<ComponentPropsWithoutRef<'span'>, 'children'> {
  /** The image URL; missing or failing, the initials show instead. Default none. */
  src?: string | null
  /** Whose avatar: gives the initials and the image's alternative text. */
  name: string | null
  /** `sm` 32 px, `md` 40 px, `lg` 56 px, `xl` 72 px. Default `md`. */
  size?: AvatarSize
  /** Alternative text; `""` when the name is written next to the avatar anyway. Default: the name. */
  alt?: string
  /** The badge slot, usually an `<OnlineStatusIndicator badge />`. Default none. */
  indicator?: ReactNode
}

const sizes: Record<AvatarSize, string> = {
  sm: 'size-8 text-xs',
  md: 'size-10 text-sm',
  lg: 'size-14 text-lg',
  xl: 'size-18 text-2xl',
}

/**
 * A round avatar with an initials fallback and a slot for a status badge.
 *
 * @example
 * <Avatar src={user.profileImage} name={user.username} indicator={<OnlineStatusIndicator status="online" badge />} />
 */
export function Avatar({ src, name, size = 'md', alt, indicator, className, ...rest }: AvatarProps) {
  const [failed, setFailed] = useState<string | null>(null)
  const showImage = !!src && failed !== src
  const label = alt ?? name ?? ''
  return (
    <span
      data-slot="avatar"
      data-size={size}
      className={cn('relative inline-flex shrink-0 select-none', sizes[size], className)}
      {...rest}
    >
      <span
        data-slot="avatar-image"
        className="flex size-full items-center justify-center overflow-hidden rounded-(--radius-presence-avatar) bg-presence-avatar font-semibold text-white"
      >
        {showImage ? (
          <img src={src} alt={label} className="size-full object-cover" onError={() => setFailed(src)} draggable={false} />
        ) : (
          <span role={label ? 'img' : undefined} aria-label={label || undefined} aria-hidden={label ? undefined : true}>
            <span aria-hidden>{initials(name)}</span>
          </span>
        )}
      </span>
      {indicator}
    </span>
  )
}
