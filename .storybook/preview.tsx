import type { Preview } from '@storybook/react-vite'
import { mswLoader } from 'msw-storybook-addon/csf3'
import '../src/styles/styles.css'
import { withDevice } from '../stories/support/frames'
import { presenceBeforeEach, presenceLoader, withPresence } from '../stories/support/presence'

const preview: Preview = {
  loaders: [mswLoader(), presenceLoader],
  beforeEach: presenceBeforeEach,
  decorators: [withPresence, withDevice],
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
    layout: 'centered',
  },
  tags: ['autodocs'],
}

export default preview
