'use client'

import { autoUpdate, computePosition, flip, offset, shift, type Rect } from '@floating-ui/dom'
import { useEffect, useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react'
import { createPortal } from 'react-dom'

export interface TileTooltipProps {
  id: string
  /** The tile's button: the tooltip points at it. */
  anchorRef: RefObject<HTMLElement | null>
  /** What the tooltip never covers (the card's header). */
  avoidRef: RefObject<HTMLElement | null>
  /** Escape pressed anywhere while it is open (a tooltip opened by the pointer, the focus elsewhere). */
  onDismiss: () => void
  children: ReactNode
}

const GAP = 6
const EDGE = 8

// The part of the viewport below the card's header: where a tooltip may go. Read at every update, so that it follows
// the page's and the grid's scrolling.
function belowHeader(avoid: HTMLElement | null): Rect {
  const top = Math.max(0, avoid?.getBoundingClientRect().bottom ?? 0)
  return { x: 0, y: top, width: document.documentElement.clientWidth, height: Math.max(0, document.documentElement.clientHeight - top) }
}

/**
 * A tile's open tooltip, in a portal on `document.body` with `position: fixed`: the card's `overflow: hidden`, its
 * container query (a containing block of its own) and the scrolling grid cannot clip it. Floating UI places it above
 * the tile, flips it below when that would cover the header or leave the viewport, and shifts it sideways to stay
 * inside the viewport.
 */
export function TileTooltip({ id, anchorRef, avoidRef, onDismiss, children }: TileTooltipProps) {
  const tipRef = useRef<HTMLSpanElement>(null)
  useLayoutEffect(() => {
    const anchor = anchorRef.current
    const tip = tipRef.current
    if (!anchor || !tip) return
    // The portal is outside the card: the tooltip reads in the tile's direction and language, not the body's.
    tip.dir = getComputedStyle(anchor).direction
    const lang = anchor.closest('[lang]')?.getAttribute('lang')
    if (lang) tip.lang = lang
    const update = () =>
      void computePosition(anchor, tip, {
        strategy: 'fixed',
        placement: 'top',
        middleware: [
          offset(GAP),
          flip(() => ({ boundary: belowHeader(avoidRef.current), padding: EDGE, crossAxis: false })),
          shift(() => ({ boundary: belowHeader(avoidRef.current), padding: EDGE })),
        ],
      }).then(({ x, y, placement }) => {
        tip.style.left = `${x}px`
        tip.style.top = `${y}px`
        tip.dataset.placement = placement
        tip.style.visibility = 'visible'
      })
    return autoUpdate(anchor, tip, update)
  }, [anchorRef, avoidRef])
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => event.key === 'Escape' && onDismiss()
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [onDismiss])
  return createPortal(
    <span
      ref={tipRef}
      role="tooltip"
      id={id}
      data-slot="online-user-tooltip"
      // Hidden until placed: never a frame at the page's corner.
      style={{ position: 'fixed', top: 0, left: 0, visibility: 'hidden' }}
      className="pk:pointer-events-none pk:z-50 pk:flex pk:w-max pk:max-w-56 pk:flex-col pk:rounded-md pk:bg-gray-950 pk:px-3 pk:py-2 pk:text-start pk:text-xs pk:leading-snug pk:text-white pk:shadow-lg pk:wrap-anywhere"
    >
      {children}
    </span>,
    document.body,
  )
}
