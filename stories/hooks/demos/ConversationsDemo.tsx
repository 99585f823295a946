import type { Conversation } from '../../../src'
import { Avatar, OnlineStatusIndicator } from '../../../src/components'
import { useConversations } from '../../../src/hooks'
import { DemoCard, Readout, show } from './Readout'

export type ConversationsDemoProps = {
  /** Called with the conversation whose row is pressed. The hook takes no options. Default none. */
  onSelect?: (conversation: Conversation) => void
  /** Shows only the first this many conversations (most recent first); the demo's, not the hook's. Default: all. */
  maxRows?: number
}

/**
 * The signed-in user's conversations from `useConversations`. Each peer's dot is live (`<OnlineStatusIndicator
 * userId>`, i.e. `useUserStatus`): the hook adds peers the store had not heard of, so offline peers show their last seen.
 */
export function ConversationsDemo({ onSelect, maxRows }: ConversationsDemoProps) {
  const { data, isPending, error, refetch } = useConversations()
  const rows = maxRows === undefined ? data : data?.slice(0, Math.max(0, maxRows))
  return (
    <DemoCard label="useConversations()">
      <Readout
        rows={[
          ['isPending', show(isPending)],
          ['data.length', data ? data.length : 'undefined'],
        ]}
      />
      {error != null && (
        <div role="alert" className="mt-3 text-sm text-presence-danger">
          Couldn't load the conversations.{' '}
          <button type="button" onClick={() => void refetch()} className="underline focus-visible:outline-2 focus-visible:outline-presence-accent">
            Try again
          </button>
        </div>
      )}
      <ul aria-label="Conversations" className="mt-3 flex flex-col">
        {rows?.map((conversation) => {
          const peer = conversation.otherUser
          const name = peer.username ?? `User ${peer.id}`
          return (
            <li key={conversation.id}>
              <button
                type="button"
                onClick={() => onSelect?.(conversation)}
                className="flex w-full items-center gap-3 rounded-md px-2 py-1.5 text-start hover:bg-presence-fg/10 focus-visible:outline-2 focus-visible:outline-presence-accent"
              >
                <Avatar size="sm" src={peer.profileImage} name={name} alt="" indicator={<OnlineStatusIndicator userId={peer.id} size="sm" badge />} />
                <span className="min-w-0 flex-1">
                  <span className="block font-semibold">{name}</span>
                  <span className="block truncate text-xs text-presence-muted">{conversation.lastMessage?.text ?? 'No messages yet'}</span>
                </span>
                {conversation.unreadCount > 0 && (
                  <span className="rounded-full bg-presence-fg px-1.5 text-xs text-presence-surface">
                    {conversation.unreadCount}
                    <span className="sr-only"> unread</span>
                  </span>
                )}
              </button>
            </li>
          )
        })}
      </ul>
    </DemoCard>
  )
}
