import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { backoffCeiling, DEFAULT_BACKOFF, fullJitterDelay } from '../../src/client'

describe('backoff', () => {
  it('the ceilings double from 1 s and stop at 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 50, 5000].map((attempt) => backoffCeiling(attempt))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000,
    ])
  })

  it('property: every delay lies within [0, min(cap, base·2^attempt)]', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 2000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 600_000 }),
        (attempt, r, baseMs, capMs) => {
          const delay = fullJitterDelay(attempt, { baseMs, capMs }, () => r)
          expect(delay).toBeGreaterThanOrEqual(0)
          expect(delay).toBeLessThanOrEqual(Math.min(capMs, baseMs * 2 ** attempt))
          expect(Number.isInteger(delay)).toBe(true)
        },
      ),
    )
  })

  it('the jitter spans the whole range (full jitter, not a margin)', () => {
    expect(fullJitterDelay(3, DEFAULT_BACKOFF, () => 0)).toBe(0)
    expect(fullJitterDelay(3, DEFAULT_BACKOFF, () => 0.5)).toBe(4000)
    expect(fullJitterDelay(3, DEFAULT_BACKOFF, () => 0.999999)).toBe(7999)
    expect(fullJitterDelay(40, DEFAULT_BACKOFF, () => 0.999999)).toBe(29999)
  })

  it('a random source out of range is clamped', () => {
    expect(fullJitterDelay(0, DEFAULT_BACKOFF, () => 7)).toBe(1000)
    expect(fullJitterDelay(0, DEFAULT_BACKOFF, () => -1)).toBe(0)
  })

  it('the real random source stays in bounds', () => {
    for (let i = 0; i < 1000; i++) {
      const delay = fullJitterDelay(i % 8)
      expect(delay).toBeGreaterThanOrEqual(0)
      expect(delay).toBeLessThanOrEqual(backoffCeiling(i % 8))
    }
  })
})
