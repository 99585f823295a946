import { DocsContainer, type DocsContainerProps } from '@storybook/addon-docs/blocks'
import { useEffect, useState, type PropsWithChildren } from 'react'
import { GLOBALS_UPDATED } from 'storybook/internal/core-events'
import { create } from 'storybook/theming'
import themeCss from '../src/styles/theme.css?raw'
import { applyTheme, canvasGlobals, type Theme } from '../stories/support/canvas'
import { kitThemes } from './brand'

const themes = { light: create(kitThemes(themeCss).light), dark: create(kitThemes(themeCss).dark) }

/** The docs context's store holds the globals; it is not part of the context's public type. */
type WithGlobals = { store?: { userGlobals?: { get(): Record<string, unknown> } } }

/**
 * Docs pages in the toolbar's theme: the page's own colours (Storybook's docs theme, branded from the kit's tokens)
 * and the kit's `data-theme` switch on the document, so every story on the page turns dark with it. The prose stays
 * left to right in either direction: it is English; the stories on the page follow the direction.
 */
export function KitDocsContainer({ context, children }: PropsWithChildren<DocsContainerProps>) {
  const [theme, setTheme] = useState<Theme>(
    () => canvasGlobals((context as unknown as WithGlobals).store?.userGlobals?.get() ?? {}).theme,
  )
  useEffect(() => {
    const update = ({ globals }: { globals: Record<string, unknown> }) => setTheme(canvasGlobals(globals).theme)
    context.channel.on(GLOBALS_UPDATED, update)
    return () => context.channel.off(GLOBALS_UPDATED, update)
  }, [context.channel])
  useEffect(() => applyTheme(document.documentElement, theme), [theme])

  return (
    <DocsContainer context={context} theme={themes[theme]}>
      {children}
    </DocsContainer>
  )
}
