/** The longest status message the contract accepts, in Unicode code points (not UTF-16 units, not graphemes). */
export const STATUS_MESSAGE_MAX = 140

/**
 * How many Unicode code points a text has: `'👍'` is 1 (two UTF-16 units), `'👩‍👩‍👧'` is 5 (three people and two
 * joiners), as the server counts them.
 *
 * @example
 * codePointLength('lunch 🍕') // 7
 */
export function codePointLength(text: string): number {
  let length = 0
  for (const _ of text) length++
  return length
}

/**
 * A status message's length as the server judges it: the trimmed text's code points (the server trims and stores a
 * blank message as `null`).
 *
 * @example
 * messageLength('  lunch ') // 5
 */
export function messageLength(message: string): number {
  return codePointLength(message.trim())
}

/**
 * What the counter shows of a message: its length, how many code points are left (negative when over), and
 * whether it is over the limit or near it (the last 10).
 *
 * @example
 * messageCount('lunch') // { length: 5, remaining: 135, state: 'ok' }
 */
export function messageCount(message: string, max: number = STATUS_MESSAGE_MAX) {
  const length = messageLength(message)
  const remaining = max - length
  const state: 'ok' | 'near' | 'over' = remaining < 0 ? 'over' : remaining <= 10 ? 'near' : 'ok'
  return { length, remaining, state }
}
