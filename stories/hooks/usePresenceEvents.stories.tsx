import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { dark, rtl } from '../support/frames'
import { MockControls } from '../support/MockControls'
import { storyBackend } from '../support/presence'
import { SLOW } from './demos/helpers'
import { PresenceEventsDemo } from './demos/PresenceEventsDemo'
import { LiveHint } from './demos/Readout'

const meta = {
  title: 'Hooks/usePresenceEvents',
  component: PresenceEventsDemo,
  args: { onOnline: fn(), onOffline: fn() },
  argTypes: { userIds: { control: 'object' } },
  parameters: { presence: { as: 'john_doe' } },
  render: (args, context) => (
    <div className="pk:w-80">
      <PresenceEventsDemo {...args} />
      <LiveHint />
      <MockControls backend={storyBackend(context)} />
    </div>
  ),
} satisfies Meta<typeof PresenceEventsDemo>

export default meta
type Story = StoryObj<typeof meta>

const log = (canvasElement: HTMLElement) => within(canvasElement).getByRole('log', { name: 'Presence events' })
const lines = (canvasElement: HTMLElement) => within(log(canvasElement)).queryAllByRole('listitem').map((item) => item.textContent)

/**
 * Nothing for the first list of who is online. jane_smith comes online, goes away (not news: still online), goes
 * offline; ahmad comes online. Newest first.
 */
export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await canvas.findByText(/^Live:/, undefined, SLOW)
    await expect(lines(canvasElement)).toEqual([])

    await userEvent.click(canvas.getByRole('button', { name: 'jane_smith: Online' }))
    await waitFor(() => expect(lines(canvasElement)).toEqual(['jane_smith came online']), SLOW)
    await expect(args.onOnline).toHaveBeenCalledWith(expect.objectContaining({ id: '2', username: 'jane_smith', isOnline: true }))

    await userEvent.click(canvas.getByRole('button', { name: 'jane_smith: Away' }))
    await userEvent.click(canvas.getByRole('button', { name: 'ahmad: Online' }))
    await waitFor(() => expect(lines(canvasElement)).toEqual(['ahmad came online', 'jane_smith came online']), SLOW)

    await userEvent.click(canvas.getByRole('button', { name: 'jane_smith: Invisible' }))
    await waitFor(() => expect(lines(canvasElement)[0]).toBe('jane_smith went offline'), SLOW)
    await expect(args.onOffline).toHaveBeenCalledWith(expect.objectContaining({ id: '2', isOnline: false }))
    await expect(args.onOnline).toHaveBeenCalledTimes(2)
  },
}

/** `userIds: [2]`: jane_smith only. ahmad coming online is not logged. */
export const ChosenUsers: Story = {
  args: { userIds: [2] },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await canvas.findByText(/^Live:/, undefined, SLOW)
    await userEvent.click(canvas.getByRole('button', { name: 'ahmad: Online' }))
    await userEvent.click(canvas.getByRole('button', { name: 'jane_smith: Online' }))
    await waitFor(() => expect(lines(canvasElement)).toEqual(['jane_smith came online']), SLOW)
    await userEvent.click(canvas.getByRole('button', { name: 'ahmad: Offline' }))
    await userEvent.click(canvas.getByRole('button', { name: 'jane_smith: Invisible' }))
    await waitFor(() => expect(lines(canvasElement)).toEqual(['jane_smith went offline', 'jane_smith came online']), SLOW)
    await expect(args.onOnline).toHaveBeenCalledTimes(1)
    await expect(args.onOffline).toHaveBeenCalledTimes(1)
  },
}

/** Demo users come and go by themselves: the log fills up. */
export const Simulated: Story = {
  parameters: { presence: { simulate: { intervalMs: 300 } } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(lines(canvasElement).length).toBeGreaterThan(0), SLOW)
    await expect(lines(canvasElement)[0]).toMatch(/ (came online|went offline)$/)
  },
}

export const Dark: Story = { decorators: [dark] }

export const RightToLeft: Story = { decorators: [rtl] }
