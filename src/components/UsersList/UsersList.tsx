'use client'

import { useMemo, type ComponentProps, type ReactNode } from 'react'
import { useConversations } from '../../hooks/useConversations'
import { useHasPresenceProvider } from '../../hooks/useHasPresenceProvider'
import { useIsOnlineMany } from '../../hooks/useIsOnlineMany'
import { usePresenceMessages } from '../../hooks/usePresenceMessages'
import { usePresenceSession } from '../../hooks/usePresenceSession'
import { useServerClock } from '../../hooks/useServerClock'
import type { Conversation, Presence, PresenceApiError, PresenceQueryResult } from '../../index'
import { cn } from '../../lib/cn'
import { LiveConversationRow, StaticConversationRow, type ConversationRowComponent } from './ConversationRow'
import { UsersListBox } from './UsersListBox'
import { useFocusRescue } from '../use-focus-rescue'
import { useOwnRef } from '../use-own-ref'

/**
 * What the list shows (its `data-state`): `signed-out` when it loads its own conversations and the provider has no
 * token ("Sign in to see your conversations.", not a skeleton that never ends); `unavailable` when the backend has no
 * conversations endpoint (the preset has none, `endpoints={{ conversations: null }}`, or a 404): "This server does not
 * offer conversations.", with no retry.
 */
export type UsersListState = 'loading' | 'error' | 'empty' | 'ready' | 'signed-out' | 'unavailable'

export interface UsersListProps extends Omit<ComponentProps<'div'>, 'children'> {
  /**
   * The conversations to list, in this order; unset, loaded from `GET /api/chat/conversations/` through
   * `useConversations()` (needs `<UserStatusProvider>`). Passed in, the list also works outside any provider, showing
   * the statuses in the data as they are; inside a provider, each row follows its user live.
   * @default loaded from the backend
   */
  conversations?: readonly Conversation[]
  /** Called with the row's user and its conversation when a row is chosen by click, Enter or Space. @default none */
  onUserClick?: (user: Presence, conversation: Conversation) => void
  /** The selected conversation's id (controlled); unset, the list keeps its own selection. @default none */
  selectedId?: string | number | null
  /** Lists users who are online (also away or busy) before those who are offline, each group in the given order. @default false */
  sortOnlineFirst?: boolean
  /** The list's accessible name; unset, the catalogue's, in the provider's language. @default Conversations */
  label?: string
  /** The list's height: a number of px or any CSS length (`"100%"` to fill a pane); the list scrolls inside it. `auto`: as tall as its rows, up to `maxHeight`. @default auto */
  height?: number | string
  /** Each row's height in px (rows are not measured, so that 10,000 scroll smoothly). @default 72 */
  rowHeight?: number
  /** Rows rendered beyond each edge of the viewport. @default 6 */
  overscan?: number
  /** The tallest the list grows to fit its rows (px or any CSS length); past it, it scrolls. None with a fixed `height`. @default 480 */
  maxHeight?: number | string
}

// Rows have a fixed height, so fitting them is plain CSS: an auto height under a max-height.
const DEFAULT_HEIGHT = 'auto'
const DEFAULT_MAX_HEIGHT = 480
const SKELETONS = 6

/**
 * The conversation list of a chat (`GET /api/chat/conversations/`): avatar with a live status badge, name, last message, its
 * time, the unread count. A WAI-ARIA listbox (arrows, Home/End, PageUp/PageDown, type-ahead by name, Enter or Space
 * to select), virtualised so that 10,000 conversations scroll smoothly; each row follows its own user, so one
 * user's change re-renders one row. Loads the conversations itself inside `<UserStatusProvider>`, or lists those
 * passed in (then it works outside a provider too, without live status).
 *
 * @example
 * <UsersList selectedId={openId} onUserClick={(user, conversation) => setOpenId(conversation.id)} height="100%" />
 *
 * <UsersList conversations={inbox} sortOnlineFirst label="Direct messages" />
 */
export function UsersList(props: UsersListProps) {
  const inProvider = useHasPresenceProvider()
  if (props.conversations) return inProvider ? <LiveUsersList {...props} conversations={props.conversations} /> : <StaticUsersList {...props} conversations={props.conversations} />
  if (!inProvider) throw new Error('UsersList needs `conversations`, or <UserStatusProvider> to load them from')
  return <EndpointUsersList {...props} />
}

type WithData = UsersListProps & { conversations: readonly Conversation[] }

/** Inside a provider, without data: loads from the endpoint, with loading and error states. */
function EndpointUsersList({ ref: appRef, ...given }: UsersListProps) {
  const [root, ref] = useOwnRef(appRef)
  const props = { ...given, ref }
  // React Query's own result (useConversations' is), whose `errorUpdateCount` outlives `isError`: a refetch without
  // data clears `isError` while it runs. So a retry keeps the error and its button, which has the focus, saying
  // "Retrying…", instead of the skeleton.
  const { data, isError, errorUpdateCount, error, isFetching, refetch } = useConversations() as PresenceQueryResult<Conversation[]> & {
    errorUpdateCount: number
  }
  const words = usePresenceMessages().messages.usersList
  // The focused "Try again" goes with the error: the focus goes to the list that replaces it, not to <body>.
  const rescue = useFocusRescue(data, () => root.current?.querySelector<HTMLElement>('[role="listbox"]') ?? root.current)
  // Signed out, nothing loads; the last user's conversations are not this visitor's to see.
  const { signedOut } = usePresenceSession()
  // No such endpoint (the client's PresenceApiError): a retry cannot help.
  const missing = !data && (error as Partial<PresenceApiError> | null)?.isMissingEndpoint
  if (signedOut || missing) {
    return (
      <UsersListNotice props={props} state={signedOut ? 'signed-out' : 'unavailable'}>
        {signedOut ? words.signedOut : words.unavailable}
      </UsersListNotice>
    )
  }
  if (data) return <LiveUsersList {...props} conversations={data} />
  if (!isError && !errorUpdateCount) return <UsersListFrame props={props} state="loading" />
  return (
    <UsersListFrame props={props} state="error">
      <div role="alert" className="pk:flex pk:flex-col pk:items-start pk:gap-3 pk:p-4">
        <p className="pk:my-[1em]">{words.error}</p>
        {/* aria-disabled, not disabled: a disabled button loses the focus it has (to <body>). */}
        <button
          type="button"
          {...rescue}
          onClick={() => void (isFetching || refetch())}
          aria-disabled={isFetching || undefined}
          className="pk:rounded-md pk:bg-presence-accent pk:px-3 pk:py-1.5 pk:text-sm pk:font-semibold pk:text-presence-surface pk:hover:opacity-90 pk:focus-visible:outline-2 pk:focus-visible:outline-offset-2 pk:focus-visible:outline-presence-accent pk:aria-disabled:cursor-wait pk:aria-disabled:opacity-70"
        >
          {isFetching ? words.retrying : words.retry}
        </button>
      </div>
    </UsersListFrame>
  )
}

/** Inside a provider, with data: rows read their user from the store. */
function LiveUsersList(props: WithData) {
  const { sortOnlineFirst = false } = props
  const conversations = useRenderable(props.conversations)
  const { offset: serverOffset } = useServerClock()
  const { userId: selfId } = usePresenceSession()
  // Subscribed only when sorting: one flag per conversation, so that only going online or offline re-sorts.
  const peerIds = useMemo(() => (sortOnlineFirst ? conversations.map((c) => c.otherUser.id) : []), [conversations, sortOnlineFirst])
  const live = useIsOnlineMany(peerIds)
  // A peer the store has not heard of shows as the conversation data has them.
  const onlineFlags = useMemo(
    () => (sortOnlineFirst ? conversations.map((c, i) => ((live[i] ?? c.otherUser.isOnline) ? '1' : '0')).join('') : ''),
    [conversations, live, sortOnlineFirst],
  )
  const items = useMemo(() => (sortOnlineFirst ? onlineFirst(conversations, onlineFlags) : conversations), [conversations, onlineFlags, sortOnlineFirst])
  return <ReadyUsersList props={props} items={items} Row={LiveConversationRow} serverOffset={serverOffset} selfId={selfId} />
}

/** Outside a provider: the data as given. */
function StaticUsersList(props: WithData) {
  const { sortOnlineFirst = false } = props
  const conversations = useRenderable(props.conversations)
  const items = useMemo(
    () => (sortOnlineFirst ? onlineFirst(conversations, conversations.map((c) => (c.otherUser.isOnline ? '1' : '0')).join('')) : conversations),
    [conversations, sortOnlineFirst],
  )
  return <ReadyUsersList props={props} items={items} Row={StaticConversationRow} serverOffset={0} selfId={null} />
}

/**
 * The conversations that can be rows. Data handed in skips the client's readers: an item without a peer to show
 * cannot be a row (it would take the whole list down), and a repeated id (5 and "5" alike) would be two rows under
 * one React key, which React may drop or duplicate. Both are left out, the first of each id kept; the rest is listed.
 */
function useRenderable(conversations: readonly Conversation[]): readonly Conversation[] {
  return useMemo(() => {
    if (!Array.isArray(conversations)) return []
    const seen = new Set<string>()
    const kept = conversations.filter((item: Conversation | null) => {
      const key = String(item?.id)
      if (typeof item?.otherUser !== 'object' || !item.otherUser || seen.has(key)) return false
      seen.add(key)
      return true
    })
    return kept.length === conversations.length ? conversations : kept
  }, [conversations])
}

// Sizes from untyped code: a row height that is not a positive number (or an overscan that is not a count) would
// lay no rows out, or throw; each falls back to its default.
const rowHeightOf = (value = 72) => (value > 0 && value < Infinity ? value : 72)
const overscanOf = (value = 6) => (value >= 0 && value < Infinity ? Math.floor(value) : 6)
const lengthOf = <T,>(value: T) => (typeof value === 'number' && !Number.isFinite(value) ? undefined : value)

/** The list's sizes as given, each a usable value or its default (`maxHeight` is left unset when not usable). */
function sizesOf(props: UsersListProps) {
  return {
    height: lengthOf(props.height) ?? DEFAULT_HEIGHT,
    maxHeight: lengthOf(props.maxHeight),
    rowHeight: rowHeightOf(props.rowHeight),
    overscan: overscanOf(props.overscan),
  }
}

/** Stable partition: the conversations whose flag is '1' first, each group in its order. */
function onlineFirst(conversations: readonly Conversation[], flags: string): readonly Conversation[] {
  const online: Conversation[] = []
  const offline: Conversation[] = []
  conversations.forEach((c, i) => (flags[i] === '1' ? online : offline).push(c))
  return online.length === 0 || offline.length === 0 ? conversations : [...online, ...offline]
}

interface ReadyProps {
  props: UsersListProps
  items: readonly Conversation[]
  Row: ConversationRowComponent
  serverOffset: number
  selfId: string | null
}

function ReadyUsersList({ props, items, Row, serverOffset, selfId }: ReadyProps) {
  const words = usePresenceMessages().messages.usersList
  const { label = words.label, selectedId, onUserClick } = props
  const { height, maxHeight, rowHeight, overscan } = sizesOf(props)
  if (items.length === 0) {
    return (
      <UsersListNotice props={props} state="empty">
        {words.empty}
      </UsersListNotice>
    )
  }
  return (
    <UsersListFrame props={props} state="ready">
      <UsersListBox
        items={items}
        Row={Row}
        label={label}
        viewportHeight={viewportHeight(items.length * rowHeight, height, maxHeight)}
        rowHeight={rowHeight}
        overscan={overscan}
        selectedId={selectedId}
        onSelect={onUserClick && ((conversation) => onUserClick(conversation.otherUser, conversation))}
        serverOffset={serverOffset}
        selfId={selfId}
      />
    </UsersListFrame>
  )
}

/** The viewport's height for the first render (and the server's), before the virtualiser measures it. */
function viewportHeight(rows: number, height: number | string, maxHeight: number | string | undefined): number {
  if (typeof height === 'number') return height
  if (height !== DEFAULT_HEIGHT) return DEFAULT_MAX_HEIGHT
  return Math.min(rows, typeof maxHeight === 'number' ? maxHeight : DEFAULT_MAX_HEIGHT)
}

/** The list's box, whatever its state; the loading skeleton when it has no children. */
/** The list with one line of muted text instead of rows (nobody to show, signed out, no endpoint), slotted `users-list-<state>`. */
function UsersListNotice({ props, state, children }: { props: UsersListProps; state: 'empty' | 'signed-out' | 'unavailable'; children: ReactNode }) {
  return (
    <UsersListFrame props={props} state={state}>
      <p data-slot={`users-list-${state}`} className="pk:p-4 pk:text-presence-muted">
        {children}
      </p>
    </UsersListFrame>
  )
}

function UsersListFrame({ props, state, children }: { props: UsersListProps; state: UsersListState; children?: ReactNode }) {
  const {
    conversations: _conversations,
    onUserClick: _onUserClick,
    selectedId: _selectedId,
    sortOnlineFirst: _sortOnlineFirst,
    label: _label,
    rowHeight: _rowHeight,
    overscan: _overscan,
    height: _height,
    maxHeight: _maxHeight,
    className,
    style,
    ...rest
  } = props
  const sizes = sizesOf(props)
  const { rowHeight, height } = sizes
  const maxHeight = sizes.maxHeight ?? (height === DEFAULT_HEIGHT ? DEFAULT_MAX_HEIGHT : undefined)
  const words = usePresenceMessages().messages.usersList
  return (
    <div
      data-slot="users-list"
      data-state={state}
      aria-busy={state === 'loading' || undefined}
      style={{ height, maxHeight, ...style }}
      className={cn('pk:flex pk:flex-col pk:overflow-hidden pk:rounded-lg pk:border pk:border-presence-border pk:bg-presence-surface pk:text-presence-fg', className)}
      {...rest}
    >
      {state === 'loading' ? (
        <>
          <p role="status" className="pk:sr-only">
            {words.loading}
          </p>
          <div aria-hidden className="pk:flex pk:flex-col">
            {Array.from({ length: SKELETONS }, (_, i) => (
              <div key={i} className="pk:flex pk:items-center pk:gap-3 pk:border-b pk:border-presence-border pk:px-3" style={{ height: rowHeight }}>
                <span className="pk:size-10 pk:shrink-0 pk:animate-presence-pulse pk:rounded-full pk:bg-presence-border pk:motion-reduce:animate-none" />
                <span className="pk:flex pk:flex-1 pk:flex-col pk:gap-2">
                  <span className="pk:h-3 pk:w-1/3 pk:animate-presence-pulse pk:rounded pk:bg-presence-border pk:motion-reduce:animate-none" />
                  <span className="pk:h-3 pk:w-2/3 pk:animate-presence-pulse pk:rounded pk:bg-presence-border pk:motion-reduce:animate-none" />
                </span>
              </div>
            ))}
          </div>
        </>
      ) : (
        children
      )}
    </div>
  )
}
