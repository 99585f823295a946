import { z } from 'zod'
import type { ControlStatus } from '../backend'
import type { BackendMode, RouteShape } from './types'
import { modeResponses } from './schemas'

/** What stands for the app's own auth in every backend (its designs assume one), and the avatars the mock serves. */
export const appRoutes: Record<string, true | RouteShape> = {
  'POST /api/auth/login/': {
    summary: "The app's own login: a new session with its own token pair, and the user as the app knows them.",
    responses: { 200: modeResponses.login },
    shape: ({ access, refresh, user }) => ({
      access,
      refresh,
      user: { id: user.id, username: user.username, profile_image: user.profile_image, is_admin: user.is_admin },
    }),
  },
  'POST /api/auth/refresh/': true,
  'GET /avatars/{id}.svg': true,
}

/** The statuses `/__mock__/users/<id>/presence` takes in a backend: online and offline, and the modes it has. */
export function controlStatuses(mode: BackendMode): ControlStatus[] {
  const modes: ControlStatus[] = (['away', 'dnd', 'invisible'] as const).filter((m) => mode.modes.includes(m))
  return ['online', ...modes, 'offline']
}

/** The presence control's body in a backend: a status it does not have is a 400 that says which ones it has. */
export function controlBody(mode: BackendMode): z.ZodType {
  const statuses = controlStatuses(mode)
  return z.object({
    status: z.enum(statuses as [ControlStatus, ...ControlStatus[]], {
      error: `this backend (${mode.name}) has the statuses ${statuses.join(', ')}`,
    }),
  })
}

/** Whether a backend knows a user online only through an open socket (no REST sign of life counts). */
export const socketsOnly = (mode: BackendMode): boolean => mode.socket !== null && mode.rules.restSigns.size === 0

interface ContractAdminStatus {
  user_id: number
  username: string
  online_status: string
  last_seen: string | null
  is_online: boolean
}

/** One user's status as the backend designs have it, field for field: none of the contract's section 6 fields. */
export const designAdminStatus = (body: ContractAdminStatus) => ({
  user_id: body.user_id,
  username: body.username,
  online_status: body.online_status,
  last_seen: body.last_seen,
  is_online: body.is_online,
})
