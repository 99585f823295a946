import { BACKOFF } from '../defaults'

/**
 * The shape of a backoff: the first ceiling and the largest one.
 *
 * @example
 * const slow: BackoffOptions = { baseMs: 2_000, capMs: 60_000 }
 */
export interface BackoffOptions {
  baseMs: number
  capMs: number
}

/**
 * 1 s doubling up to 30 s (issue 3).
 *
 * @example
 * fullJitterDelay(3, DEFAULT_BACKOFF) // somewhere in [0, 8000)
 */
export const DEFAULT_BACKOFF: Readonly<BackoffOptions> = BACKOFF

/**
 * The largest delay before retry number `attempt` (0 for the first retry): `min(cap, base · 2^attempt)`.
 *
 * @example
 * backoffCeiling(0) // 1000
 * backoffCeiling(10) // 30000
 */
export function backoffCeiling(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  // 2 ** 1100 is Infinity, which Math.min handles; a negative or fractional attempt is a caller's slip.
  const exponent = Math.max(0, Math.floor(attempt))
  return Math.min(options.capMs, options.baseMs * 2 ** exponent)
}

/**
 * "Full jitter" backoff (AWS Architecture Blog, 2015): a uniformly random delay in `[0, ceiling)`. Spreading the
 * whole range, not just a margin, is what stops a thousand clients dropped by one server restart from coming back
 * in lockstep.
 *
 * @example
 * fullJitterDelay(0)                  // in [0, 1000)
 * fullJitterDelay(2, undefined, () => 0.5) // 2000
 */
export function fullJitterDelay(
  attempt: number,
  options: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const r = Math.min(Math.max(random(), 0), 1)
  return Math.floor(r * backoffCeiling(attempt, options))
}
