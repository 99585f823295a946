/*
 * The type and spacing steps the components use. The kit's theme.css defines its own sizes (dots, ring, radii); text
 * sizes and paddings are Tailwind's, so they are read from Tailwind's theme and from the components' class names.
 */
import tailwindTheme from 'tailwindcss/theme.css?raw'
import { parseTokens } from '../../support/tokens'

const sources = Object.values(
  import.meta.glob<string>('../../../src/components/**/*.tsx', { query: '?raw', import: 'default', eager: true }),
)

const tailwind = new Map(parseTokens(tailwindTheme).map((token) => [token.name, token.value]))

export interface TypeStep {
  /** The class: `text-sm`. */
  name: string
  size: string
  lineHeight: string | undefined
  /** How many times the components use it. */
  uses: number
}

const ORDER = ['xs', 'sm', 'base', 'lg', 'xl', '2xl', '3xl', '4xl', '5xl', '6xl', '7xl', '8xl', '9xl']

/** Tailwind's text sizes that appear in the components, smallest first. */
export function typeScale(): TypeStep[] {
  const counts = countMatches(/\btext-(xs|sm|base|lg|[2-9]?xl)\b/g)
  return [...counts]
    .sort(([a], [b]) => ORDER.indexOf(a) - ORDER.indexOf(b))
    .map(([step, uses]) => ({
      name: `text-${step}`,
      size: tailwind.get(`text-${step}`) ?? '?',
      lineHeight: tailwind.get(`text-${step}--line-height`),
      uses,
    }))
}

export interface SpaceStep {
  /** The multiple of Tailwind's `--spacing`: `4` for `p-4`. */
  step: number
  /** In pixels at the default 16 px root size. */
  px: number
  uses: number
}

/** Tailwind's base unit (`--spacing`, 0.25rem) in pixels. */
export const SPACING_UNIT_PX = remToPx(tailwind.get('spacing') ?? '0.25rem')

/** The padding, margin and gap steps the components use, smallest first. */
export function spacingScale(): SpaceStep[] {
  const counts = countMatches(/\b(?:-?(?:p|px|py|ps|pe|pt|pb|m|mx|my|ms|me|mt|mb|gap|gap-x|gap-y|space-x|space-y))-(\d+(?:\.\d+)?)\b/g)
  return [...counts]
    .map(([step, uses]) => ({ step: Number(step), px: Number(step) * SPACING_UNIT_PX, uses }))
    .sort((a, b) => a.step - b.step)
}

function countMatches(pattern: RegExp): Map<string, number> {
  const counts = new Map<string, number>()
  for (const source of sources) {
    for (const [, key = ''] of source.matchAll(pattern)) counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}

/** `0.25rem` → 4, `12px` → 12 (at a 16 px root). */
export function remToPx(length: string): number {
  const [, amount = 'NaN', unit = 'px'] = /^(-?[\d.]+)(rem|px)?$/.exec(length.trim()) ?? []
  return Number(amount) * (unit === 'rem' ? 16 : 1)
}
