import { isInvisible } from './invisible'

// The field readers every normaliser is made of. A backend record is untrusted input: each reader takes `unknown`
// and gives a value that the components can render as is, or `undefined` (the field reads as unknown), and never
// throws. Hand-written on purpose: a 100,000-user snapshot must parse in tens of milliseconds, and these few
// functions weigh a fraction of a schema library (see test/bench/parse.ts for both figures).

/**
 * The bounds the client holds every backend record to. Ids and image URLs past them make the id or the image
 * unusable; text past them is cut at a character boundary.
 *
 * @example
 * RECORD_LIMITS.statusMessage // 140, the contract's limit
 */
export const RECORD_LIMITS = Object.freeze({
  /** Characters of a string id (integer ids are any safe integer). */
  id: 128,
  /** Code points of a username. */
  username: 256,
  /** Code points of a status message (contract §1). */
  statusMessage: 140,
  /** Code points of a conversation's last-message preview. */
  messageText: 1000,
  /** Characters of an `http(s):`, `blob:` or same-origin image URL. */
  url: 2048,
  /** Characters of a raster `data:image/…` URL (a small inline avatar). */
  dataUrl: 65_536,
  /** Characters of a timestamp string. */
  timestamp: 64,
  /** Code points of an error's code and message. */
  errorCode: 64,
  errorMessage: 500,
})

/** The range a JavaScript `Date` holds (ECMA-262 §21.4.1.31): outside it, `toISOString` and `Intl` throw. */
export const MAX_TIME_MS = 8.64e15

// Below this a number cannot be epoch milliseconds of any date after 1973, so it is taken as epoch seconds
// (Python's `time.time()` and Unix timestamps, which Django backends sometimes send).
const SECONDS_LIMIT = 1e11

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

// JSON text can carry half a surrogate pair ("\ud83d"); such an id breaks encodeURIComponent and DOM ids.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/**
 * An id: a well-formed string of at most {@link RECORD_LIMITS}.id characters (trimmed) that shows something, or a
 * safe integer; as a string. Anything else is `undefined`: an id that shows nothing (`'\u200b'`) names nobody, as
 * the hooks' `userKey` says (it asks {@link isInvisible} too).
 *
 * @example
 * readId(5) // '5'
 * readId(' user_id_1 ') // 'user_id_1'
 * readId('\u200b') // undefined
 * readId('x'.repeat(129)) // undefined
 */
export function readId(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : undefined
  if (typeof value !== 'string' || value.length > RECORD_LIMITS.id * 4) return undefined
  const id = value.trim()
  return id.length <= RECORD_LIMITS.id && !isInvisible(id) && !LONE_SURROGATE.test(id) ? id : undefined
}

const EPOCH_TEXT = /^\s*\d+(\.\d+)?\s*$/
// The date texts that are taken: ISO 8601 (contract §3; a space for the "T" too, as Python's str() writes it) and
// an RFC 2822 / HTTP date ("Mon, 15 Jan 2024 10:30:00 GMT"). Date.parse checks the rest.
const DATE_TEXT = /^\s*([+-]?\d{4,6}-\d|([a-z]{3}, )?\d\d? [a-z]{3} \d{4})/i

/**
 * A timestamp as the backends send it: an ISO 8601 string (contract §3; an RFC 2822 date is taken too), epoch
 * milliseconds, or epoch seconds (as a number, or as text of digits).
 * Returns epoch milliseconds within what a `Date` holds, `null` for an explicit `null`, and `undefined` when the
 * value is not such a time (so that a garbled field reads as "unknown", not as "never").
 *
 * @example
 * readTime('2024-01-15T10:30:00Z') // 1705314600000
 * readTime(1705314600)             // 1705314600000
 * readTime('1705314600')           // 1705314600000
 * readTime(9e15)                   // undefined: past the year 275760
 * readTime('user 5')               // undefined: not a date (Date.parse would say 1 May 2001)
 */
export function readTime(value: unknown): number | null | undefined {
  if (value === null) return null
  if (typeof value === 'number') {
    if (!(value >= 0)) return undefined // also NaN
    const ms = Math.round(value < SECONDS_LIMIT ? value * 1000 : value)
    return ms <= MAX_TIME_MS ? ms : undefined
  }
  if (typeof value !== 'string' || value.length > RECORD_LIMITS.timestamp) return undefined
  // Epoch seconds or milliseconds sent as text ("1705314600") read as the number would.
  if (EPOCH_TEXT.test(value)) return readTime(Number(value))
  // Date.parse alone would take nearly any text for a date: V8 reads "user 5" as 1 May 2001 and "0" as 2000.
  if (!DATE_TEXT.test(value)) return undefined
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? undefined : ms
}

/**
 * `text` cut to at most `max` code points (never inside a surrogate pair), or `text` itself when it is short
 * enough.
 *
 * @example
 * clip('🚀🚀🚀', 2) // '🚀🚀'
 */
export function clip(text: string, max: number): string {
  // Fast path: UTF-16 length is at least the number of code points.
  if (text.length <= max) return text
  let end = 0
  for (let count = 0; count < max && end < text.length; count++) {
    const code = text.charCodeAt(end)
    end += code >= 0xd800 && code <= 0xdbff && end + 1 < text.length ? 2 : 1
  }
  return text.slice(0, end)
}

/**
 * Free text shown to people: a string is cut to `max` code points and is `null` when nothing of it would show;
 * `null` stays `null`; anything else is `undefined` (unknown). `report` hears about a cut.
 *
 * @example
 * readText('  lunch ', 140) // '  lunch '
 * readText('\u200b', 140) // null
 * readText(42, 140) // undefined
 */
export function readText(value: unknown, max: number, report?: Report, name = ''): string | null | undefined {
  if (value === null) return null
  if (typeof value !== 'string') return undefined
  // Cut first, so that a 10 MB string costs no more than its first `max` characters.
  const text = clip(value, max)
  if (text !== value) report?.(`${name}longer than ${max} characters: cut`)
  return isInvisible(text) ? null : text
}

/**
 * Hears why a field was fixed on the way in. Readers take it with the field's name as a prefix, so that no
 * closure is made per record (a 100,000-user snapshot makes none).
 */
export type Report = (reason: string) => void

// Controls are the point of this pattern.
// eslint-disable-next-line no-control-regex
const UNSAFE_URL_CHARACTER = /[\u0000-\u0020\u007f\\]/
const SCHEME = /^([a-z][a-z0-9+.-]*):/i
const RASTER_DATA = /^data:image\/(?:png|jpeg|gif|webp|avif)[;,]/i

/**
 * Why an image URL may not go into `<img src>`, or `null` when it may: `http:`, `https:`, `blob:`, a raster
 * `data:image/(png|jpeg|gif|webp|avif)` and paths on the page's own origin are allowed; `javascript:`, SVG `data:`
 * URLs, other schemes, protocol-relative `//host` paths, backslashes, white space and control characters, and
 * URLs longer than {@link RECORD_LIMITS}.url (`dataUrl` for `data:`) are not.
 *
 * @example
 * imageUrlProblem('https://cdn.example/2.png') // null
 * imageUrlProblem('javascript:alert(1)') // 'scheme "javascript:" is not allowed'
 */
export function imageUrlProblem(url: string): string | null {
  if (url.length > RECORD_LIMITS.dataUrl) return `longer than ${RECORD_LIMITS.dataUrl} characters`
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase()
  if (scheme === 'data') {
    if (!RASTER_DATA.test(url)) return 'only raster data:image/(png|jpeg|gif|webp|avif) URLs are allowed'
    return UNSAFE_URL_CHARACTER.test(url) ? 'white space or a control character in the URL' : null
  }
  if (url.length > RECORD_LIMITS.url) return `longer than ${RECORD_LIMITS.url} characters`
  // Browsers drop tabs and newlines inside a URL and read "\" as "/": "java\tscript:" and "/\evil.example" would
  // pass any check done on the raw text.
  if (UNSAFE_URL_CHARACTER.test(url)) return 'white space, a control character or a backslash in the URL'
  if (scheme === undefined) return url.startsWith('//') ? 'a protocol-relative URL leaves the page’s origin' : null
  if (scheme === 'http' || scheme === 'https') return /^https?:\/\/[^/?#]/i.test(url) ? null : 'no host'
  if (scheme === 'blob') return null
  return `scheme ${JSON.stringify(`${scheme}:`)} is not allowed`
}

/**
 * An image URL: an allowed one (see {@link imageUrlProblem}), `null` for `null`, blank or refused (reported), else
 * `undefined`.
 *
 * @example
 * readImageUrl('data:image/svg+xml,<svg/>', console.warn) // null, and a warning
 */
export function readImageUrl(value: unknown, report?: Report, name = ''): string | null | undefined {
  if (value === null) return null
  if (typeof value !== 'string') return undefined
  const url = value.trim()
  if (url === '') return null
  const problem = imageUrlProblem(url)
  if (problem === null) return url
  report?.(`${name}image URL refused: ${problem}`)
  return null
}

/**
 * A flag: a boolean, or 0 / 1 as some backends send booleans, or the text `"true"` / `"false"` (a form-encoded or
 * stringly typed backend); anything else is `undefined`.
 *
 * @example
 * readFlag(1) // true
 * readFlag('false') // false
 */
export function readFlag(value: unknown): boolean | undefined {
  const word = typeof value === 'string' ? value.toLowerCase() : value
  return word === true || word === 1 || word === 'true' ? true : word === false || word === 0 || word === 'false' ? false : undefined
}

/**
 * A count: a non-negative safe integer, else `undefined`.
 *
 * @example
 * readCount(3) // 3
 * readCount(-1) // undefined
 */
export function readCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined
}

/**
 * The first of `values` that is not `undefined`.
 *
 * @example
 * first(undefined, null, 2) // null
 */
export function first<T>(a: T | undefined, b?: T | undefined, c?: T | undefined, d?: T | undefined): T | undefined {
  return a !== undefined ? a : b !== undefined ? b : c !== undefined ? c : d
}

/** How many reasons one body keeps: a body of 100,000 bad records must not make 100,000 strings. */
export const MAX_ISSUES = 50

/**
 * Collects why records were dropped or fixed, keeping the first {@link MAX_ISSUES} and counting the rest.
 *
 * @example
 * const log = new IssueLog()
 * log.add('user #3: no user id')
 * log.list() // ['user #3: no user id']
 */
export class IssueLog {
  readonly #issues: string[] = []
  #more = 0

  add(reason: string): void {
    if (this.#issues.length < MAX_ISSUES) this.#issues.push(reason)
    else this.#more++
  }

  list(): string[] {
    return this.#more ? [...this.#issues, `…and ${this.#more} more`] : this.#issues
  }
}
