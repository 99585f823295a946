'use client'

import { useEffect, useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react'
import { createPortal } from 'react-dom'
import { placeTooltip } from './place-tooltip'

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

/**
 * A tile's open tooltip, with `position: fixed` where the card's `overflow: hidden`, its container query (a
 * containing block of its own) and the scrolling grid cannot clip it: in the top layer (a manual popover), in the
 * tile, so that it stays inside the card's landmark and the page's for assistive tech (axe's `region`); without the
 * popover API (older browsers, jsdom, happy-dom), in a portal on `document.body`. {@link placeTooltip} puts it above
 * the tile, below it when above would cover the header or leave the viewport, and sideways to stay inside the
 * viewport.
 */
export function TileTooltip({ id, anchorRef, avoidRef, onDismiss, children }: TileTooltipProps) {
  const tipRef = useRef<HTMLSpanElement>(null)
  // Read when a tooltip opens (on hover or focus), never on the server.
  const popover = 'showPopover' in document.body
  useLayoutEffect(() => {
    const anchor = anchorRef.current
    const tip = tipRef.current
    if (!anchor || !tip) return
    if (popover) tip.showPopover()
    else {
      // The portal is outside the card: the tooltip reads in the tile's direction and language, not the body's.
      tip.dir = getComputedStyle(anchor).direction
      const lang = anchor.closest('[lang]')?.getAttribute('lang')
      if (lang) tip.lang = lang
    }
    const update = () => {
      const root = document.documentElement
      // The header's bottom is read at every update: the page's scrolling moves it.
      const boundary = { width: root.clientWidth, height: root.clientHeight, top: avoidRef.current?.getBoundingClientRect().bottom ?? 0 }
      const { x, y, placement } = placeTooltip(anchor.getBoundingClientRect(), { width: tip.offsetWidth, height: tip.offsetHeight }, boundary)
      tip.style.left = `${x}px`
      tip.style.top = `${y}px`
      tip.dataset.placement = placement
      tip.style.visibility = 'visible'
    }
    // The tile scales up on hover and focus, a transform: it moves the tile's box without resizing it, so no observer
    // sees it, and its transition is often under way already (React renders a hover after the browser has started it).
    // While the tile has a running animation, the tooltip follows it frame by frame.
    let frame = 0
    // jsdom has no getAnimations (nor animations): an app's tests in it get the placement, no loop.
    const moving = () => typeof anchor.getAnimations === 'function' && anchor.getAnimations().length > 0
    const follow = () => {
      update()
      frame = moving() ? requestAnimationFrame(follow) : 0
    }
    const onTransitionRun = () => {
      if (!frame) frame = requestAnimationFrame(follow)
    }
    // In the layout effect, before the first paint: the tooltip is never seen unplaced.
    follow()
    anchor.addEventListener('transitionrun', onTransitionRun)
    // Capture: scroll events do not bubble, and the grid scrolls as well as the page.
    const scroll = { capture: true, passive: true }
    window.addEventListener('scroll', update, scroll)
    window.addEventListener('resize', update)
    // The tip grows with its text (a relative time ticking, a name loading); the tile with the grid's columns; the
    // header with its count (its height moves the grid).
    const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(update) : null
    resize?.observe(anchor)
    resize?.observe(tip)
    if (avoidRef.current) resize?.observe(avoidRef.current)
    // Users joining or leaving before this tile move it to another cell, the same size: no resize, no scroll.
    const list = anchor.closest('ul')
    const moved = list ? new MutationObserver(update) : null
    if (list) moved?.observe(list, { childList: true })
    return () => {
      window.removeEventListener('scroll', update, scroll)
      window.removeEventListener('resize', update)
      resize?.disconnect()
      moved?.disconnect()
      cancelAnimationFrame(frame)
      anchor.removeEventListener('transitionrun', onTransitionRun)
      if (popover) tip.hidePopover()
    }
  }, [anchorRef, avoidRef, popover])
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => event.key === 'Escape' && onDismiss()
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [onDismiss])
  const tip = (
    <span
      ref={tipRef}
      role="tooltip"
      id={id}
      popover={popover ? 'manual' : undefined}
      data-slot="online-user-tooltip"
      // Hidden until placed: never a frame out of place. `inset: auto`: a popover's own `inset: 0` would keep its right
      // edge at the viewport's, which in a right-to-left tile wins over the `left` placing it.
      style={{ position: 'fixed', inset: 'auto', visibility: 'hidden' }}
      // border-0: a popover's own border (its auto margins are 0 with auto insets).
      className="pk:pointer-events-none pk:z-50 pk:flex pk:w-max pk:max-w-56 pk:flex-col pk:rounded-md pk:border-0 pk:bg-gray-950 pk:px-3 pk:py-2 pk:text-start pk:text-xs pk:leading-snug pk:text-white pk:shadow-lg pk:wrap-anywhere"
    >
      {children}
    </span>
  )
  return popover ? tip : createPortal(tip, document.body)
}
