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
        <div role="alert" className="pk:mt-3 pk:text-sm pk:text-presence-danger">
          Couldn't load the conversations.{' '}
          <button type="button" onClick={() => void refetch()} className="pk:underline pk:focus-visible:outline-2 pk:focus-visible:outline-presence-accent">
            Try again
          </button>
        </div>
      )}
      <ul aria-label="Conversations" className="pk:mt-3 pk:flex pk:flex-col">
        {rows?.map((conversation) => {
          const peer = conversation.otherUser
          const name = peer.username ?? `User ${peer.id}`
          return (
            <li key={conversation.id}>
              <button
                type="button"
                onClick={() => onSelect?.(conversation)}
                className="pk:flex pk:w-full pk:items-center pk:gap-3 pk:rounded-md pk:px-2 pk:py-1.5 pk:text-start pk:hover:bg-presence-fg/10 pk:focus-visible:outline-2 pk:focus-visible:outline-presence-accent"
              >
                <Avatar size="sm" src={peer.profileImage} name={name} alt="" indicator={<OnlineStatusIndicator userId={peer.id} size="sm" badge />} />
                <span className="pk:min-w-0 pk:flex-1">
                  <span className="pk:block pk:font-semibold">{name}</span>
                  <span className="pk:block pk:truncate pk:text-xs pk:text-presence-muted">{conversation.lastMessage?.text ?? 'No messages yet'}</span>
                </span>
                {conversation.unreadCount > 0 && (
                  <span className="pk:rounded-full pk:bg-presence-fg pk:px-1.5 pk:text-xs pk:text-presence-surface">
                    {conversation.unreadCount}
                    <span className="pk:sr-only"> unread</span>
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
