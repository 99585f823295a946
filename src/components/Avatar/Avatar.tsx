'use client'

import { useState, type ComponentProps, type ReactNode } from 'react'
import { cn } from '../../lib/cn'
import { isInvisible } from '../../hooks/user-key'
import { initials } from './initials'

export type AvatarSize = 'sm' | 'md' | 'lg' | 'xl'

export interface AvatarProps extends Omit<ComponentProps<'span'>, 'children'> {
  /** The image URL; missing or failing, the initials show instead. @default none */
  src?: string | null
  /** Whose avatar: gives the initials and the image's alternative text. */
  name: string | null
  /** `sm` 32 px, `md` 40 px, `lg` 56 px, `xl` 72 px. @default md */
  size?: AvatarSize
  /** Alternative text; `""` when the name is written next to the avatar anyway. @default the name */
  alt?: string
  /** The badge slot, usually an `<OnlineStatusIndicator badge />`. @default none */
  indicator?: ReactNode
}

const sizes: Record<AvatarSize, string> = {
  sm: 'pk:size-8 pk:text-xs',
  md: 'pk:size-10 pk:text-sm',
  lg: 'pk:size-14 pk:text-lg',
  xl: 'pk:size-18 pk:text-2xl',
}

/**
 * A round avatar with an initials fallback and a slot for a status badge.
 *
 * @example
 * <Avatar src={user.profileImage} name={user.username} indicator={<OnlineStatusIndicator status="online" badge />} />
 */
export function Avatar({ src, name, size = 'md', alt, indicator, className, ...rest }: AvatarProps) {
  const [failed, setFailed] = useState<string | null>(null)
  // A size outside the union (from untyped code) is the default one, not an avatar of no size.
  const known: AvatarSize = Object.hasOwn(sizes, size) ? size : 'md'
  const showImage = !!src && failed !== src
  // A name that is not text (data that skipped the client's readers) names nobody: no "NaN" as the label.
  // A name (or alt) that shows nothing, such as "   " or a zero-width space, names nobody too: an alt of spaces is not
  // ignored by every screen reader (axe's image-alt), so the image is decorative instead.
  const given = alt ?? (typeof name === 'string' ? name : typeof name === 'number' && Number.isFinite(name) ? String(name) : '')
  const label = isInvisible(given) ? '' : given
  return (
    <span
      data-slot="avatar"
      data-size={known}
      className={cn('pk:relative pk:inline-flex pk:shrink-0 pk:select-none', sizes[known], className)}
      {...rest}
    >
      <span
        data-slot="avatar-image"
        className="pk:flex pk:size-full pk:items-center pk:justify-center pk:overflow-hidden pk:rounded-(--pk-radius-presence-avatar) pk:bg-presence-avatar pk:font-semibold pk:text-white"
      >
        {showImage ? (
          <img src={src} alt={label} className="pk:size-full pk:object-cover" onError={() => setFailed(src)} draggable={false} />
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
