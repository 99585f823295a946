import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { field } from './demos/helpers'
import { ServerClockDemo } from './demos/SessionDemos'

const meta = {
  title: 'Hooks/useServerClock',
  component: ServerClockDemo,
  parameters: { presence: { as: 'john_doe' } },
} satisfies Meta<typeof ServerClockDemo>

export default meta
type Story = StoryObj<typeof meta>

/** The mock runs in this page, on this clock: the offset is (about) 0 and `now()` is the local time. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    await expect(field(canvasElement, 'offset')).toHaveTextContent(/^-?\d+$/)
    await expect(Math.abs(Number(field(canvasElement, 'offset').textContent))).toBeLessThan(1_000)
    const shown = Number(field(canvasElement, 'now() at render').querySelector('time')!.title)
    await expect(Math.abs(shown - Date.now())).toBeLessThan(60_000)
  },
}
