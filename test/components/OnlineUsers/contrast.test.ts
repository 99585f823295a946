// @vitest-environment node
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// The card's text sits on a gradient, which axe can only report as "incomplete"; so the contrast is computed here,
// from the theme's own tokens, at every point of the gradient.
const theme = readFileSync(path.resolve(import.meta.dirname, '../../../src/styles/theme.css'), 'utf8')
const token = (name: string) => {
  const match = new RegExp(`--color-presence-${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(theme)
  if (!match) throw new Error(`no --color-presence-${name} in theme.css`)
  return match[1]!
}

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))
const channel = (c: number) => {
  const s = c / 255
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
}
const luminance = ([r, g, b]: number[]) => 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!)
const contrast = (a: number[], b: number[]) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}
const mix = (a: number[], b: number[], t: number) => a.map((v, i) => v + (b[i]! - v) * t)

describe('OnlineUsers colours', () => {
  it('keeps gold text at WCAG AA (4.5:1) over the whole red → blue gradient', () => {
    const from = rgb(token('card-from'))
    const to = rgb(token('card-to'))
    for (const gold of [token('gold'), token('gold-hover')]) {
      for (let t = 0; t <= 1; t += 0.05) {
        // The radial overlay only darkens (black at up to 28 %), so the unshaded gradient is the worst case.
        expect(contrast(rgb(gold), mix(from, to, t)), `${gold} at ${Math.round(t * 100)} %`).toBeGreaterThanOrEqual(4.5)
      }
    }
  })

  it("would fail with seed 001's original red, so the test can tell", () => {
    expect(contrast(rgb(token('gold')), rgb('#dc2626'))).toBeLessThan(3)
  })
})
