/**
 * The WAI-ARIA listbox keyboard model (single select, selection does not follow focus), as pure functions.
 */

/** Keys typed within this many ms of each other make one type-ahead query. */
export const TYPE_AHEAD_TIMEOUT_MS = 500

/**
 * Where a navigation key moves the active option of a list of `count` options, or `null` when the key is not a
 * navigation key. Arrows move by one and stop at the ends (no wrap, as in the APG's listbox); Home and End go to the
 * ends; PageUp and PageDown move by `pageSize` and stop at the ends. With no active option (`active` < 0), ArrowDown
 * and PageDown start at the first option, ArrowUp and PageUp at the last.
 *
 * @example
 * moveActive('ArrowDown', 3, 10, 5) // 4
 * moveActive('End', 3, 10, 5) // 9
 * moveActive('PageDown', 8, 10, 5) // 9
 * moveActive('a', 3, 10, 5) // null
 */
export function moveActive(key: string, active: number, count: number, pageSize: number): number | null {
  if (count <= 0) return null
  const last = count - 1
  const page = Math.max(1, Math.floor(pageSize))
  const none = active < 0 || active > last
  switch (key) {
    case 'ArrowDown':
      return none ? 0 : Math.min(active + 1, last)
    case 'ArrowUp':
      return none ? last : Math.max(active - 1, 0)
    case 'Home':
      return 0
    case 'End':
      return last
    case 'PageDown':
      return none ? 0 : Math.min(active + page, last)
    case 'PageUp':
      return none ? last : Math.max(active - page, 0)
    default:
      return null
  }
}

/**
 * A name as type-ahead compares it: lower case, without accents, so that "re" finds "Renée" and "ré" finds "rene".
 *
 * @example
 * typeAheadKey('Renée_Lefèvre') // 'renee_lefevre'
 */
export function typeAheadKey(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase()
}

/**
 * The type-ahead buffer: what has been typed, and when the last key came.
 *
 * @example
 * let state: TypeAheadState = { query: '', at: -Infinity }
 */
export interface TypeAheadState {
  query: string
  at: number
}

/**
 * Adds a typed character to the buffer: a key within {@link TYPE_AHEAD_TIMEOUT_MS} of the previous one extends the
 * query, a later one starts a new query.
 *
 * @example
 * let state = typeAheadStep({ query: '', at: 0 }, 'j', 1_000) // { query: 'j', at: 1000 }
 * state = typeAheadStep(state, 'a', 1_200) // { query: 'ja', at: 1200 }
 * state = typeAheadStep(state, 'm', 2_000) // { query: 'm', at: 2000 }
 */
export function typeAheadStep(state: TypeAheadState, char: string, now: number, timeoutMs = TYPE_AHEAD_TIMEOUT_MS): TypeAheadState {
  const typing = now - state.at <= timeoutMs
  return { query: (typing ? state.query : '') + typeAheadKey(char), at: now }
}

/**
 * Whether the user is in the middle of typing a query, so that Space belongs to it instead of selecting.
 *
 * @example
 * if (event.key === ' ' && isTyping(state, Date.now())) state = typeAheadStep(state, ' ', Date.now())
 */
export function isTyping(state: TypeAheadState, now: number, timeoutMs = TYPE_AHEAD_TIMEOUT_MS): boolean {
  return state.query !== '' && now - state.at <= timeoutMs
}

/**
 * The option that a type-ahead query finds in `keys` (names already passed through {@link typeAheadKey}), or -1.
 * As in the APG: a query of one character, or the same character repeated ("jjj"), cycles through the names that
 * start with it, from the option after `active`; a longer query keeps the active option while it still matches,
 * else finds the next that does. The search wraps around.
 *
 * @example
 * const keys = ['ahmad', 'jane_smith', 'john_doe', 'jose']
 * findTypeAhead(keys, 'j', 0) // 1
 * findTypeAhead(keys, 'j', 1) // 2
 * findTypeAhead(keys, 'jo', 1) // 2
 * findTypeAhead(keys, 'jjj', 3) // 1 (wrapped)
 * findTypeAhead(keys, 'x', 0) // -1
 */
export function findTypeAhead(keys: readonly string[], query: string, active: number): number {
  const count = keys.length
  if (count === 0 || query === '') return -1
  const chars = [...query]
  const repeated = chars.every((char) => char === chars[0])
  const needle = repeated ? chars[0]! : query
  const start = repeated ? active + 1 : Math.max(active, 0)
  for (let step = 0; step < count; step++) {
    const index = (((start + step) % count) + count) % count
    if (keys[index]!.startsWith(needle)) return index
  }
  return -1
}

/**
 * Whether a key event is a printable character for type-ahead (not a shortcut, not a named key like "Tab").
 *
 * @example
 * isTypeAheadKey({ key: 'j', ctrlKey: false, metaKey: false, altKey: false }) // true
 * isTypeAheadKey({ key: 'ArrowDown', ctrlKey: false, metaKey: false, altKey: false }) // false
 */
export function isTypeAheadKey(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): boolean {
  return !event.ctrlKey && !event.metaKey && !event.altKey && [...event.key].length === 1
}
