import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { dark, rtl } from '../support/frames'
import { storyWords } from '../support/messages'
import { field } from './demos/helpers'
import { RelativeTimeDemo } from './demos/SessionDemos'

const meta = {
  title: 'Hooks/useRelativeTime',
  component: RelativeTimeDemo,
  args: { minutesAgo: 5 },
  parameters: { presence: { as: 'john_doe' } },
} satisfies Meta<typeof RelativeTimeDemo>

export default meta
type Story = StoryObj<typeof meta>

/** Five minutes ago, on the server's clock, in the provider's language. */
export const Default: Story = {
  play: async ({ canvasElement, globals }) => {
    await expect(field(canvasElement, 'text')).toHaveTextContent(`"${storyWords({ globals }).ago(5 * 60_000)}"`)
  },
}

/** The same time in French. */
export const French: Story = {
  args: { locale: 'fr' },
  play: async ({ canvasElement }) => {
    await expect(field(canvasElement, 'text')).toHaveTextContent('"il y a 5 minutes"')
  },
}

export const Dark: Story = { decorators: [dark] }

export const RightToLeft: Story = { decorators: [rtl] }
