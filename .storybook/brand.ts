import type { ThemeVarsPartial } from 'storybook/theming'
import { parseTokens, resolveTheme } from '../stories/support/tokens'

/**
 * The kit's Storybook branding, from the kit's own tokens (the text of theme.css): the manager's theme and the docs
 * pages' light and dark themes. Colours with white text on them (the selected sidebar entry) use the light theme's
 * accent in both themes: the dark accent is made for text on a dark surface, not for white text on it.
 */
export function kitThemes(themeCss: string): Record<'light' | 'dark', ThemeVarsPartial> {
  const tokens = parseTokens(themeCss)
  const light = resolveTheme(tokens, 'light')
  const dark = resolveTheme(tokens, 'dark')
  const token = (values: Map<string, string>, name: string) => {
    const value = values.get(`color-presence-${name}`)
    if (!value) throw new Error(`theme.css has no --color-presence-${name}`)
    return value
  }
  const brand = {
    brandTitle: 'presence kit',
    brandUrl: '?path=/docs/introduction--docs',
    brandTarget: '_self',
    colorPrimary: token(light, 'card-from'),
    colorSecondary: token(light, 'accent'),
    appBorderRadius: 8,
    inputBorderRadius: 6,
  }
  return {
    light: {
      ...brand,
      base: 'light',
      brandImage: logo(token(light, 'online'), token(light, 'surface'), token(light, 'fg')),
      textColor: token(light, 'fg'),
      textMutedColor: token(light, 'muted'),
      appContentBg: token(light, 'surface'),
      appPreviewBg: token(light, 'surface'),
      appBorderColor: token(light, 'border'),
      barSelectedColor: token(light, 'accent'),
    },
    dark: {
      ...brand,
      base: 'dark',
      brandImage: logo(token(dark, 'online'), token(dark, 'surface'), token(dark, 'fg')),
      textColor: token(dark, 'fg'),
      textMutedColor: token(dark, 'muted'),
      appContentBg: token(dark, 'surface'),
      appPreviewBg: token(dark, 'surface'),
      appBorderColor: token(dark, 'border'),
      barSelectedColor: token(dark, 'accent'),
    },
  }
}

/** The kit's mark: the online dot with its surface ring, and the kit's name. */
function logo(online: string, ring: string, text: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="180" height="32" viewBox="0 0 180 32">
<circle cx="14" cy="16" r="9" fill="${online}" stroke="${ring}" stroke-width="3"/>
<circle cx="14" cy="16" r="10.5" fill="none" stroke="${text}" stroke-opacity="0.15" stroke-width="1"/>
<text x="32" y="22" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="18" font-weight="600" fill="${text}">presence kit</text>
</svg>`
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}
