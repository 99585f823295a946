import type { GlobalTypes } from 'storybook/internal/types'
import { canvasGlobals, type CanvasGlobals } from '../stories/support/canvas'

/**
 * The toolbar: switches that apply to every story and docs page (read by `withCanvas` and the docs container; the
 * language by `withPresence`, into the provider's `locale` and `messages`).
 *
 * Direction and language are independent switches: Arabic does not turn the canvas right to left by itself (an app
 * sets `dir` on its page, not the kit), so a designer picks Arabic and RTL, or tries Arabic in LTR on purpose.
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
  language: {
    description: 'The components’ language: the provider’s `locale` and its shipped `messages` (English, Arabic, Spanish)',
    toolbar: {
      title: 'Language',
      icon: 'globe',
      items: [
        { value: 'en', title: 'English', right: 'EN' },
        { value: 'ar', title: 'العربية (Arabic)', right: 'AR' },
        { value: 'es', title: 'Español (Spanish)', right: 'ES' },
      ],
      dynamicTitle: true,
    },
  },
}

/**
 * Light, left to right and English, unless `VITE_STORYBOOK_THEME` / `VITE_STORYBOOK_DIRECTION` /
 * `VITE_STORYBOOK_LANGUAGE` say otherwise: how the story tests and their axe checks run in the other theme, direction
 * and language (`VITE_STORYBOOK_THEME=dark VITE_STORYBOOK_DIRECTION=rtl npx vitest run --project storybook`).
 */
export const initialGlobals: CanvasGlobals = canvasGlobals({
  theme: import.meta.env.VITE_STORYBOOK_THEME,
  direction: import.meta.env.VITE_STORYBOOK_DIRECTION,
  language: import.meta.env.VITE_STORYBOOK_LANGUAGE,
})
