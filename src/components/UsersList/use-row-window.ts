'use client'

import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'

/** One row in the DOM: its index and its top, in px from the top of the list. */
export interface WindowRow {
  index: number
  start: number
}

export interface RowWindowOptions {
  count: number
  /** Every row's height in px: rows are never measured. */
  rowHeight: number
  /** Rows rendered beyond each edge of the viewport. */
  overscan: number
  /** The viewport's height until it is measured (the first render, the server's). */
  initialHeight: number
  /** Where the list starts scrolled to, in px. */
  initialOffset: number
  /** A row kept in the DOM wherever the list is scrolled (the active option); -1 for none. */
  keep: number
}

export interface RowWindow {
  /** The rows to render, in order. */
  rows: WindowRow[]
  /** The height of all rows together. */
  totalHeight: number
  /** The viewport's height as last measured (the initial height until then). */
  viewportHeight: number
  /** Scrolls as little as needed for the row to be fully in view. */
  scrollToIndex(index: number): void
}

interface Viewport {
  top: number
  height: number
}

/**
 * Windowing for rows of one fixed height: which rows are in view (plus `overscan`, plus `keep`), from the scroll
 * element's `scrollTop` and `clientHeight`. Re-renders when the first or last row in view changes, not on every
 * scrolled pixel. (The kit's rows are never measured, so a general virtualiser's measuring, anchoring and
 * gesture handling, a quarter of the kit's bytes, would go unused.)
 *
 * @example
 * const { rows, totalHeight, scrollToIndex } = useRowWindow(scrollRef, { count, rowHeight: 72, overscan: 6, initialHeight: 480, initialOffset: 0, keep: active })
 */
export function useRowWindow(scrollRef: RefObject<HTMLElement | null>, options: RowWindowOptions): RowWindow {
  const { count, rowHeight, overscan, initialHeight, initialOffset, keep } = options
  const [viewport, setViewport] = useState<Viewport>(() => ({ top: initialOffset, height: initialHeight }))
  const shown = useRef(viewport)

  // Only what decides the window is state: the same first and last row is no render at all.
  const read = useCallback(() => {
    const element = scrollRef.current
    if (!element) return
    const next = { top: element.scrollTop, height: element.clientHeight }
    const current = shown.current
    const same =
      current.height === next.height &&
      Math.floor(current.top / rowHeight) === Math.floor(next.top / rowHeight) &&
      Math.ceil((current.top + current.height) / rowHeight) === Math.ceil((next.top + next.height) / rowHeight)
    if (same) return
    shown.current = next
    setViewport(next)
  }, [scrollRef, rowHeight])

  useEffect(() => {
    const element = scrollRef.current
    if (!element) return
    if (initialOffset > 0 && element.scrollTop === 0) element.scrollTop = initialOffset
    read()
    element.addEventListener('scroll', read, { passive: true })
    const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(read) : null
    resize?.observe(element)
    return () => {
      element.removeEventListener('scroll', read)
      resize?.disconnect()
    }
    // The initial offset applies on mount only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollRef, read])

  const scrollToIndex = useCallback(
    (index: number) => {
      const element = scrollRef.current
      if (!element || index < 0 || index >= count) return
      const top = index * rowHeight
      const height = element.clientHeight
      if (top < element.scrollTop) element.scrollTop = top
      else if (top + rowHeight > element.scrollTop + height) element.scrollTop = top + rowHeight - height
      // A scroll event follows in a browser, but not always at once (nor in every test DOM): read now.
      read()
    },
    [scrollRef, count, rowHeight, read],
  )

  const first = Math.max(0, Math.floor(viewport.top / rowHeight) - overscan)
  const last = Math.min(count - 1, Math.ceil((viewport.top + viewport.height) / rowHeight) - 1 + overscan)
  const rows: WindowRow[] = []
  if (keep >= 0 && keep < first && keep < count) rows.push({ index: keep, start: keep * rowHeight })
  for (let index = first; index <= last; index++) rows.push({ index, start: index * rowHeight })
  if (keep > last && keep < count) rows.push({ index: keep, start: keep * rowHeight })

  return { rows, totalHeight: count * rowHeight, viewportHeight: viewport.height, scrollToIndex }
}
