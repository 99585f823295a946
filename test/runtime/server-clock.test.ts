import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createServerClock, tickerSize } from '../../src/runtime'
import { createPresenceStore } from '../../src/store'

const NOW = Date.parse('2030-06-15T12:00:00Z')

describe('the runtime’s server clock', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(NOW)
  })
  afterEach(() => vi.useRealTimers())

  it('reads times against the server’s now, with the offset the store holds', () => {
    const store = createPresenceStore()
    const clock = createServerClock(store)
    expect(clock.relative(NOW - 2 * 60_000, 'en')).toBe('2 minutes ago')
    store.getState().setServerOffset(60_000)
    expect(clock.offset()).toBe(60_000)
    expect(clock.relative(NOW - 2 * 60_000, 'en')).toBe('3 minutes ago')
  })

  it('wakes a watcher when its text changes, and at the new time once the offset moves', () => {
    const store = createPresenceStore()
    const clock = createServerClock(store)
    // Seen 40 s ago on the server's clock: "just now" until 45 s.
    const at = NOW - 40_000
    const texts: string[] = []
    const stop = clock.watch(at, () => texts.push(clock.relative(at, 'en')))
    // The server turns out to be 3 s ahead: the text now changes 2 s from here, not 5.
    store.getState().setServerOffset(3_000)
    expect(texts).toEqual(['just now'])
    vi.advanceTimersByTime(2_100)
    expect(texts).toEqual(['just now', '1 minute ago'])
    stop()
    expect(tickerSize()).toBe(0)
    store.getState().setServerOffset(9_000)
    expect(texts).toHaveLength(2)
  })
})
