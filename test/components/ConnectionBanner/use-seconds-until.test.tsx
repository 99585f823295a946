import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useSecondsUntil } from '../../../src/components/ConnectionBanner/use-seconds-until'

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(1_700_000_000_000)
})
afterEach(() => {
  vi.useRealTimers()
})

describe('useSecondsUntil', () => {
  it('counts down whole seconds on one interval', () => {
    const at = Date.now() + 8_000
    const seen: Array<number | null> = []
    const { result } = renderHook(() => {
      const seconds = useSecondsUntil(at)
      seen.push(seconds)
      return seconds
    })
    expect(result.current).toBe(8)
    expect(vi.getTimerCount()).toBe(1)
    for (const expected of [7, 6, 5, 4, 3, 2, 1, 0]) {
      act(() => vi.advanceTimersByTime(1_000))
      expect(result.current).toBe(expected)
    }
    expect(vi.getTimerCount()).toBe(1)
    // One render per number, not one per tick.
    expect(seen.filter((value, i) => value !== seen[i - 1])).toEqual([8, 7, 6, 5, 4, 3, 2, 1, 0])
    expect(seen.length).toBeLessThanOrEqual(9 + 2)
  })

  it('runs no timer without a time, and stops its timer on change and unmount', () => {
    const { result, rerender, unmount } = renderHook(({ at }) => useSecondsUntil(at), { initialProps: { at: null as number | null } })
    expect(result.current).toBeNull()
    expect(vi.getTimerCount()).toBe(0)
    rerender({ at: Date.now() + 3_000 })
    expect(result.current).toBe(3)
    expect(vi.getTimerCount()).toBe(1)
    rerender({ at: Date.now() + 16_000 })
    expect(result.current).toBe(16)
    expect(vi.getTimerCount()).toBe(1)
    rerender({ at: null })
    expect(vi.getTimerCount()).toBe(0)
    rerender({ at: Date.now() + 1_000 })
    unmount()
    expect(vi.getTimerCount()).toBe(0)
  })
})
