import { appRoutes } from './common'
import { modeResponses } from './schemas'
import type { BackendMode } from './types'

interface ContractConversation {
  id: number
  other_user: { id: number; username: string; profile_image: string; is_online: boolean }
  last_message: unknown
  unread_count: number
}

/** No socket, heartbeat or list: every authenticated request is activity; peers' `is_online` in the chat list. */
export const chatListActivity: BackendMode = {
  name: 'chat-list-activity',
  title: "no socket, no heartbeat; every request is activity; is_online of peers in GET /api/chat/conversations/",
  // A middleware moves last activity on every authenticated request; nothing ends it sooner than the TTL (the
  // login request is not authenticated yet, and logout only revokes the tokens).
  rules: { restSigns: new Set(['request']), logoutEndsPresence: false, signEndsAway: false },
  restExpires: true,
  modes: ['auto'],
  messages: false,
  socket: null,
  routes: {
    ...appRoutes,
    'POST /api/auth/logout/': {
      summary: "Revokes the session's tokens; the user stays online until the TTL after their last request.",
      responses: { 200: modeResponses.success },
    },
    'GET /api/chat/conversations/': {
      summary: "The caller's chat list, most recent first, with each peer's is_online.",
      responses: { 200: modeResponses.conversations },
      shape: (body: ContractConversation[]) =>
        body.map((c) => ({
          id: c.id,
          other_user: {
            id: c.other_user.id,
            username: c.other_user.username,
            profile_image: c.other_user.profile_image,
            is_online: c.other_user.is_online,
          },
          last_message: c.last_message,
          unread_count: c.unread_count,
        })),
    },
  },
}
