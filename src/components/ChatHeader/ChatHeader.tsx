'use client'

import type { ComponentProps, ReactNode } from 'react'
import { useConversations } from '../../hooks/useConversations'
import { useLastSeen } from '../../hooks/useLastSeen'
import { usePresenceMessages } from '../../hooks/usePresenceMessages'
import { usePresenceSession } from '../../hooks/usePresenceSession'
import { useServerClock } from '../../hooks/useServerClock'
import { userKey } from '../../hooks/user-key'
import { useUserStatus } from '../../hooks/useUserStatus'
import { cn } from '../../lib/cn'
import { Avatar } from '../Avatar'
import { OnlineStatusIndicator, presenceVariant } from '../OnlineStatusIndicator'
import { formatUntil } from '../StatusPicker/expiry'
import { shownText, shownUser } from '../shown-user'
import { statusLine } from './status-line'

export interface ChatHeaderProps extends Omit<ComponentProps<'div'>, 'children'> {
  /** The other person in the chat, followed live from `<UserStatusProvider>`. Required. */
  userId: string | number
  /** Shown when the store has no username for the user. @default User <id> */
  name?: string
  /** The avatar's image: the user's `profileImage` from the store unless given; the initials when there is none. @default profileImage */
  avatarUrl?: string | null
  /** Buttons at the end of the header (call, video, menu). @default none */
  actions?: ReactNode
  /** Shows a back button at the start (its arrow mirrored in RTL) that calls this. @default none (no back button) */
  onBack?: () => void
  /** The back button's accessible name; unset, the catalogue's, in the provider's language. @default Back */
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
 * The header of an open chat: avatar with a live status badge, the name, and a live status line
 * ("Online", "Away — lunch", "Do not disturb", "Last seen 5 minutes ago", "Offline") that screen readers announce
 * politely when the status changes; slots for a back button and actions. Needs `<UserStatusProvider>`. Signed out
 * (no token), it shows no badge and says "Sign in to see their status." (`data-state="signed-out"`).
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
  backLabel: backLabelProp,
  lookupPeer = true,
  className,
  ...rest
}: ChatHeaderProps) {
  // An id that names nobody (missing, blank, invisible, NaN: from untyped code) follows no user and is never written
  // out: no "User undefined". The hooks' rule, so that the header and the hooks it calls agree on who that is.
  const id = userKey(userId)
  const live = useUserStatus(id ?? '')
  // What the app put in the store skipped the client's readers: drawn as a record they would have given.
  const user = live.user && shownUser(live.user)
  const status = user?.status ?? live.status
  const statusMessage = user ? user.statusMessage : live.statusMessage
  const lastSeen = useLastSeen(id ?? '')
  const { messages, locale } = usePresenceMessages()
  const backLabel = backLabelProp ?? messages.chatHeader.back
  // A blank name (the store's or the prop's) is no name: "User 7" rather than an empty heading; without an id, the
  // catalogue's word for a user alone ("User").
  const displayName = user?.username ?? shownText(name) ?? (id === null ? messages.userName('').trim() : messages.userName(id))
  const variant = presenceVariant(user)
  const { now, offset } = useServerClock()
  const expiresAt = statusMessage ? (user?.statusExpiresAt ?? null) : null
  const until = expiresAt === null ? '' : formatUntil(expiresAt, now(), locale, offset, messages.statusLine.until)
  // Once the store has the full online list, a user it still does not know is offline: ask the conversations.
  const { synced, signedOut: noSession } = usePresenceSession()
  const lookup = lookupPeer && synced && user === null && id !== null
  // Signed out, a peer the store does not hold (signing out clears it) is unknown, not offline: no badge, and the
  // line says why. What a store holds anyway is shown.
  const signedOut = noSession && user === null
  const line = signedOut ? messages.chatHeader.signedOut : statusLine(status, statusMessage, lastSeen, { ...variant, until }, messages)

  return (
    <div
      data-slot="chat-header"
      data-status={status}
      data-state={signedOut ? 'signed-out' : undefined}
      className={cn('pk:flex pk:min-w-0 pk:flex-wrap pk:items-center pk:gap-3 pk:border-b pk:border-presence-border pk:bg-presence-surface pk:px-3 pk:py-2 pk:text-presence-fg', className)}
      {...rest}
    >
      {onBack && (
        <button
          type="button"
          aria-label={backLabel}
          title={backLabel}
          onClick={onBack}
          data-slot="chat-header-back"
          className="pk:-ms-1 pk:inline-flex pk:size-9 pk:shrink-0 pk:cursor-pointer pk:items-center pk:justify-center pk:rounded-full pk:text-presence-fg pk:hover:bg-presence-fg/10 pk:focus-visible:outline-2 pk:focus-visible:outline-offset-2 pk:focus-visible:outline-presence-accent"
        >
          <svg aria-hidden viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" className="pk:size-5 pk:fill-none pk:stroke-current pk:rtl:-scale-x-100">
            <path d="M19 12H5M12 19l-7-7 7-7" />
          </svg>
        </button>
      )}
      <Avatar
        src={avatarUrl !== undefined ? avatarUrl : (user?.profileImage ?? null)}
        name={user?.username ?? shownText(name) ?? (id === null ? null : displayName)}
        alt=""
        indicator={signedOut ? undefined : <OnlineStatusIndicator status={status} {...variant} badge aria-hidden />}
      />
      <div className="pk:flex pk:min-w-24 pk:flex-1 pk:flex-col">
        {/* A name cut by its ellipsis is whole in the heading's accessible name, not on the screen: the pointer gets
            it in a tooltip, set when the pointer comes (the width is known then); a name shown whole gets none. */}
        <h2
          dir="auto"
          data-slot="chat-header-name"
          onPointerEnter={(event) => {
            const heading = event.currentTarget
            heading.title = heading.scrollWidth > heading.clientWidth ? displayName : ''
          }}
          className="pk:truncate pk:text-base pk:leading-tight pk:font-semibold pk:text-match-parent"
        >
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
          className="pk:truncate pk:text-sm pk:text-presence-muted pk:text-match-parent"
        >
          <span key={signedOut ? 'signed-out' : `${status}:${statusMessage ?? ''}`}>{line}</span>
        </p>
      </div>
      {lookup && <PeerLookup />}
      {actions && (
        <div data-slot="chat-header-actions" className="pk:ms-auto pk:flex pk:shrink-0 pk:items-center pk:gap-1">
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
