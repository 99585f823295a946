// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { placeTooltip, TOOLTIP_EDGE, TOOLTIP_GAP } from '../../../src/components/OnlineUsers/place-tooltip'

// A phone-sized viewport under a card header that ends at 100 px; a 100 × 90 tile and a 120 × 40 tooltip.
const viewport = { width: 375, height: 800, top: 100 }
const tip = { width: 120, height: 40 }
const tile = (left: number, top: number) => ({ left, top, width: 100, height: 90 })

describe('placeTooltip', () => {
  it('puts the tooltip centred above the tile, 6 px away, when there is room', () => {
    expect(placeTooltip(tile(130, 300), tip, viewport)).toEqual({ x: 130 + 50 - 60, y: 300 - TOOLTIP_GAP - 40, placement: 'top' })
  })

  it('stays above when it ends exactly 8 px below the header', () => {
    const top = viewport.top + TOOLTIP_EDGE + tip.height + TOOLTIP_GAP
    expect(placeTooltip(tile(130, top), tip, viewport).placement).toBe('top')
    expect(placeTooltip(tile(130, top - 1), tip, viewport).placement).toBe('bottom')
  })

  it('flips below the tile (6 px away) when above would cover the header', () => {
    // Above, the tooltip would start at 110 - 46 = 64 px: over the header, which ends at 100.
    expect(placeTooltip(tile(130, 110), tip, viewport)).toEqual({ x: 120, y: 110 + 90 + TOOLTIP_GAP, placement: 'bottom' })
  })

  it('flips below at the viewport top, when the header has scrolled out of view', () => {
    const scrolled = { ...viewport, top: -250 }
    // 8 px of room above the tooltip at the viewport's own top (not at the header's -250): 50 - 46 = 4 < 8.
    expect(placeTooltip(tile(130, 50), tip, scrolled)).toMatchObject({ y: 146, placement: 'bottom' })
    expect(placeTooltip(tile(130, 60), tip, scrolled)).toMatchObject({ y: 14, placement: 'top' })
  })

  it('stays above when below has even less room', () => {
    // A landscape phone: the header ends at 40 px; above, the tooltip crosses its 8 px padding by 48 - 14 = 34 px.
    const anchor = { left: 130, top: 60, width: 100, height: 60 }
    // 150 px high: below crosses the bottom by 126 + 48 - 150 = 24 px, less than 34: below.
    expect(placeTooltip(anchor, tip, { width: 375, height: 150, top: 40 })).toMatchObject({ y: 126, placement: 'bottom' })
    // 130 px high: below would cross it by 44 px, more than 34: above, overflowing the least.
    expect(placeTooltip(anchor, tip, { width: 375, height: 130, top: 40 })).toEqual({ x: 120, y: 14, placement: 'top' })
  })

  it('stays above when both sides cross by the same amount', () => {
    // Above: 108 - 54 = 54 px over; below: 100 + 8 + 46 + 8 - 108 = 54 px over.
    expect(placeTooltip({ left: 130, top: 100, width: 100, height: 8 }, tip, { width: 375, height: 108, top: 100 }).placement).toBe('top')
  })

  it('shifts right to keep 8 px from the viewport’s left edge', () => {
    // Centred, it would start at 0 - 10 = -10 px.
    expect(placeTooltip(tile(0, 300), tip, viewport)).toMatchObject({ x: TOOLTIP_EDGE, y: 254, placement: 'top' })
  })

  it('shifts left to keep 8 px from the viewport’s right edge', () => {
    // Centred, it would end at 275 + 50 + 60 = 385 px, past 375.
    expect(placeTooltip(tile(275, 300), tip, viewport)).toMatchObject({ x: 375 - TOOLTIP_EDGE - 120, placement: 'top' })
  })

  it('pins a tooltip wider than the viewport’s room at 8 px from the left', () => {
    const wide = { width: 370, height: 40 }
    expect(placeTooltip(tile(130, 300), wide, viewport).x).toBe(TOOLTIP_EDGE)
    expect(placeTooltip(tile(275, 300), wide, viewport).x).toBe(TOOLTIP_EDGE)
  })

  it('keeps the vertical position it was placed at while shifting', () => {
    expect(placeTooltip(tile(0, 110), tip, viewport).y).toBe(placeTooltip(tile(130, 110), tip, viewport).y)
  })

  it('is the same geometry right to left: a mirrored tile gets a mirrored tooltip', () => {
    // The right to left grid puts the first tile where the last one is left to right: the tooltip mirrors with it.
    for (const left of [0, 40, 130, 200, 275]) {
      const ltr = placeTooltip(tile(left, 110), tip, viewport)
      const rtl = placeTooltip(tile(viewport.width - left - 100, 110), tip, viewport)
      expect(rtl).toEqual({ ...ltr, x: viewport.width - ltr.x - tip.width })
    }
  })
})
