import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { OnlineStatusIndicator } from '../../src/components/OnlineStatusIndicator'

const meta = {
  title: 'Components/OnlineStatusIndicator',
  component: OnlineStatusIndicator,
  args: { status: 'online', size: 'md' },
} satisfies Meta<typeof OnlineStatusIndicator>

export default meta
type Story = StoryObj<typeof meta>

export const Online: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('img', { name: 'Online' })).toHaveAttribute('data-status', 'online')
  },
}
export const Away: Story = { args: { status: 'away' } }
export const DoNotDisturb: Story = { args: { status: 'dnd' } }
