import { describe, expect, it } from 'vitest'
import { formatLastSeen, lastSeenChangesAt } from '../../src/runtime'

const NOW = Date.parse('2030-06-15T12:00:00Z')
const SECOND = 1_000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

describe('formatLastSeen', () => {
  it.each([
    [0, 'just now'],
    [44 * SECOND, 'just now'],
    [45 * SECOND, '1 minute ago'],
    [2 * MINUTE + 59 * SECOND, '2 minutes ago'],
    [59 * MINUTE, '59 minutes ago'],
    [HOUR, '1 hour ago'],
    [5 * HOUR + 59 * MINUTE, '5 hours ago'],
    [DAY, 'yesterday'],
    [3 * DAY + 4 * HOUR, '3 days ago'],
    [8 * DAY, 'last week'],
    [20 * DAY, '2 weeks ago'],
    [40 * DAY, 'last month'],
    [200 * DAY, '6 months ago'],
    [400 * DAY, 'last year'],
    [3 * 365 * DAY, '3 years ago'],
  ])('%i ms ago → %s', (age, text) => {
    expect(formatLastSeen(NOW - age, NOW, 'en')).toBe(text)
  })

  it('a time in the future (clocks apart) is "just now"', () => {
    expect(formatLastSeen(NOW + 5 * MINUTE, NOW, 'en')).toBe('just now')
  })

  it('speaks the locale, its own word for "now" included', () => {
    expect(formatLastSeen(NOW - 2 * MINUTE, NOW, 'de')).toBe('vor 2 Minuten')
    expect(formatLastSeen(NOW - 26 * HOUR, NOW, 'de')).toBe('gestern')
    expect(formatLastSeen(NOW - 2 * MINUTE, NOW, 'fr')).toBe('il y a 2 minutes')
    expect(formatLastSeen(NOW - 10 * SECOND, NOW, 'fr')).toBe('maintenant')
    expect(formatLastSeen(NOW - 10 * SECOND, NOW, 'en-GB')).toBe('just now')
  })
})

describe('lastSeenChangesAt', () => {
  it('is the moment the text changes, coarser for older times', () => {
    const at = NOW - 10 * SECOND
    expect(lastSeenChangesAt(at, NOW)).toBe(at + 45 * SECOND)
    expect(lastSeenChangesAt(at, at + 45 * SECOND)).toBe(at + 2 * MINUTE)
    expect(lastSeenChangesAt(at, at + 150 * SECOND)).toBe(at + 3 * MINUTE)
    expect(lastSeenChangesAt(at, at + 59 * MINUTE)).toBe(at + HOUR)
    expect(lastSeenChangesAt(at, at + 3 * HOUR + 5 * MINUTE)).toBe(at + 4 * HOUR)
    expect(lastSeenChangesAt(at, at + 29 * DAY)).toBe(at + 30 * DAY)
  })

  it('at each change the text really changes, and not before', () => {
    const at = NOW - 3 * DAY
    let now = at
    for (let i = 0; i < 40; i++) {
      const next = lastSeenChangesAt(at, now)
      expect(next).toBeGreaterThan(now)
      expect(formatLastSeen(at, next - 1, 'en')).toBe(formatLastSeen(at, now, 'en'))
      expect(formatLastSeen(at, next, 'en')).not.toBe(formatLastSeen(at, now, 'en'))
      now = next
    }
  })
})
