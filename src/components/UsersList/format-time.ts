const DAY_MS = 86_400_000
// The range a JavaScript Date holds (ECMA-262 §21.4.1.31): outside it every Date and Intl call throws RangeError.
const MAX_TIME_MS = 8.64e15

/**
 * Whether `time` is epoch milliseconds that a `Date` can hold. Times come from a backend: one that is not must
 * show as no time, never throw out of a render.
 *
 * @example
 * isDisplayableTime(Date.parse('2024-01-15T14:05:00Z')) // true
 * isDisplayableTime(9e15) // false
 */
export function isDisplayableTime(time: unknown): time is number {
  return typeof time === 'number' && Number.isFinite(time) && Math.abs(time) <= MAX_TIME_MS
}

/**
 * Options of {@link formatMessageTime}.
 *
 * @example
 * const options: MessageTimeOptions = { locale: 'en-GB', timeZone: 'Europe/London' }
 */
export interface MessageTimeOptions {
  /** A BCP 47 locale. Default: the browser's. */
  locale?: string
  /** An IANA time zone that decides where a day starts. Default: the browser's. */
  timeZone?: string
}

const formats = new Map<string, Intl.DateTimeFormat>()

function dateFormat(locale: string | undefined, timeZone: string | undefined, kind: string, options: Intl.DateTimeFormatOptions) {
  const key = `${locale ?? ''}|${timeZone ?? ''}|${kind}`
  let format = formats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone })
    formats.set(key, format)
  }
  return format
}

/**
 * The calendar day that `time` falls on in `timeZone` (default: the browser's), as whole days since 1970-01-01:
 * two times on the same local day give the same number, and the difference of two numbers is a count of days.
 *
 * @example
 * calendarDay(Date.parse('2024-01-15T23:30:00Z'), 'UTC') // 19737
 * calendarDay(Date.parse('2024-01-15T23:30:00Z'), 'Europe/Paris') // 19738: already the 16th in Paris
 */
export function calendarDay(time: number, timeZone?: string): number {
  if (!isDisplayableTime(time)) return Number.NaN
  const parts = dateFormat('en-US', timeZone, 'parts', {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    calendar: 'gregory',
    numberingSystem: 'latn',
  }).formatToParts(time)
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value)
  return Math.round(Date.UTC(part('year'), part('month') - 1, part('day')) / DAY_MS)
}

/**
 * A message's time as a conversation list shows it, short, through `Intl.DateTimeFormat` in the reader's locale:
 * the time of day when it was sent today ("14:05", "2:05 PM" in en-US), the weekday within the last six days
 * ("Mon"), the day and month earlier this year ("12 Jan"), else a date with the year ("12 Jan 2023"). Days are
 * calendar days in `timeZone`, so 23:59 yesterday is "Sun", not a time. A time in the future (a clock ahead) reads
 * as today's.
 *
 * @example
 * const now = Date.parse('2024-01-15T16:00:00Z') // a Monday
 * formatMessageTime(Date.parse('2024-01-15T14:05:00Z'), now, { locale: 'en-GB', timeZone: 'UTC' }) // '14:05'
 * formatMessageTime(Date.parse('2024-01-13T09:00:00Z'), now, { locale: 'en-GB', timeZone: 'UTC' }) // 'Sat'
 * formatMessageTime(Date.parse('2023-12-02T09:00:00Z'), now, { locale: 'en-GB', timeZone: 'UTC' }) // '2 Dec 2023'
 */
export function formatMessageTime(sentAt: number, now: number, options: MessageTimeOptions = {}): string {
  return formatMessageTimeOn(sentAt, calendarDay(now, options.timeZone), options)
}

/**
 * {@link formatMessageTime} given today's {@link calendarDay} instead of the time now (a list computes it once).
 *
 * @example
 * formatMessageTimeOn(sentAt, calendarDay(Date.now())) // '14:05'
 */
export function formatMessageTimeOn(sentAt: number, today: number, options: MessageTimeOptions = {}): string {
  if (!isDisplayableTime(sentAt) || !Number.isFinite(today)) return ''
  const { locale, timeZone } = options
  const day = calendarDay(sentAt, timeZone)
  const age = today - day
  if (age <= 0) return dateFormat(locale, timeZone, 'time', { timeStyle: 'short' }).format(sentAt)
  if (age < 7) return dateFormat(locale, timeZone, 'weekday', { weekday: 'short' }).format(sentAt)
  const sameYear = new Date(day * DAY_MS).getUTCFullYear() === new Date(today * DAY_MS).getUTCFullYear()
  if (sameYear) return dateFormat(locale, timeZone, 'day', { day: 'numeric', month: 'short' }).format(sentAt)
  return dateFormat(locale, timeZone, 'date', { day: 'numeric', month: 'short', year: 'numeric' }).format(sentAt)
}

/**
 * The full date and time, for a tooltip next to the short form ("Monday 15 January 2024 at 14:05").
 *
 * @example
 * formatFullTime(sentAt, { locale: 'en-GB' })
 */
export function formatFullTime(sentAt: number, options: MessageTimeOptions = {}): string {
  if (!isDisplayableTime(sentAt)) return ''
  return dateFormat(options.locale, options.timeZone, 'full', { dateStyle: 'full', timeStyle: 'short' }).format(sentAt)
}
