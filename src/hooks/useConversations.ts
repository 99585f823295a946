'use client'
import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query'
import { useStore } from 'zustand'
import type { Conversation } from '../client'
import { usePresenceContext } from '../provider/PresenceContext'
import { presenceKeys, retryTransient } from './query-options'

/**
 * The signed-in user's conversations (`GET /api/chat/conversations/`, seeds 000 and 003), most recent first, as a
 * React Query result. Each `otherUser` carries the peer's presence as the REST answer had it; show live status
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
export function useConversations(): UseQueryResult<Conversation[]> {
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
