// Text that shows nothing (white space, controls, zero-width and bidi marks, the braille blank) is the client's one
// rule: its readers refuse such ids and make such text `null`, and ids, names and messages that skipped them are
// read the same way here and by the components. From client/invisible, not client/fields: that module's frozen
// limits table (an Object.freeze call, which a bundler keeps) would come into a bundle of the status dot alone.
import { isInvisible } from '../client/invisible'

export { isInvisible }

/**
 * The store key of a user id a hook or component was given, or `null` for nobody: `undefined`, `null`, text that
 * shows nothing (blank, or only zero-width and bidi marks) and a number that is not finite (`NaN`) name no user.
 * Typed code cannot pass them, but untyped code (or an id read before it has loaded) can, and `String(undefined)`
 * would follow a store user whose id is "undefined". Text is trimmed because the client's reader (`readId`) trims
 * the ids it stores: `' 7 '` is user 7.
 *
 * @example
 * userKey(' 7 ') // '7'
 * userKey('\u200b') // null
 * userKey(7n) // '7'
 *
 * @internal
 */
export function userKey(userId: unknown): string | null {
  if (typeof userId === 'number') return Number.isFinite(userId) ? String(userId) : null
  if (typeof userId === 'string') {
    const id = userId.trim()
    return isInvisible(id) ? null : id
  }
  if (typeof userId === 'bigint') return String(userId)
  return null
}
