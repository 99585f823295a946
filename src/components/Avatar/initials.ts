/** Up to two letters for a name: the first letters of its first two words, else its first two letters. */
export function initials(name: string | null | undefined): string {
  const words = (name ?? '').split(/[\s_.\-@]+/u).filter(Boolean)
  if (words.length === 0) return '?'
  const letters = words.length > 1 ? [[...words[0]!][0], [...words[1]!][0]] : [...words[0]!].slice(0, 2)
  return letters.join('').toLocaleUpperCase()
}
