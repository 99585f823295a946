'use client'

import { useCallback, useSyncExternalStore } from 'react'
import { secondsUntil } from './banner-state'

// Ticks faster than the second it shows, so that the countdown never skips a number; the component re-renders only
// when the number changes.
const TICK_MS = 250
const onServer = () => null

/**
 * A live countdown in whole seconds to `at` (epoch ms, local clock), from one interval that runs only while `at` is
 * set; `null` when `at` is `null`, and on the server.
 *
 * @example
 * const seconds = useSecondsUntil(nextRetryAt) // 8, 7, 6, …
 */
export function useSecondsUntil(at: number | null): number | null {
  const subscribe = useCallback(
    (notify: () => void) => {
      if (at === null) return () => {}
      const timer = setInterval(notify, TICK_MS)
      return () => clearInterval(timer)
    },
    [at],
  )
  const getSnapshot = () => (at === null ? null : secondsUntil(at, Date.now()))
  return useSyncExternalStore(subscribe, getSnapshot, onServer)
}
