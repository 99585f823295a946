import { chatListActivity } from './chat-list-activity'
import { chatPolling } from './chat-polling'
import { chatSocket } from './chat-socket'
import { contract } from './contract'
import { BACKEND_NAMES, type BackendMode, type BackendName } from './types'
import { userStatusSocketMode } from './user-status-socket'
import { usersHeartbeatAdmin } from './users-heartbeat-admin'

export { BACKEND_NAMES, type BackendMode, type BackendName } from './types'

export const BACKENDS: Readonly<Record<BackendName, BackendMode>> = {
  contract,
  'chat-socket': chatSocket,
  'user-status-socket': userStatusSocketMode,
  'chat-polling': chatPolling,
  'chat-list-activity': chatListActivity,
  'users-heartbeat-admin': usersHeartbeatAdmin,
}

/** The backend of that name; an unknown name is an error that lists the known ones. */
export function backendMode(name: string): BackendMode {
  if ((BACKEND_NAMES as readonly string[]).includes(name)) return BACKENDS[name as BackendName]
  throw new Error(`unknown backend "${name}"; the mock can be: ${BACKEND_NAMES.join(', ')}`)
}
