import { z } from 'zod'
import { appRoutes } from './common'
import { modeResponses } from './schemas'
import { userStatusSocket } from './sockets'
import type { BackendMode } from './types'

interface ContractUser {
  id: number
  username: string
  profile_image: string
  is_online: boolean
  last_seen: string | null
  last_activity: string | null
}

/** A user-status socket that sends changes only (no snapshot), and the list of socket-connected users. */
export const userStatusSocketMode: BackendMode = {
  name: 'user-status-socket',
  title: 'user-status socket /ws/user-status/ sending changes only; list GET /api/users/online/',
  // `is_online` is set by a socket connecting and cleared when the last one closes (plus the grace period).
  rules: { restSigns: new Set(), logoutEndsPresence: true, signEndsAway: false },
  restExpires: true,
  modes: ['auto'],
  messages: false,
  socket: userStatusSocket,
  routes: {
    ...appRoutes,
    'POST /api/auth/logout/': {
      summary: "Revokes the session's tokens and closes its sockets with 4401.",
      responses: { 200: modeResponses.success },
    },
    'GET /api/users/online/': {
      summary: 'Everyone else connected, ordered by id (the caller excluded).',
      // No `filter`: an unknown query parameter is ignored, as a plain list view ignores it.
      query: z.object({}),
      responses: { 200: modeResponses.usersOnline },
      shape: (body: ContractUser[]) =>
        body.map((u) => ({
          id: u.id,
          username: u.username,
          profile_image: u.profile_image,
          is_online: u.is_online,
          last_seen: u.last_seen,
          last_activity: u.last_activity,
        })),
    },
  },
}
