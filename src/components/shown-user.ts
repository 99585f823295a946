import type { Presence } from '../index'
import { isInvisible } from '../hooks/user-key'
import { knownStatus } from './OnlineStatusIndicator'

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
 * put in the store by the app): an unknown status reads as offline, a name or message that is not text (or shows
 * nothing) as none, devices that are not a list as unknown. The record itself when it needed none of that, so that
 * memoised rows do not re-render.
 *
 * @example
 * shownUser({ ...jane, status: 'busy' as PresenceStatus }).status // 'offline'
 */
export function shownUser(user: Presence): Presence {
  const known = knownStatus(user.status) === user.status
  const username = shownText(user.username)
  const statusMessage = shownText(user.statusMessage)
  const devices = Array.isArray(user.devices) ? user.devices : undefined
  return known && username === user.username && statusMessage === user.statusMessage && devices === user.devices
    ? user
    : { ...user, ...(known ? {} : { status: 'offline', isOnline: false }), username, statusMessage, devices }
}
