/**
 * What the keyboard checks share: a story on the page with a control after it (to Tab out to), where the focus is,
 * and whether the focused control shows a ring a sighted keyboard user can see.
 */
import { expect, onTestFinished } from 'vitest'
import { userEvent } from 'vitest/browser'
import { luminance } from '../../stories/support/tokens'

interface RunnableStory {
  run(context?: { canvasElement: HTMLElement }): Promise<void>
}

/**
 * Renders a composed story (its play function included) into a fresh element, followed by a button of the page's
 * own ("After"), so that a walk can Tab out of the component; both removed when the test ends.
 */
export async function showStory(story: RunnableStory): Promise<{ canvas: HTMLElement; after: HTMLButtonElement }> {
  const canvas = document.createElement('div')
  const after = document.createElement('button')
  after.textContent = 'After'
  document.body.append(canvas, after)
  onTestFinished(() => {
    canvas.remove()
    after.remove()
  })
  await story.run({ canvasElement: canvas })
  return { canvas, after }
}

/** Presses Tab (a real key press, through the browser) and returns what has the focus then. */
export async function tab(shift = false): Promise<Element | null> {
  await userEvent.keyboard(shift ? '{Shift>}{Tab}{/Shift}' : '{Tab}')
  return document.activeElement
}

type Rgb = [number, number, number]

/** `rgb()` / `rgba()` as channels and alpha; null for anything else. */
const rgba = (colour: string) => {
  const match = /rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:,? \/? ?([\d.]+))?\)/.exec(colour)
  return match ? { rgb: [1, 2, 3].map((i) => Number(match[i])) as Rgb, alpha: match[4] === undefined ? 1 : Number(match[4]) } : null
}
const opaque = (colour: string) => {
  const parsed = rgba(colour)
  return parsed && parsed.alpha === 1 ? parsed.rgb : null
}
const contrast = (a: Readonly<Rgb>, b: Readonly<Rgb>) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((m, n) => n - m) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}
/** `colour` as seen over `behind` (forced colours draw the outline in a translucent system colour). */
const over = (colour: { rgb: Rgb; alpha: number }, behind: Readonly<Rgb>) =>
  colour.rgb.map((channel, i) => colour.alpha * channel + (1 - colour.alpha) * behind[i]!) as Rgb

/**
 * The colours behind an element: those of the nearest box from it outwards that paints any (its background colour,
 * and every colour of a gradient it paints: the OnlineUsers card), the page's white when none does.
 */
function backdrop(element: Element): Rgb[] {
  for (let box: Element | null = element; box; box = box.parentElement) {
    const style = getComputedStyle(box)
    const colours = [style.backgroundColor, ...(style.backgroundImage.match(/rgba?\([^)]*\)/g) ?? [])].map(opaque).filter((c) => c !== null)
    if (colours.length > 0) return colours
  }
  return [[255, 255, 255]]
}

/**
 * The focus ring the focused `element` shows: its own outline, or the outline of the box that draws its ring (a
 * radio's label, `has-focus-visible`). What a keyboard user sees of it: the outline's style and width, its least
 * contrast against the colours behind the ring (WCAG 1.4.11 asks 3:1 of a focus indicator).
 */
export function focusRing(element: Element, ring: Element = element) {
  expect(element).toBe(document.activeElement)
  const style = getComputedStyle(ring)
  const colour = rgba(style.outlineColor)
  // An outline drawn outside the box (a positive offset, or none) is seen against what is around the box.
  const behind = backdrop(Number.parseFloat(style.outlineOffset) >= 0 && ring.parentElement ? ring.parentElement : ring)
  return {
    focusVisible: element.matches(':focus-visible'),
    outline: style.outlineStyle === 'none' ? 'none' : `${style.outlineStyle} ${style.outlineWidth}`,
    contrast: colour ? Math.min(...behind.map((colour2) => contrast(over(colour, colour2), colour2))) : 0,
  }
}

/** The box that draws a focused control's ring: a radio's option (its label, `has-focus-visible`), else the control. */
export const ringOf = (element: Element | null) => (element?.matches('input[type="radio"]') ? element.closest('label') : element)

/** That the focused `element` shows a solid outline of 2 px or more, at 3:1 at least against what is behind it. */
export function expectFocusRing(element: Element | null, ring: Element | null = ringOf(element)) {
  const shown = focusRing(element!, ring!)
  expect(shown.focusVisible, 'focus-visible').toBe(true)
  expect(shown.outline).toMatch(/^solid ([2-9]|\d\d)(\.\d+)?px$/)
  expect(shown.contrast).toBeGreaterThanOrEqual(3)
}
