'use client'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useStore } from 'zustand'
import type { Conversation } from '../client'
import { usePresenceContext } from '../provider/PresenceContext'
import { presenceKeys, retryTransient } from './query-options'
import type { PresenceQueryResult } from './result-shapes'

/**
 * The signed-in user's conversations (`GET /api/chat/conversations/`), most recent first, as a
 * React Query result (typed as the kit's one data shape, {@link PresenceQueryResult}). Each `otherUser` carries the peer's presence as the REST answer had it; show live status
 * with `useUserStatus(conversation.otherUser.id)`, which the store keeps current (peers the store did not know are
 * added to it, so their "last seen" shows too).
 *
 * @example
 * function Inbox() {
 *   const { data = [], isPending } = useConversations()
 *   if (isPending) return <Spinner />
 *   return data.map((c) => <ConversationRow key={c.id} conversation={c} />)
 * }
 */
export function useConversations(): PresenceQueryResult<Conversation[]> {
  const { runtime, queryClient } = usePresenceContext('useConversations')
  const session = useStore(runtime.store, (state) => state.session)
  const running = useStore(runtime.store, (state) => state.lifecycle !== 'stopped')
  return useQuery(
    {
      queryKey: presenceKeys.conversations(runtime, session),
      queryFn: ({ signal }) => runtime.conversations({ signal }),
      enabled: running,
      retry: retryTransient,
      placeholderData: keepPreviousData,
    },
    queryClient,
  )
}
