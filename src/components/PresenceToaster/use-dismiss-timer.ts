'use client'

import { useEffect, useEffectEvent, useRef } from 'react'

/**
 * Calls `onExpire` once `durationMs` of unpaused time has passed since mount: the clock stops while `paused` and
 * resumes with what was left. A duration that is not a positive finite number (`Infinity`, `0`) never expires. The
 * duration is read on mount.
 *
 * @example
 * useDismissTimer(5_000, hovered, () => dismiss(toast.key))
 */
export function useDismissTimer(durationMs: number, paused: boolean, onExpire: () => void): void {
  // What is left of the duration; `null` once expired, or when it never expires.
  const left = useRef(durationMs > 0 && Number.isFinite(durationMs) ? durationMs : null)
  const expire = useEffectEvent(onExpire)

  useEffect(() => {
    if (paused || left.current === null) return
    const startedAt = Date.now()
    const timer = setTimeout(() => {
      left.current = null
      expire()
    }, left.current)
    return () => {
      clearTimeout(timer)
      if (left.current !== null) left.current = Math.max(0, left.current - (Date.now() - startedAt))
    }
  }, [paused])
}
