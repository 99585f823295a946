'use client'

import { Fragment, memo, type ComponentType } from 'react'
import { useLastSeen } from '../../hooks/useLastSeen'
import { usePresenceMessages } from '../../hooks/usePresenceMessages'
import { en } from '../../i18n'
import { useUserStatus } from '../../hooks/useUserStatus'
import type { Conversation, Format, Messages, Presence } from '../../index'
import { cn } from '../../lib/cn'
import { Avatar } from '../Avatar'
import { OnlineStatusIndicator, presenceVariant, statusLabel } from '../OnlineStatusIndicator'
import { formatUntil } from '../StatusPicker/expiry'
import { formatFullTime, formatMessageTimeOn, isDisplayableTime } from './format-time'
import { shownText, shownUser } from '../shown-user'

/** What the list hands each row. Every prop but `active` and `selected` is stable while the row stays put. */
export interface ConversationRowProps {
  conversation: Conversation
  /** The option's DOM id, for `aria-activedescendant`. */
  optionId: string
  /** 1-based position in the whole list (`aria-posinset`). */
  position: number
  /** The whole list's length (`aria-setsize`). */
  setSize: number
  /** Offset from the top of the list, in px. */
  start: number
  /** Row height, in px. */
  height: number
  selected: boolean
  /** The keyboard's current option (`aria-activedescendant` points at it). */
  active: boolean
  /** Today's calendar day, `null` on the server (times are the client's to tell). */
  today: number | null
  /** The signed-in user's id, to write "You: " before their own last message. */
  selfId: string | null
  onPick: (conversation: Conversation) => void
}

/** A row component: one that follows its user live, or one that shows the data as given. */
export type ConversationRowComponent = ComponentType<ConversationRowProps>

/** The name a user goes by in the list: the username, else "User 42" (in `messages`' language). */
export function displayName(user: Pick<Presence, 'id' | 'username'>, messages: Messages = en): string {
  // A blank or zero-width name (data handed in skips the client's readers) is no name.
  return shownText(user.username) ?? messages.userName(user.id)
}

/** "1 unread message", "3 unread messages", in `messages`' language and `format`'s plural rules. */
export function unreadLabel(count: number, messages: Messages, format: Format): string {
  return messages.usersList.unread(count, format)
}

/**
 * A row inside `<UserStatusProvider>`: reads its user's live status from the store, so that one user's change
 * re-renders this row alone. A user the store has not heard of shows as the conversation data has them.
 */
export const LiveConversationRow = memo(function LiveConversationRow(props: ConversationRowProps) {
  const peer = props.conversation.otherUser
  const live = useUserStatus(peer.id)
  const lastSeen = useLastSeen(peer.id)
  return <RowView {...props} user={shownUser(live.user ?? peer)} lastSeen={lastSeen} />
})

/** A row outside any provider: the status is the one in the conversation data, and is not kept current. */
export const StaticConversationRow = memo(function StaticConversationRow(props: ConversationRowProps) {
  return <RowView {...props} user={shownUser(props.conversation.otherUser)} lastSeen={null} />
})

// Names and messages are the users' own text, in any script: dir="auto" gives each its own direction (an English
// message in an Arabic list keeps its punctuation and truncates at its end), while match-parent keeps it aligned with
// the list. The row's accessible name is its content, in reading order; the visually hidden ", " separate the parts.
function RowView({
  conversation,
  optionId,
  position,
  setSize,
  start,
  height,
  selected,
  active,
  today,
  selfId,
  onPick,
  user,
  lastSeen,
}: ConversationRowProps & { user: Presence; lastSeen: string | null }) {
  const { messages, format, locale } = usePresenceMessages()
  const words = messages.usersList
  const name = displayName(user, messages)
  const message = user.status === 'offline' ? null : user.statusMessage?.trim() || null
  const variant = presenceVariant(user)
  const expiresAt = message && typeof user.statusExpiresAt === 'number' ? user.statusExpiresAt : null
  // Read against the day the row shows its times for (today's start is as good as now for "3 PM" or "Fri 3 PM").
  const until = expiresAt === null || today === null ? '' : formatUntil(expiresAt, today, locale, 0, messages.statusLine.until)
  const label = statusLabel(user.status, lastSeen, variant, messages.status)
  const status = message ? messages.statusLine.withMessage(label, until ? messages.statusLine.withUntil(message, until) : message) : label
  // A last message that is not an object, or whose text is not text, is none (it would throw out of the render).
  const last = conversation.lastMessage && typeof conversation.lastMessage === 'object' && typeof conversation.lastMessage.text === 'string' ? conversation.lastMessage : null
  const mine = last !== null && selfId !== null && last.senderId === selfId
  // The user's own text in a <bdi>: "أنت: " before an English message keeps the message's punctuation in place.
  // Around it, the catalogue's words give the line its direction, and a line cut as a whole loses its far end, which
  // for an isolate in the other direction is the message's beginning ("أنت: …iew my PR"). So the <bdi> is cut on its
  // own, at the message's end in the message's direction; the words around it are never cut, their spaces kept (pre)
  // at the flex items' edges. The line fits its content (as wide as the row at most) and, a block in the row's
  // direction, sits at the row's start.
  const text = last ? (
    mine ? (
      <span dir="auto" className="pk:flex pk:w-fit pk:max-w-full pk:whitespace-pre">
        {words.fromYou(<bdi className="pk:min-w-0 pk:truncate">{last.text}</bdi>).map((part, i) => (
          <Fragment key={i}>{part}</Fragment>
        ))}
      </span>
    ) : (
      last.text
    )
  ) : null
  // Data handed straight to the list is not read by the client's parsers: an impossible time shows as none.
  const sentAt = isDisplayableTime(last?.sentAt) ? last.sentAt : null
  const time = sentAt !== null && today !== null ? formatMessageTimeOn(sentAt, today, { locale }) || null : null
  const unread = Math.max(0, Math.floor(conversation.unreadCount))
  return (
    <div
      role="option"
      id={optionId}
      aria-selected={selected}
      aria-setsize={setSize}
      aria-posinset={position}
      data-slot="users-list-item"
      data-status={user.status}
      data-selected={selected || undefined}
      data-highlighted={active || undefined}
      data-unread={unread > 0 || undefined}
      onClick={() => onPick(conversation)}
      style={{ height, transform: `translateY(${start}px)` }}
      className="pk:absolute pk:start-0 pk:end-0 pk:top-0 pk:flex pk:cursor-pointer pk:items-center pk:gap-3 pk:border-b pk:border-presence-border pk:px-3 pk:hover:bg-presence-fg/5 pk:aria-selected:bg-presence-accent/10 pk:forced-colors:aria-selected:border-s-4 pk:forced-colors:aria-selected:border-s-[color:Highlight] pk:group-focus:data-highlighted:outline-2 pk:group-focus:data-highlighted:-outline-offset-2 pk:group-focus:data-highlighted:outline-presence-accent"
    >
      <Avatar
        src={user.profileImage}
        name={name}
        alt=""
        indicator={<OnlineStatusIndicator status={user.status} {...variant} badge label={status} aria-hidden />}
      />
      <div className="pk:flex pk:min-w-0 pk:flex-1 pk:flex-col pk:gap-0.5">
        <div className="pk:flex pk:items-baseline pk:gap-2">
          <span dir="auto" data-slot="users-list-name" className="pk:min-w-0 pk:flex-1 pk:truncate pk:font-medium pk:text-presence-fg pk:text-match-parent">
            {name}
          </span>
          <span data-slot="users-list-status" className="pk:sr-only">
            {`${words.separator}${status}`}
          </span>
          {time && sentAt !== null && <span className="pk:sr-only">{words.separator}</span>}
          {time && sentAt !== null && (
            <time
              dir="auto"
              dateTime={new Date(sentAt).toISOString()}
              title={formatFullTime(sentAt, { locale })}
              data-slot="users-list-time"
              className="pk:shrink-0 pk:text-xs pk:text-presence-muted pk:tabular-nums"
            >
              {time}
            </time>
          )}
        </div>
        <div className="pk:flex pk:items-center pk:gap-2">
          <span className="pk:sr-only">{words.separator}</span>
          <span
            // One's own message line has its direction inside (above); this box keeps the row's, which places it.
            dir={mine ? undefined : 'auto'}
            data-slot="users-list-message"
            className={cn(
              'pk:min-w-0 pk:flex-1 pk:truncate pk:text-sm pk:text-match-parent',
              !text ? 'pk:text-presence-muted pk:italic' : unread > 0 ? 'pk:font-medium pk:text-presence-fg' : 'pk:text-presence-muted',
            )}
          >
            {text ?? words.noMessages}
          </span>
          {unread > 0 && <span className="pk:sr-only">{words.separator}</span>}
          {unread > 0 && (
            <span
              role="img"
              aria-label={unreadLabel(unread, messages, format)}
              data-slot="users-list-unread"
              className="pk:inline-flex pk:h-5 pk:min-w-5 pk:shrink-0 pk:items-center pk:justify-center pk:rounded-full pk:bg-presence-accent pk:px-1.5 pk:text-xs pk:font-semibold pk:text-presence-surface pk:tabular-nums"
            >
              {words.unreadBadge(unread, format)}
            </span>
          )}
        </div>
      </div>
    </div>
  )
}
