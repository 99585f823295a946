import { describe, expect, it } from 'vitest'
import { calendarDay, formatMessageTime, formatMessageTimeOn } from '../../../src/components/UsersList/format-time'

// Monday 15 January 2024, 16:00 UTC.
const NOW = Date.parse('2024-01-15T16:00:00Z')
const gb = { locale: 'en-GB', timeZone: 'UTC' }
const at = (iso: string) => Date.parse(iso)

describe('message times', () => {
  it('today: the time of day, in the locale’s own clock', () => {
    expect(formatMessageTime(at('2024-01-15T14:05:00Z'), NOW, gb)).toBe('14:05')
    expect(formatMessageTime(at('2024-01-15T00:00:00Z'), NOW, gb)).toBe('00:00')
    expect(formatMessageTime(at('2024-01-15T14:05:00Z'), NOW, { locale: 'en-US', timeZone: 'UTC' })).toMatch(/^2:05\sPM$/)
  })

  it('the last six days: the weekday', () => {
    expect(formatMessageTime(at('2024-01-14T23:59:00Z'), NOW, gb)).toBe('Sun')
    expect(formatMessageTime(at('2024-01-09T08:00:00Z'), NOW, gb)).toBe('Tue')
    expect(formatMessageTime(at('2024-01-09T08:00:00Z'), NOW, { locale: 'fr', timeZone: 'UTC' })).toBe('mar.')
  })

  it('earlier this year: day and month; another year: the date with the year', () => {
    expect(formatMessageTime(at('2024-01-08T08:00:00Z'), NOW, gb)).toBe('8 Jan')
    expect(formatMessageTime(at('2023-12-02T09:00:00Z'), NOW, gb)).toBe('2 Dec 2023')
    expect(formatMessageTime(at('2023-12-02T09:00:00Z'), NOW, { locale: 'en-US', timeZone: 'UTC' })).toBe('Dec 2, 2023')
  })

  it('days are calendar days in the reader’s time zone, not 24-hour spans', () => {
    // 23:30 UTC on the 15th is already the 16th in Paris, and still the 15th in New York.
    const late = at('2024-01-15T23:30:00Z')
    const nextMorning = at('2024-01-16T07:00:00Z')
    expect(formatMessageTime(late, nextMorning, { locale: 'en-GB', timeZone: 'Europe/Paris' })).toBe('00:30')
    expect(formatMessageTime(late, nextMorning, { locale: 'en-GB', timeZone: 'America/New_York' })).toBe('Mon')
    expect(calendarDay(late, 'Europe/Paris') - calendarDay(late, 'UTC')).toBe(1)
  })

  it('a time in the future (a clock ahead) reads as today', () => {
    expect(formatMessageTime(at('2024-01-17T10:00:00Z'), NOW, gb)).toBe('10:00')
  })

  it('the list computes today once and formats each row against it', () => {
    const today = calendarDay(NOW, 'UTC')
    expect(formatMessageTimeOn(at('2024-01-15T09:30:00Z'), today, gb)).toBe('09:30')
    expect(formatMessageTimeOn(at('2024-01-12T09:30:00Z'), today, gb)).toBe('Fri')
  })
})
