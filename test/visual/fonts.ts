/*
 * The screenshots' own fonts, shipped as npm packages: Noto Sans (Latin, Greek, Cyrillic, Vietnamese) and Noto Sans
 * Arabic, both variable (weight 100–900), and Noto Emoji for the emoji in the mock's messages (monochrome: headless
 * Chromium draws the colour emoji font's glyphs blank). Whatever fonts the machine has, every glyph in a screenshot
 * comes from these files, so a baseline drawn on one Linux machine holds on another.
 */
import '@fontsource-variable/noto-sans'
import '@fontsource-variable/noto-sans-arabic'
import '@fontsource/noto-emoji'
import { cdp } from 'vitest/browser'

/** In this order: an emoji that Noto Sans Arabic's symbol subset also claims (👍) is drawn by the emoji font. */
export const TEST_FONT_FAMILIES = ['Noto Sans Variable', 'Noto Emoji', 'Noto Sans Arabic Variable'] as const

const STACK = TEST_FONT_FAMILIES.map((family) => `'${family}'`).join(', ')

/** One sample per face and weight the components use, so that the first screenshot does not race a font load. */
const SAMPLES = [
  ['Noto Sans Variable', 'Who is online? 0123456789', [400, 500, 600, 700]],
  ['Noto Sans Arabic Variable', 'من المتصل الآن؟', [400, 500, 600, 700]],
  ['Noto Emoji', '👍🚀', [400]],
] as const

/**
 * Applies the test fonts to everything on the page (monospace too: a screenshot must not depend on the machine's
 * monospace font either) and waits until they have loaded. Throws if a face did not load: a silent fallback to a
 * system font is exactly what this guards against.
 */
export async function useTestFonts(): Promise<void> {
  const style = document.createElement('style')
  style.dataset.testFonts = ''
  style.textContent = `*, *::before, *::after { font-family: ${STACK} !important; }`
  document.head.append(style)

  for (const [family, text, weights] of SAMPLES) {
    for (const weight of weights) {
      const faces = await document.fonts.load(`${weight} 16px '${family}'`, text)
      if (faces.length === 0 || faces.some((face) => face.status !== 'loaded')) {
        throw new Error(`the test font ${family} ${weight} did not load (${faces.map((f) => f.status).join(', ') || 'no face'})`)
      }
    }
  }
  await document.fonts.ready
  for (const [family, text] of SAMPLES) {
    if (!document.fonts.check(`16px '${family}'`, text)) throw new Error(`the test font ${family} is not available`)
  }
}

/**
 * The characters of `text` that no test font covers (by the faces' `unicode-range`): they would be drawn by
 * whatever the machine has, or as a missing-glyph box.
 */
export function uncoveredCharacters(text: string): string[] {
  const ranges = [...document.fonts]
    .filter((face) => (TEST_FONT_FAMILIES as readonly string[]).includes(face.family.replace(/^["']|["']$/g, '')))
    .flatMap((face) => face.unicodeRange.split(',').map(parseRange))
  const uncovered = new Set<string>()
  for (const char of text) {
    if (/\s/.test(char)) continue
    const point = char.codePointAt(0)!
    if (!ranges.some(([from, to]) => point >= from && point <= to)) {
      uncovered.add(`U+${point.toString(16).toUpperCase().padStart(4, '0')} ${char}`)
    }
  }
  return [...uncovered]
}

function parseRange(range: string): [number, number] {
  const [from = '', to = from] = range.trim().replace(/^U\+/i, '').split('-')
  return [Number.parseInt(from, 16), Number.parseInt(to, 16)]
}

/** Every face that failed to load: a story's text can need another subset (latin-ext, say) than the samples. */
export async function assertNoFontErrors(): Promise<void> {
  await document.fonts.ready
  const failed = [...document.fonts].filter((face) => face.status === 'error')
  if (failed.length > 0) {
    throw new Error(`font faces failed to load: ${failed.map((f) => `${f.family} ${f.unicodeRange}`).join('; ')}`)
  }
}

interface PlatformFont {
  familyName: string
  postScriptName: string
  /** True for a web font (an `@font-face` file), false for one the system resolved. */
  isCustomFont: boolean
  glyphCount: number
}

interface CdpNode {
  nodeId: number
  nodeName: string
  contentDocument?: CdpNode
  children?: CdpNode[]
}

/**
 * The fonts Chromium actually drew `element`'s text with, as the DevTools protocol reports them
 * (`CSS.getPlatformFontsForNode`): the one check that sees a glyph falling back to a system font.
 */
export async function renderedFonts(element: Element): Promise<PlatformFont[]> {
  const session = cdp()
  await session.send('DOM.enable')
  await session.send('CSS.enable')
  const marker = `font-probe-${Math.random().toString(36).slice(2)}`
  element.setAttribute('data-font-probe', marker)
  try {
    const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode }
    const used = new Map<string, PlatformFont>()
    for (const document of frameDocuments(root)) {
      const { nodeIds } = (await session.send('DOM.querySelectorAll', {
        nodeId: document.nodeId,
        selector: `[data-font-probe="${marker}"], [data-font-probe="${marker}"] *`,
      })) as { nodeIds: number[] }
      for (const nodeId of nodeIds) {
        const { fonts } = (await session.send('CSS.getPlatformFontsForNode', { nodeId })) as { fonts: PlatformFont[] }
        for (const font of fonts) {
          const key = `${font.postScriptName}/${font.isCustomFont}`
          const seen = used.get(key)
          used.set(key, { ...font, glyphCount: (seen?.glyphCount ?? 0) + font.glyphCount })
        }
      }
    }
    return [...used.values()]
  } finally {
    element.removeAttribute('data-font-probe')
  }
}

function* frameDocuments(node: CdpNode): Generator<CdpNode> {
  if (node.nodeName === '#document') yield node
  if (node.contentDocument) yield* frameDocuments(node.contentDocument)
  for (const child of node.children ?? []) yield* frameDocuments(child)
}
