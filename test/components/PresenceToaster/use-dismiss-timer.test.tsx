import { renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useDismissTimer } from '../../../src/components/PresenceToaster/use-dismiss-timer'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

const timer = (durationMs: number, paused = false) => {
  const onExpire = vi.fn()
  const hook = renderHook(({ paused }) => useDismissTimer(durationMs, paused, onExpire), { initialProps: { paused } })
  return { onExpire, ...hook }
}

describe('useDismissTimer', () => {
  it('expires once, after the duration', () => {
    const { onExpire } = timer(5_000)
    vi.advanceTimersByTime(4_999)
    expect(onExpire).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(onExpire).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(60_000)
    expect(onExpire).toHaveBeenCalledTimes(1)
  })

  it('stops the clock while paused and resumes with what was left', () => {
    const { onExpire, rerender } = timer(5_000)
    vi.advanceTimersByTime(3_000)
    rerender({ paused: true })
    expect(vi.getTimerCount()).toBe(0)
    vi.advanceTimersByTime(60_000)
    expect(onExpire).not.toHaveBeenCalled()
    rerender({ paused: false })
    vi.advanceTimersByTime(1_999)
    expect(onExpire).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(onExpire).toHaveBeenCalledTimes(1)
  })

  it('paused from the start, it waits for the whole duration once resumed', () => {
    const { onExpire, rerender } = timer(1_000, true)
    vi.advanceTimersByTime(10_000)
    rerender({ paused: false })
    vi.advanceTimersByTime(999)
    expect(onExpire).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(onExpire).toHaveBeenCalledTimes(1)
  })

  it.each([Infinity, 0, -1, Number.NaN])('never expires with a duration of %s', (duration) => {
    const { onExpire } = timer(duration)
    expect(vi.getTimerCount()).toBe(0)
    vi.advanceTimersByTime(10 ** 9)
    expect(onExpire).not.toHaveBeenCalled()
  })

  it('leaves no timer behind on unmount', () => {
    const { onExpire, unmount } = timer(5_000)
    expect(vi.getTimerCount()).toBe(1)
    unmount()
    expect(vi.getTimerCount()).toBe(0)
    vi.advanceTimersByTime(10_000)
    expect(onExpire).not.toHaveBeenCalled()
  })

  it('calls the latest callback', () => {
    const first = vi.fn()
    const second = vi.fn()
    const { rerender } = renderHook(({ onExpire }) => useDismissTimer(1_000, false, onExpire), { initialProps: { onExpire: first } })
    rerender({ onExpire: second })
    vi.advanceTimersByTime(1_000)
    expect(first).not.toHaveBeenCalled()
    expect(second).toHaveBeenCalledTimes(1)
  })
})
