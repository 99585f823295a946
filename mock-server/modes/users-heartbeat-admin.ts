import { appRoutes, designAdminStatus } from './common'
import { modeResponses } from './schemas'
import type { BackendMode } from './types'

interface ContractStatusUser {
  id: number
  username: string
  profile_image: string
  online_status: string
  is_online: boolean
  last_seen: string | null
}

/** No socket: a stored `online_status` set by every request, ended by logout; the online list is for admins. */
export const usersHeartbeatAdmin: BackendMode = {
  name: 'users-heartbeat-admin',
  title: 'no socket; POST /api/users/heartbeat/, online_status set by every request, admin-only online list',
  // The middleware writes `online` on every authenticated request (an `away` included) and login does too;
  // only logout or an admin writes `offline`. Nothing expires: a closed tab stays online until then.
  rules: { restSigns: new Set(['login', 'request']), logoutEndsPresence: true, signEndsAway: true },
  restExpires: false,
  modes: ['auto', 'away'],
  messages: false,
  socket: null,
  routes: {
    ...appRoutes,
    'POST /api/users/logout/': {
      summary: "Revokes the session's tokens (by bearer or by `refresh`) and sets the user offline.",
      responses: { 200: modeResponses.success },
    },
    'POST /api/users/heartbeat/': {
      summary: 'Records a heartbeat (any authenticated request does as much).',
      responses: { 200: modeResponses.heartbeat },
    },
    'GET /api/users/admin/users/online/': {
      summary: 'Admins only: everyone online or away, paginated, ordered by id.',
      responses: { 200: modeResponses.adminOnline },
      shape: (body: { online_users: ContractStatusUser[]; online_count: number; pagination: unknown }) => ({
        online_users: body.online_users.map((u) => ({
          id: u.id,
          username: u.username,
          profile_image: u.profile_image,
          online_status: u.online_status,
          is_online: u.is_online,
          last_seen: u.last_seen,
        })),
        online_count: body.online_count,
        pagination: body.pagination,
      }),
    },
    'GET /api/users/admin/users/{id}/online-status/': { responses: { 200: modeResponses.adminStatus }, shape: designAdminStatus },
    'POST /api/users/admin/users/{id}/set-online-status/': {
      summary: "Admins only: sets a user's online_status; `away` lasts until that user's next request.",
      responses: { 200: modeResponses.adminStatus },
      shape: designAdminStatus,
    },
  },
}
