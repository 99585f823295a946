// Characters that show nothing (white space, controls, zero-width and bidi marks, the braille blank): the client's
// readers make such text `null`; ids, names and messages that skipped them are read the same way by the hooks and
// the components. Not the client's own copy (client/fields): importing that module brings its frozen limits table
// (an Object.freeze call, which a bundler keeps) into a bundle of the status dot alone, past its 2 kB.
const INVISIBLE = /^[\s\p{Cc}\p{Default_Ignorable_Code_Point}\u2800]*$/u

/**
 * Whether `text` would show as blank.
 *
 * @example
 * isInvisible('\u200b') // true
 *
 * @internal
 */
export const isInvisible = (text: string): boolean => INVISIBLE.test(text)

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
