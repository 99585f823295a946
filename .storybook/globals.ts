import type { GlobalTypes } from 'storybook/internal/types'
import { DEFAULT_GLOBALS, type CanvasGlobals } from '../stories/support/canvas'

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

export const initialGlobals: CanvasGlobals = DEFAULT_GLOBALS
