'use client'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useStore } from 'zustand'
import type { Conversation, PresenceApiError } from '../client'
import { usePresenceContext } from '../provider/PresenceContext'
import { presenceKeys, retryTransient } from './query-options'
import type { PresenceQueryResult } from './result-shapes'

/**
 * The signed-in user's conversations (`GET /api/chat/conversations/`), most recent first, as a
 * React Query result (typed as the kit's one data shape, {@link PresenceQueryResult}). Each `otherUser` carries the peer's presence as the REST answer had it; show live status
 * with `useUserStatus(conversation.otherUser.id)`, which the store keeps current (peers the store did not know are
 * added to it, so their "last seen" shows too).
 *
 * Where the chat list is the presence list (`chat-list-activity`), the runtime already reads it every poll period:
 * each of its reads is this query's data, a read already out is shared, and the query reads on its own only when
 * its data is more than one period old (a tab that was hidden, polls that failed) or on `refetch()`.
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
  // Whether the runtime's poll reads this same list now.
  const polled = useStore(runtime.store, (state) => state.connection.polling) && runtime.backend.list === 'conversations'
  // Every answer the runtime reads (its poll's too) is this query's data.
  useEffect(
    () => runtime.subscribeConversations((conversations) => queryClient.setQueryData(presenceKeys.conversations(runtime, session), conversations)),
    [runtime, queryClient, session],
  )
  return useQuery(
    {
      queryKey: presenceKeys.conversations(runtime, session),
      queryFn: ({ signal }) => runtime.conversations({ signal }),
      enabled: running,
      retry: retryTransient,
      // A backend without the endpoint (a 404) is not asked again on focus, reconnect or mount: only a new session.
      refetchOnWindowFocus: askAgain,
      refetchOnReconnect: askAgain,
      refetchOnMount: askAgain,
      placeholderData: keepPreviousData,
      // Fresh for one period while the poll keeps it so: no read of its own on mount, focus or reconnect.
      staleTime: polled ? runtime.backend.listIntervalMs : 0,
    },
    queryClient,
  )
}

const askAgain = (query: { state: { error: unknown } }) => !(query.state.error as Partial<PresenceApiError> | null)?.isMissingEndpoint
