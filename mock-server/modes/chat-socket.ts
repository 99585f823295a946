import { appRoutes } from './common'
import { modeResponses } from './schemas'
import { chatIdsSocket } from './sockets'
import type { BackendMode } from './types'

/** A chat socket that carries ids only, and a details endpoint for names and pictures. */
export const chatSocket: BackendMode = {
  name: 'chat-socket',
  title: 'chat socket /ws/chat/ sending online ids; details from GET /api/chat/online-users/',
  // Online is an open socket (plus the grace period); no REST request is presence.
  rules: { restSigns: new Set(), logoutEndsPresence: true, signEndsAway: false },
  restExpires: true,
  modes: ['auto'],
  messages: false,
  socket: chatIdsSocket,
  routes: {
    ...appRoutes,
    'POST /api/auth/logout/': {
      summary: "Revokes the session's tokens and closes its sockets with 4401.",
      responses: { 200: modeResponses.success },
    },
    'GET /api/chat/online-users/': {
      summary: "Names and pictures of everyone online, the caller included: the same users as the socket's list.",
      responses: { 200: modeResponses.chatOnlineDetails },
      shape: (body: { onlineUsers: Array<{ id: number; username: string; profileImage: string }> }) => ({
        success: true,
        onlineUsers: body.onlineUsers.map((u) => ({
          id: String(u.id),
          username: u.username,
          profileImage: u.profileImage,
          isOnline: true,
        })),
      }),
    },
  },
}
