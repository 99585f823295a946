/*
 * The kit's design tokens, read from the text of src/styles/theme.css (never copied): the Tokens page, the manager's
 * branding and the page's test all take them from here, so a token change shows everywhere.
 */

export type TokenScope = 'light' | 'dark'

export interface Token {
  /** The theme's name, without the leading dashes and the prefix: `color-presence-online` (on the page
   *  `--pk-color-presence-online`; the dark overrides, plain CSS, spell the prefix out). */
  name: string
  value: string
  /** `light` for the base theme (`@theme`, `:root`), `dark` for the dark overrides. */
  scope: TokenScope
}

/**
 * Every custom property declared in a stylesheet, with the theme it belongs to: one inside a block whose selector
 * names "dark" is a dark override, any other belongs to the base theme. Nested blocks (`@keyframes` inside
 * `@theme`) are walked, not skipped.
 *
 * @example
 * parseTokens('@theme { --color-x: #fff; } .dark { --pk-color-x: #000; }')
 * // [{ name: 'color-x', value: '#fff', scope: 'light' }, { name: 'color-x', value: '#000', scope: 'dark' }]
 */
export function parseTokens(css: string): Token[] {
  const tokens: Token[] = []
  const selectors: string[] = []
  let text = ''
  const declare = () => {
    const match = /^--([\w-]+)\s*:\s*([\s\S]+)$/.exec(text.trim())
    if (match) {
      const scope: TokenScope = selectors.some((selector) => /dark/.test(selector)) ? 'dark' : 'light'
      tokens.push({ name: match[1]!.replace(/^pk-/, ''), value: match[2]!.replace(/\s+/g, ' ').trim(), scope })
    }
    text = ''
  }
  for (const char of css.replace(/\/\*[\s\S]*?\*\//g, '')) {
    if (char === '{') {
      selectors.push(text.trim())
      text = ''
    } else if (char === '}') {
      declare()
      selectors.pop()
    } else if (char === ';') {
      declare()
    } else {
      text += char
    }
  }
  return tokens
}

/** The value of each token in a theme: the base values, with the dark overrides on top for `dark`. */
export function resolveTheme(tokens: readonly Token[], scope: TokenScope): Map<string, string> {
  const values = new Map<string, string>()
  for (const token of tokens) if (token.scope === 'light') values.set(token.name, token.value)
  if (scope === 'dark') for (const token of tokens) if (token.scope === 'dark') values.set(token.name, token.value)
  return values
}

/** `#rgb` or `#rrggbb` as 0–255 channels; null for anything else (a `var()`, `oklch()`, a length). */
export function parseHex(value: string): [number, number, number] | null {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim())?.[1]
  if (!hex) return null
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex
  return [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16)) as [number, number, number]
}

/** WCAG 2 relative luminance of an sRGB colour. */
export function luminance([r, g, b]: readonly [number, number, number]): number {
  const linear = (channel: number) => {
    const c = channel / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/**
 * WCAG 2 contrast ratio of two colours, 1 to 21; null when either is not a hex colour.
 *
 * @example
 * contrastRatio('#ffffff', '#000000') // 21
 */
export function contrastRatio(a: string, b: string): number | null {
  const [x, y] = [parseHex(a), parseHex(b)]
  if (!x || !y) return null
  const [light, darker] = [luminance(x), luminance(y)].sort((m, n) => n - m) as [number, number]
  return (light + 0.05) / (darker + 0.05)
}
