import type { Presence, PresenceStatus } from '../../index'
import { isInvisible } from '../Avatar/initials'

const STATUSES: Record<PresenceStatus, true> = { online: true, away: true, dnd: true, offline: true, invisible: true }
const knownStatus = (value: unknown): value is PresenceStatus => typeof value === 'string' && Object.hasOwn(STATUSES, value)

/**
 * `value` when it is text that shows something, else `null`: a blank or zero-width name is no name (the caller's
 * fallback, "User 7", shows instead), and a number or an object is no text.
 *
 * @example
 * shownText('\u200b') // null
 */
export const shownText = (value: unknown): string | null => (typeof value === 'string' && !isInvisible(value) ? value : null)

/**
 * A user record as a row or header can draw it, for data that skipped the client's readers (handed in as props, or
 * put in the store by the app): an unknown status reads as offline, a name, image or message that is not text (or
 * shows nothing) as none, devices that are not a list as unknown. The record itself when it needed none of that, so
 * that memoised rows do not re-render.
 *
 * @example
 * shownUser({ ...jane, status: 'busy' as PresenceStatus }).status // 'offline'
 */
export function shownUser(user: Presence): Presence {
  const status = knownStatus(user.status) ? user.status : 'offline'
  const username = shownText(user.username)
  const profileImage = typeof user.profileImage === 'string' ? user.profileImage : null
  const statusMessage = shownText(user.statusMessage)
  const devices = Array.isArray(user.devices) ? user.devices : undefined
  if (
    status === user.status &&
    username === user.username &&
    profileImage === user.profileImage &&
    statusMessage === user.statusMessage &&
    devices === user.devices
  ) {
    return user
  }
  const shown: { -readonly [K in keyof Presence]: Presence[K] } = { ...user, status, isOnline: status !== 'offline', username, profileImage, statusMessage }
  if (devices === undefined) delete shown.devices
  else shown.devices = devices
  return shown
}
