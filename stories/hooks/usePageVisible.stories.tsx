import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { field } from './demos/helpers'
import { PageVisibleDemo } from './demos/SessionDemos'

const meta = {
  title: 'Hooks/usePageVisible',
  component: PageVisibleDemo,
  parameters: { presence: { as: 'john_doe' } },
} satisfies Meta<typeof PageVisibleDemo>

export default meta
type Story = StoryObj<typeof meta>

/** The story's page is visible (switch tabs and back to watch it change). */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    await expect(field(canvasElement, 'visible')).toHaveTextContent(/^true$/)
  },
}
