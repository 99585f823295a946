import type { Preview } from '@storybook/react-vite'
import { mswLoader } from 'msw-storybook-addon/csf3'
import { configure } from 'storybook/test'
import { withCanvas } from '../stories/support/canvas'
import { assertCleanState } from '../stories/support/clean-state'
import { VIEWPORTS, withDevice } from '../stories/support/frames'
import { presenceBeforeEach, presenceLoader, withPresence } from '../stories/support/presence'
import { WAIT_TIMEOUT_MS } from '../stories/support/waits'
import { KitDocsContainer } from './DocsContainer'
import { KitDocsPage } from './DocsPage'
import { globalTypes, initialGlobals } from './globals'
import './preview.css'

// `findBy…` and `waitFor` wait for a state, as long as a loaded machine needs (support/waits.ts).
configure({ asyncUtilTimeout: WAIT_TIMEOUT_MS })

const preview: Preview = {
  globalTypes,
  initialGlobals,
  loaders: [mswLoader(), presenceLoader],
  beforeEach: presenceBeforeEach,
  afterEach: assertCleanState,
  // The first decorator is the innermost: the canvas's theme and direction wrap everything else.
  decorators: [withPresence, withDevice, withCanvas],
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
    docs: { container: KitDocsContainer, page: KitDocsPage },
    layout: 'centered',
    // The guides in reading order, before the components and the hooks.
    options: {
      storySort: { order: ['Introduction', 'Getting started', 'Presence protocol', 'Theming', 'Design tokens', 'Mock server', 'Components', 'Hooks'] },
    },
    viewport: { options: VIEWPORTS },
  },
  // Every story is on its component's docs page unless tagged '!autodocs'. Showcase stories (the sidebar, the docs
  // pages) end in the state their name says, with nothing focused or opened by a play function, and their play
  // functions read the words of the toolbar's language (support/messages.ts, `storyWords`), never English: the
  // `storybook-ar` project runs them in Arabic. Interaction tests are stories tagged ['!dev', '!autodocs', 'test',
  // 'interaction'] with `globals: { language: 'en' }` — hidden from the sidebar and the docs, in English whatever the
  // toolbar or VITE_STORYBOOK_LANGUAGE says, run by `npx vitest run --project storybook` (the addon's default tag
  // filter runs every story tagged 'test').
  tags: ['autodocs'],
}

export default preview
