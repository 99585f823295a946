'use client'

import type { ComponentPropsWithoutRef, ReactNode } from 'react'
import { useConversations } from '../../hooks/useConversations'
import { useLastSeen } from '../../hooks/useLastSeen'
import { usePresenceSession } from '../../hooks/usePresenceSession'
import { useUserStatus } from '../../hooks/useUserStatus'
import { cn } from '../../lib/cn'
import { Avatar } from '../Avatar'
import { OnlineStatusIndicator } from '../OnlineStatusIndicator'
import { statusLine } from './status-line'

export interface ChatHeaderProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** The other person in the chat, followed live from `<UserStatusProvider>`. Required. */
  userId: string | number
  /** Shown when the store has no username for the user. Default: "User <id>". */
  name?: string
  /** The avatar's image. Default: the user's `profileImage` from the store; the initials when there is none. */
  avatarUrl?: string | null
  /** Buttons at the end of the header (call, video, menu). Default none. */
  actions?: ReactNode
  /** Shows a back button at the start (its arrow mirrored in RTL) that calls this. Default: no back button. */
  onBack?: () => void
  /** The back button's accessible name. Default "Back". */
  backLabel?: string
  /**
   * When the store, once it has the online list, has not heard of the user (an offline peer: the socket and the
   * online list name online users only), loads the conversations, whose peers carry their last seen, so that
   * "Last seen 2 hours ago" can show. The query is the one `UsersList` uses, so next to it no request is added.
   * Default `true`.
   */
  lookupPeer?: boolean
}

/**
 * The header of an open chat (seeds 000 and 002): avatar with a live status badge, the name, and a live status line
 * ("Online", "Away — lunch", "Do not disturb", "Last seen 5 minutes ago", "Offline") that screen readers announce
 * politely when the status changes; slots for a back button and actions. Needs `<UserStatusProvider>`.
 *
 * @example
 * <ChatHeader
 *   userId={conversation.otherUser.id}
 *   name={conversation.otherUser.username ?? undefined}
 *   onBack={() => router.back()}
 *   actions={<button type="button" aria-label="Call">📞</button>}
 * />
 */
export function ChatHeader({
  userId,
  name,
  avatarUrl,
  actions,
  onBack,
  backLabel = 'Back',
  lookupPeer = true,
  className,
  ...rest
}: ChatHeaderProps) {
  const { status, statusMessage, user } = useUserStatus(userId)
  const lastSeen = useLastSeen(userId)
  const displayName = user?.username ?? name ?? `User ${userId}`
  const line = statusLine(status, statusMessage, lastSeen)
  // Once the store has the full online list, a user it still does not know is offline: ask the conversations.
  const { synced } = usePresenceSession()
  const lookup = lookupPeer && synced && user === null

  return (
    <div
      data-slot="chat-header"
      data-status={status}
      className={cn('flex min-w-0 items-center gap-3 border-b border-presence-border bg-presence-surface px-3 py-2 text-presence-fg', className)}
      {...rest}
    >
      {onBack && (
        <button
          type="button"
          aria-label={backLabel}
          title={backLabel}
          onClick={onBack}
          data-slot="chat-header-back"
          className="-ms-1 inline-flex size-9 shrink-0 cursor-pointer items-center justify-center rounded-full text-presence-fg hover:bg-presence-fg/10 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-presence-accent"
        >
          <svg aria-hidden viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" className="size-5 rtl:-scale-x-100">
            <path d="M19 12H5M12 19l-7-7 7-7" />
          </svg>
        </button>
      )}
      <Avatar
        src={avatarUrl !== undefined ? avatarUrl : (user?.profileImage ?? null)}
        name={displayName}
        alt=""
        indicator={<OnlineStatusIndicator status={status} badge aria-hidden />}
      />
      <div className="flex min-w-0 flex-1 flex-col">
        <h2 dir="auto" data-slot="chat-header-name" className="truncate text-base leading-tight font-semibold [text-align:match-parent]">
          {displayName}
        </h2>
        {/* Only a change of status (or status message) is announced: the span is new for each (an addition), while
            "Last seen 5 minutes ago" ticking by changes text in place, which aria-relevant="additions" leaves out. */}
        <p
          aria-live="polite"
          aria-relevant="additions"
          dir="auto"
          data-slot="chat-header-status"
          data-status={status}
          className="truncate text-sm text-presence-muted [text-align:match-parent]"
        >
          <span key={`${status}:${statusMessage ?? ''}`}>{line}</span>
        </p>
      </div>
      {lookup && <PeerLookup />}
      {actions && (
        <div data-slot="chat-header-actions" className="ms-auto flex shrink-0 items-center gap-1">
          {actions}
        </div>
      )}
    </div>
  )
}

/** Loads the conversations once; the runtime adds their peers (with last seen) to the store, which the header reads. */
function PeerLookup() {
  useConversations()
  return null
}
