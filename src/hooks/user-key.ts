/**
 * The store key of a user id a hook was given, or `null` for nobody: `undefined`, `null`, a blank string and a
 * number that is not finite (`NaN`) name no user. Typed code cannot pass them, but untyped code (or an id read
 * before it has loaded) can, and `String(undefined)` would follow a store user whose id is "undefined".
 *
 * @internal
 */
export function userKey(userId: unknown): string | null {
  if (typeof userId === 'number') return Number.isFinite(userId) ? String(userId) : null
  if (typeof userId === 'string') return userId.trim() === '' ? null : userId
  if (typeof userId === 'bigint') return String(userId)
  return null
}
