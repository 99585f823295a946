const SECOND = 1_000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const WEEK = 7 * DAY
const MONTH = 30 * DAY
const YEAR = 365 * DAY

/**
 * Below this age, "just now".
 *
 * @example
 * const fresh = Date.now() + offset - lastSeen < JUST_NOW_MS
 */
export const JUST_NOW_MS = 45 * SECOND

type Unit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year'

// Each step: up to which age it applies, its unit. Counts are whole units elapsed (floored): "2 minutes ago"
// means at least two and less than three, as chat apps say it.
const STEPS: ReadonlyArray<readonly [below: number, unit: Unit, size: number]> = [
  [HOUR, 'minute', MINUTE],
  [DAY, 'hour', HOUR],
  [WEEK, 'day', DAY],
  [MONTH, 'week', WEEK],
  [YEAR, 'month', MONTH],
  [Infinity, 'year', YEAR],
]

const formats = new Map<string, Intl.RelativeTimeFormat>()

function relativeFormat(locale: string | undefined): Intl.RelativeTimeFormat {
  const key = locale ?? ''
  let format = formats.get(key)
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
    formats.set(key, format)
  }
  return format
}

/**
 * "Last seen" as relative text, through `Intl.RelativeTimeFormat` with `numeric: 'auto'` ("yesterday", "last
 * week"). The rule, with the age `now − lastSeen` (a time in the future counts as 0):
 *
 * - under 45 s: "just now" in English; in other languages the locale's own word for "now" ("jetzt", "maintenant");
 * - under an hour: whole minutes, at least 1 ("1 minute ago" from 45 s);
 * - under a day: whole hours; under a week: whole days ("yesterday"); under 30 days: whole weeks; under 365 days:
 *   whole 30-day months; then whole 365-day years.
 *
 * Both times must be on the same clock: pass the server's now (`Date.now() + serverOffset`) for a server's
 * `lastSeen`, so that a client whose clock is wrong still says "2 minutes ago".
 *
 * @example
 * formatLastSeen(now - 2 * 60_000, now) // '2 minutes ago'
 * formatLastSeen(now - 10_000, now) // 'just now'
 * formatLastSeen(now - 26 * 3_600_000, now, 'de') // 'gestern'
 */
export function formatLastSeen(lastSeen: number, now: number, locale?: string): string {
  const age = Math.max(0, now - lastSeen)
  // NaN or an infinity (data that skipped the client's readers) has no text; Intl would throw out of a render.
  if (!Number.isFinite(age)) return ''
  const format = relativeFormat(locale)
  if (age < JUST_NOW_MS) {
    const language = format.resolvedOptions().locale.split('-')[0]
    return language === 'en' ? 'just now' : format.format(0, 'second')
  }
  for (const [below, unit, size] of STEPS) {
    if (age < below) return format.format(-Math.max(1, Math.floor(age / size)), unit)
  }
  // Unreachable: the last step is unbounded.
  return format.format(-Math.floor(age / YEAR), 'year')
}

/**
 * When the text of {@link formatLastSeen} for `lastSeen` next changes, on the same clock as `lastSeen` and `now`:
 * the next whole unit, or the next step. A ticker sleeps until then, so old times wake it rarely.
 *
 * @example
 * lastSeenChangesAt(t, t + 10_000) // t + 45_000: from "just now" to "1 minute ago"
 * lastSeenChangesAt(t, t + 150_000) // t + 180_000: from "2 minutes ago" to "3 minutes ago"
 */
export function lastSeenChangesAt(lastSeen: number, now: number): number {
  const age = Math.max(0, now - lastSeen)
  if (age < JUST_NOW_MS) return lastSeen + JUST_NOW_MS
  for (const [below, , size] of STEPS) {
    if (age < below) return lastSeen + Math.min(below, (Math.max(1, Math.floor(age / size)) + 1) * size)
  }
  return lastSeen + (Math.floor(age / YEAR) + 1) * YEAR
}
