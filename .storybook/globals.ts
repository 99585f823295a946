import type { GlobalTypes } from 'storybook/internal/types'
import { canvasGlobals, type CanvasGlobals } from '../stories/support/canvas'

/**
 * The toolbar: switches that apply to every story and docs page (read by `withCanvas` and the docs container).
 *
 * `language` belongs here too, with the messages catalogue (issue 12's i18n): a `language` global type with one
 * item per shipped locale, read by `withPresence` into the provider's `locale`. Until then the kit is English only
 * and the toolbar offers no language.
 */
export const globalTypes: GlobalTypes = {
  theme: {
    description: 'Light or dark: the whole canvas and the docs pages, through the kit’s own `data-theme` switch',
    toolbar: {
      title: 'Theme',
      icon: 'contrast',
      items: [
        { value: 'light', title: 'Light', icon: 'sun' },
        { value: 'dark', title: 'Dark', icon: 'moon' },
      ],
      dynamicTitle: true,
    },
  },
  direction: {
    description: 'Left to right or right to left: `dir` on the story root and the document',
    toolbar: {
      title: 'Direction',
      icon: 'transfer',
      items: [
        { value: 'ltr', title: 'Left to right', right: 'LTR' },
        { value: 'rtl', title: 'Right to left', right: 'RTL' },
      ],
      dynamicTitle: true,
    },
  },
}

/**
 * Light and left to right, unless `VITE_STORYBOOK_THEME` / `VITE_STORYBOOK_DIRECTION` say otherwise: how the story
 * tests and their axe checks run in the other theme and direction
 * (`VITE_STORYBOOK_THEME=dark VITE_STORYBOOK_DIRECTION=rtl npx vitest run --project storybook`).
 */
export const initialGlobals: CanvasGlobals = canvasGlobals({
  theme: import.meta.env.VITE_STORYBOOK_THEME,
  direction: import.meta.env.VITE_STORYBOOK_DIRECTION,
})
