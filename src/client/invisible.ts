// The one rule for text that shows nothing, in a module of its own: it holds no table and runs nothing on import,
// so that the hooks (src/hooks/user-key) and the components take it without the readers' limits (client/fields).

// Characters that show nothing: white space, controls, and the default-ignorable code points (zero-width space and
// joiners, bidi marks, variation selectors, Hangul fillers, tags), plus the braille blank.
const INVISIBLE = /^[\s\p{Cc}\p{Default_Ignorable_Code_Point}\u2800]*$/u

/**
 * Whether a string would show as blank. An id, a name or a message made only of such characters is none.
 *
 * @example
 * isInvisible('\u200b\u200b') // true
 * isInvisible('🚀') // false
 */
// One regular expression, no ASCII fast path: an anchored class fails at the first visible character, so a
// 100,000-user snapshot reads as fast (`npm run bench:parse`), and the status dot's bundle stays within its 2 kB.
export const isInvisible = (text: string): boolean => INVISIBLE.test(text)
