import type { Decorator } from '@storybook/react-vite'
import { useLayoutEffect, type ReactNode } from 'react'

export const THEMES = ['light', 'dark'] as const
export type Theme = (typeof THEMES)[number]

export const DIRECTIONS = ['ltr', 'rtl'] as const
export type Direction = (typeof DIRECTIONS)[number]

/** The shipped languages, as the provider's `locale` (withPresence hands it their messages). */
export const LANGUAGES = ['en', 'ar', 'es'] as const
export type Language = (typeof LANGUAGES)[number]

/** The toolbar's globals (.storybook/globals.ts). */
export interface CanvasGlobals {
  theme: Theme
  direction: Direction
  language: Language
}

export const DEFAULT_GLOBALS: CanvasGlobals = { theme: 'light', direction: 'ltr', language: 'en' }

const SCOPE = 'data-canvas-scope'

interface CanvasScopeProps {
  /** The kit's switch: `data-theme` and the `dark` class, as an app sets them. Inherited when left out. */
  theme?: Theme
  /** `dir` on the scope. Inherited when left out. */
  dir?: Direction
  /** `lang` on the scope: the language its words are in, for screen readers, fonts and hyphenation. Inherited when left out. */
  lang?: Language
  /**
   * True in the story view: the innermost scope also sets the document (`<html>`'s theme and `dir`), so the whole
   * canvas turns dark or flips, not a box inside it. False on a docs page, which shows many stories at once and
   * whose document the docs container owns.
   */
  ownsDocument: boolean
  /** Paints the theme's surface behind the story: a story that forces dark on a light docs page. Default false. */
  paint?: boolean
  children: ReactNode
}

/** One story root: the theme and direction the story renders in. */
export function CanvasScope({ theme, dir, lang, ownsDocument, paint = false, children }: CanvasScopeProps) {
  useLayoutEffect(() => {
    if (!ownsDocument) return
    syncDocument()
    // During the unmount the scope is still in the DOM; look again once it is gone.
    return () => queueMicrotask(syncDocument)
  }, [theme, dir, lang, ownsDocument])

  const className = [theme === 'dark' && 'dark', paint && 'pk:rounded-lg pk:bg-presence-surface pk:p-4 pk:text-presence-fg']
  return (
    <div
      {...{ [SCOPE]: ownsDocument ? 'document' : 'box' }}
      data-slot="story-root"
      data-theme={theme}
      className={className.filter(Boolean).join(' ') || undefined}
      dir={dir}
      lang={lang}
      // A wrapper that takes no part in layout: a story's width, flex and grid are its own.
      style={paint ? undefined : { display: 'contents' }}
    >
      {children}
    </div>
  )
}

/**
 * Copies the innermost document-owning scope's theme, direction and language to `<html>`. Scopes nest (the toolbar's around
 * a story's own `dark` or `rtl`) and effects run inner first, so the document is derived from the DOM, not from the
 * order in which the effects ran.
 */
function syncDocument() {
  const scopes = [...document.querySelectorAll<HTMLElement>(`[${SCOPE}="document"]`)]
  const theme = THEMES.find((value) => value === scopes.findLast((scope) => scope.dataset.theme)?.dataset.theme)
  const direction = DIRECTIONS.find((value) => value === scopes.findLast((scope) => scope.dir)?.dir)
  const language = LANGUAGES.find((value) => value === scopes.findLast((scope) => scope.lang)?.lang)
  applyTheme(document.documentElement, theme)
  applyDirection(document.documentElement, direction)
  // Storybook's own page says English; with no story, it does again.
  document.documentElement.lang = language ?? DEFAULT_GLOBALS.language
}

/** The kit's own switch on an element (`<html>` for the canvas and the docs pages): `data-theme` and `.dark`. */
export function applyTheme(root: HTMLElement, theme: Theme | undefined) {
  if (theme) root.dataset.theme = theme
  else delete root.dataset.theme
  root.classList.toggle('dark', theme === 'dark')
  root.style.colorScheme = theme ?? ''
}

export function applyDirection(root: HTMLElement, direction: Direction | undefined) {
  if (direction) root.dir = direction
  else root.removeAttribute('dir')
}

/** Reads the toolbar's globals, falling back to the defaults for a value the toolbar does not offer. */
export function canvasGlobals(globals: Record<string, unknown>): CanvasGlobals {
  const theme = THEMES.find((value) => value === globals.theme) ?? DEFAULT_GLOBALS.theme
  const direction = DIRECTIONS.find((value) => value === globals.direction) ?? DEFAULT_GLOBALS.direction
  const language = LANGUAGES.find((value) => value === globals.language) ?? DEFAULT_GLOBALS.language
  return { theme, direction, language }
}

/** Every story, in the toolbar's theme, direction and language (`lang`: the words withPresence hands the components). */
export const withCanvas: Decorator = (Story, { globals, viewMode }) => {
  const { theme, direction, language } = canvasGlobals(globals)
  return (
    <CanvasScope theme={theme} dir={direction} lang={language} ownsDocument={viewMode !== 'docs'}>
      <Story />
    </CanvasScope>
  )
}
