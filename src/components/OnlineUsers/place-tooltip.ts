/** The anchor's box in viewport pixels: a `DOMRect` from `getBoundingClientRect()` is one. */
export interface TooltipAnchor {
  left: number
  top: number
  width: number
  height: number
}

export interface TooltipSize {
  width: number
  height: number
}

/** Where a tooltip may go: the viewport, below `top` (the bottom of whatever it must not cover). */
export interface TooltipBoundary {
  width: number
  height: number
  top: number
}

export interface TooltipPosition {
  /** `left` and `top` of a `position: fixed` tooltip. */
  x: number
  y: number
  placement: 'top' | 'bottom'
}

/** Between the tooltip and its anchor: enough that the tooltip reads as pointing at it, not lying on it. */
export const TOOLTIP_GAP = 6
/** Kept clear at the boundary's edges, so that a tooltip never sits flush against the header or the screen's side. */
export const TOOLTIP_EDGE = 8

/**
 * Where a tile's tooltip goes: centred above its anchor, or below it when above would cross the boundary's top and
 * below crosses its bottom by less (ties stay above); then moved sideways to stay inside the boundary. The tooltip
 * never moves vertically to fit: it stays attached to its side of the anchor, overflowing the least.
 *
 * Right to left is the same geometry: the tooltip is centred either way, so there is no start or end side to mirror
 * (and no `dir` to pass).
 *
 * @example
 * // A 120 × 40 tooltip for a tile at the top of a 375 × 800 viewport, right under a header that ends at 60 px.
 * placeTooltip({ left: 20, top: 70, width: 80, height: 90 }, { width: 120, height: 40 }, { width: 375, height: 800, top: 60 })
 * // → { x: 8, y: 166, placement: 'bottom' }: no room above, and shifted off the left edge.
 */
export function placeTooltip(anchor: TooltipAnchor, tip: TooltipSize, boundary: TooltipBoundary): TooltipPosition {
  // A header scrolled above the viewport leaves the viewport's own top as the limit.
  const top = Math.max(0, boundary.top)
  const above = anchor.top - TOOLTIP_GAP - tip.height
  const below = anchor.top + anchor.height + TOOLTIP_GAP
  const overflowAbove = top + TOOLTIP_EDGE - above
  const overflowBelow = below + tip.height + TOOLTIP_EDGE - boundary.height
  // Floating UI's flip rule, which the card used before: above is preferred, and below only wins by overflowing less.
  const placement = overflowAbove > 0 && overflowBelow < overflowAbove ? 'bottom' : 'top'
  const centred = anchor.left + anchor.width / 2 - tip.width / 2
  // Math.max last: a tooltip wider than the room is pinned at the left edge (as Floating UI's shift pinned it), in
  // either direction. The card's tooltips are at most 14rem wide, so only a viewport under about 240 px gets there.
  const x = Math.max(TOOLTIP_EDGE, Math.min(centred, boundary.width - TOOLTIP_EDGE - tip.width))
  return { x, y: placement === 'top' ? above : below, placement }
}
