import { describe, expect, it } from 'vitest'
import { codePointLength, messageCount, messageLength, STATUS_MESSAGE_MAX } from '../../../src/components/StatusPicker/message-length'

describe('status message length, as the server counts it', () => {
  it('counts code points, not UTF-16 units nor graphemes', () => {
    expect(codePointLength('lunch')).toBe(5)
    expect('👍'.length).toBe(2)
    expect(codePointLength('👍')).toBe(1)
    expect(codePointLength('lunch 🍕')).toBe(7)
    // A family: three people joined by two zero-width joiners, one grapheme on screen.
    expect(codePointLength('👩‍👩‍👧')).toBe(5)
    // A flag is two regional indicators; "é" written as e + combining accent is two code points.
    expect(codePointLength('🇫🇷')).toBe(2)
    expect(codePointLength('e\u0301')).toBe(2)
    expect(codePointLength('\u00e9')).toBe(1)
    expect(codePointLength('')).toBe(0)
  })

  it('judges the trimmed text, as the server stores it', () => {
    expect(messageLength('  lunch  ')).toBe(5)
    expect(messageLength('   ')).toBe(0)
    expect(messageLength(` ${'x'.repeat(140)} `)).toBe(140)
  })

  it('is near the limit in the last ten, over it past 140', () => {
    expect(STATUS_MESSAGE_MAX).toBe(140)
    expect(messageCount('lunch')).toEqual({ length: 5, remaining: 135, state: 'ok' })
    expect(messageCount('x'.repeat(129)).state).toBe('ok')
    expect(messageCount('x'.repeat(130)).state).toBe('near')
    expect(messageCount('x'.repeat(140))).toEqual({ length: 140, remaining: 0, state: 'near' })
    expect(messageCount('x'.repeat(141))).toEqual({ length: 141, remaining: -1, state: 'over' })
    // 140 emoji are 280 UTF-16 units but within the limit.
    expect(messageCount('🍕'.repeat(140)).state).toBe('near')
    expect(messageCount('🍕'.repeat(141)).state).toBe('over')
  })
})
