import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor } from 'storybook/test'
import { dark } from '../support/frames'
import { storyBackend } from '../support/presence'
import { field, SLOW } from './demos/helpers'
import { IsOnlineManyDemo } from './demos/SessionDemos'

const meta = {
  title: 'Hooks/useIsOnlineMany',
  component: IsOnlineManyDemo,
  args: { userIds: [2, 4, 5, 99] },
  parameters: { presence: { as: 'john_doe' } },
} satisfies Meta<typeof IsOnlineManyDemo>

export default meta
type Story = StoryObj<typeof meta>

/** maria_garcia is online and li_wei away (both `true`); jane_smith comes online; 99 is nobody the kit knows (`null`). */
export const Default: Story = {
  play: async (context) => {
    const { canvasElement } = context
    await waitFor(() => expect(field(canvasElement, 'user 4')).toHaveTextContent(/^true$/), SLOW)
    await expect(field(canvasElement, 'user 5')).toHaveTextContent(/^true$/)
    await expect(field(canvasElement, 'user 99')).toHaveTextContent(/^null$/)
    storyBackend(context).applyPresence(2, 'online')
    await waitFor(() => expect(field(canvasElement, 'user 2')).toHaveTextContent(/^true$/), SLOW)
  },
}

export const Dark: Story = { decorators: [dark] }
