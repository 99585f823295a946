/**
 * Where the access token comes from: the token itself, `null` for none, or a function returning either, at once
 * or as a promise (an auth library that refreshes on demand). It is read again before every request and every
 * connection attempt, so a refreshed token is picked up without rebuilding anything.
 *
 * @example
 * const token: TokenSource = () => auth.getAccessToken() // string | null | Promise<string | null>
 */
export type TokenSource = string | null | undefined | (() => string | null | undefined | Promise<string | null | undefined>)

/**
 * Reads a {@link TokenSource}. Synchronous sources give a value at once, so that callers can act in the same tick;
 * asynchronous ones give a promise. An empty string counts as no token.
 *
 * @example
 * const token = await readToken(options.token)
 */
export function readToken(source: TokenSource): string | null | Promise<string | null> {
  const value = typeof source === 'function' ? source() : source
  if (typeof value === 'object' && value !== null) return Promise.resolve(value).then((token) => token || null)
  return value || null
}
