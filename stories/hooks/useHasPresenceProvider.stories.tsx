import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { field } from './demos/helpers'
import { HasPresenceProviderDemo } from './demos/SessionDemos'

const meta = {
  title: 'Hooks/useHasPresenceProvider',
  component: HasPresenceProviderDemo,
} satisfies Meta<typeof HasPresenceProviderDemo>

export default meta
type Story = StoryObj<typeof meta>

/** Inside `<UserStatusProvider>`: `true`. */
export const Default: Story = {
  parameters: { presence: { as: 'john_doe' } },
  play: async ({ canvasElement }) => {
    await expect(field(canvasElement, 'inside a provider')).toHaveTextContent(/^true$/)
  },
}

/** Without a provider: `false`, and no error. */
export const WithoutProvider: Story = {
  play: async ({ canvasElement }) => {
    await expect(field(canvasElement, 'inside a provider')).toHaveTextContent(/^false$/)
  },
}
