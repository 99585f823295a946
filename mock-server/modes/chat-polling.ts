import { appRoutes } from './common'
import { modeResponses } from './schemas'
import type { BackendMode } from './types'

/** No socket: a heartbeat every 2 minutes, ids polled, an explicit mark-offline. */
export const chatPolling: BackendMode = {
  name: 'chat-polling',
  title: 'no socket; POST /api/chat/heartbeat/, ids from GET /api/chat/online-users/, POST /api/chat/mark-offline/',
  // Online is last activity within the TTL, moved by the heartbeat and the login only (reading the list is not).
  // Logout only revokes the tokens: mark-offline is what ends presence, which is why the design added it.
  rules: { restSigns: new Set(['login', 'heartbeat']), logoutEndsPresence: false, signEndsAway: false },
  restExpires: true,
  modes: ['auto'],
  messages: false,
  socket: null,
  routes: {
    ...appRoutes,
    'POST /api/auth/logout/': {
      summary: "Revokes the session's tokens; the user stays online until the TTL unless marked offline first.",
      responses: { 200: modeResponses.success },
    },
    'POST /api/chat/heartbeat/': {
      summary: 'Records a heartbeat: online for the TTL from now. The body timestamp is accepted and ignored.',
      responses: { 200: modeResponses.chatHeartbeat },
      shape: () => ({ message: 'Heartbeat recorded' }),
    },
    'POST /api/chat/mark-offline/': {
      summary: 'Offline at once (last activity set to long ago).',
      responses: { 200: modeResponses.success },
      shape: () => ({ success: true }),
    },
    'GET /api/chat/online-users/': {
      summary: 'The ids of everyone online, the caller included. Not a sign of life.',
      responses: { 200: modeResponses.chatOnlineIds },
      shape: (body: { online_users: number[] }) => ({ online_users: body.online_users }),
    },
  },
}
