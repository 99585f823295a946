import { isInvisible } from '../../hooks/user-key'

const SEPARATORS = /[\s_.\-@]+/u

// Letters as a reader sees them: a flag, a family emoji or a letter with its accent is one, not two halves.
const segmenter = typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null

// The visible letters of a word: zero-width, control and bidi characters show nothing and are left out.
function letters(word: string): string[] {
  const all = segmenter ? Array.from(segmenter.segment(word), (part) => part.segment) : [...word]
  return all.filter((letter) => !isInvisible(letter))
}

/**
 * Up to two letters for a name: the first letters of its first two words, else its first two letters; `?` for a
 * name with nothing visible in it (none, blank, zero-width characters only), or one that is not text at all.
 */
export function initials(name: string | null | undefined): string {
  // Data that skipped the client's readers may hold anything here: a number still gives its digits.
  const text = typeof name === 'string' ? name : typeof name === 'number' && Number.isFinite(name) ? String(name) : ''
  const words = text
    .split(SEPARATORS)
    .map(letters)
    .filter((word) => word.length > 0)
  if (words.length === 0) return '?'
  const picked = words.length > 1 ? [words[0]![0], words[1]![0]] : words[0]!.slice(0, 2)
  return picked.join('').toLocaleUpperCase()
}
