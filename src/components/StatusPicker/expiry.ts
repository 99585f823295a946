// When a status message clears itself (contract 6.3), as Slack offers it.

/** The choices of "Clear after", in the picker's order. */
export const EXPIRY_PRESETS = ['never', '30m', '1h', 'today', 'week'] as const

/** One of {@link EXPIRY_PRESETS}. */
export type ExpiryPreset = (typeof EXPIRY_PRESETS)[number]

const MINUTE = 60_000

// The end of the day of `at` in the user's time zone, moved onto the server's clock by `offset`.
function endOfLocalDay(localNow: number, days = 0): number {
  const date = new Date(localNow)
  date.setHours(24 * (days + 1), 0, 0, 0)
  return date.getTime() - 1
}

/**
 * The expiry a preset means, on the server's clock (`serverNow`, epoch ms); `null` for never. "Today" ends at
 * local midnight, "this week" at the end of Sunday (the ISO week), both in the user's time zone.
 *
 * @example
 * expiryOf('30m', Date.parse('2024-01-15T10:00:00Z')) // Date.parse('2024-01-15T10:30:00Z')
 */
export function expiryOf(preset: ExpiryPreset, serverNow: number, offset = 0): number | null {
  switch (preset) {
    case 'never':
      return null
    case '30m':
      return serverNow + 30 * MINUTE
    case '1h':
      return serverNow + 60 * MINUTE
    case 'today':
      return endOfLocalDay(serverNow - offset) + offset
    case 'week': {
      const local = serverNow - offset
      const weekday = new Date(local).getDay() // 0 Sunday
      return endOfLocalDay(local, (7 - weekday) % 7) + offset
    }
    default:
      return preset satisfies never
  }
}

/**
 * "until 3 PM" (today), "until Fri 3 PM" (within the week) or "until Jan 20" in the user's language; `''` for a
 * time that is not a time. `offset` is the server clock minus the local one, so that a server time shows as the
 * local wall-clock time it stands for; `until` words it (default English: the catalogue's `status.until`).
 *
 * @example
 * formatUntil(Date.parse('2024-01-15T15:00:00'), Date.parse('2024-01-15T10:00:00'), 'en-US') // 'until 3:00 PM'
 */
export function formatUntil(
  at: number,
  serverNow: number,
  locale?: string | string[],
  offset = 0,
  until: (time: string) => string = (time) => `until ${time}`,
): string {
  if (!Number.isFinite(at)) return ''
  const local = at - offset
  const days = (endOfLocalDay(local) - endOfLocalDay(serverNow - offset)) / 86_400_000
  const options: Intl.DateTimeFormatOptions =
    Math.round(days) <= 0
      ? { hour: 'numeric', minute: '2-digit' }
      : days < 6.5
        ? { weekday: 'short', hour: 'numeric', minute: '2-digit' }
        : { month: 'short', day: 'numeric' }
  try {
    return until(new Intl.DateTimeFormat(locale, options).format(local))
  } catch {
    return ''
  }
}
