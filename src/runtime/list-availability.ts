import { isMissingEndpoint, isPresenceApiError, type PresenceBackend } from '../client'

/**
 * Whether a failed read of a list means "this user has no such list" rather than a failure worth retrying: a 403
 * (an admin-only list read by someone else) or a 404 (the backend has no such route, or it is switched off).
 *
 * @example
 * isRefusedList(new PresenceApiError(403, 'forbidden', 'admins only')) // true
 */
export function isRefusedList(error: unknown): boolean {
  return isMissingEndpoint(error) || (isPresenceApiError(error) && error.status === 403)
}

/**
 * Why a list is unavailable (see {@link isListUnavailable}), from the read's failure: `refused`, a 403 (the list
 * exists, not for this user); `missing` otherwise (none configured, no socket that sends it, a 404).
 *
 * @example
 * unavailableReason(new PresenceApiError(403, 'forbidden', 'admins only')) // 'refused'
 */
export const unavailableReason = (error: unknown): 'refused' | 'missing' =>
  isPresenceApiError(error) && error.status === 403 ? 'refused' : 'missing'

/**
 * Whether this backend gives no list of who is online to this user: no socket that sends the list (a snapshot or
 * ids), and its REST list is missing from the configuration or was refused (`error`, the last read's failure). Then
 * a card says so instead of loading forever or showing an error.
 *
 * @example
 * isListUnavailable(presets['users-heartbeat-admin'], forbidden) // true: a non-admin has no list to read
 * isListUnavailable(presets.contract, forbidden)                 // false: the socket's snapshot is the list
 */
export function isListUnavailable(backend: Pick<PresenceBackend, 'endpoints' | 'socketSends' | 'list'>, error: unknown): boolean {
  if (backend.endpoints.socket !== null && backend.socketSends !== 'changes') return false
  return backend.endpoints[backend.list] === null || isRefusedList(error)
}
