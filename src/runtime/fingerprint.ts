/**
 * A short, stable, non-reversible tag of a string (FNV-1a, 32 bits): names a Web Lock after a token without
 * writing the token where the developer tools show lock names.
 *
 * @example
 * fingerprint('eyJhbGciOi...') // 'a1b2c3d4'
 */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0).toString(16).padStart(8, '0')
}
