'use client'
import { useCallback, useSyncExternalStore } from 'react'
import { calendarDay } from './format-time'

const onServer = () => null

/**
 * Today's {@link calendarDay} on the server's clock (the local clock plus `serverOffset`), re-rendering its
 * component once, just after midnight, when the day changes. `null` during server rendering and hydration: how a
 * message's time reads depends on the reader's time zone, which only the browser knows.
 *
 * @example
 * const today = useToday(serverOffset)
 * const time = today === null ? null : formatMessageTimeOn(sentAt, today)
 */
export function useToday(serverOffset = 0): number | null {
  const subscribe = useCallback(
    (notify: () => void) => {
      let timer: ReturnType<typeof setTimeout> | undefined
      const arm = () => {
        const now = Date.now() + serverOffset
        const midnight = new Date(now)
        midnight.setHours(24, 0, 0, 0)
        // Never more than an hour: a suspended laptop's timers run late; a wake-up that finds the same day is free.
        timer = setTimeout(() => {
          notify()
          arm()
        }, Math.min(midnight.getTime() - now + 50, 3_600_000))
      }
      arm()
      return () => clearTimeout(timer)
    },
    [serverOffset],
  )
  const getSnapshot = useCallback(() => calendarDay(Date.now() + serverOffset), [serverOffset])
  return useSyncExternalStore(subscribe, getSnapshot, onServer)
}
