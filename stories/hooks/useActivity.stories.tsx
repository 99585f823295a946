import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite'
import { http, HttpResponse } from 'msw'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { dark, rtl } from '../support/frames'
import { MockControls } from '../support/MockControls'
import { storyBackend, storyOrigin } from '../support/presence'
import { ActivityDemo } from './demos/ActivityDemo'
import { addHandlers, field, fromStory, SLOW } from './demos/helpers'
import { LiveHint } from './demos/Readout'

const meta = {
  title: 'Hooks/useActivity',
  component: ActivityDemo,
  args: { limit: 50, filter: 'all', refetchDelayMs: 1_000 },
  argTypes: {
    filter: { control: 'inline-radio', options: ['all', 'friends'] },
    limit: { control: { type: 'number', min: 1, max: 200 } },
    refetchDelayMs: { control: { type: 'number', min: 0, step: 250 } },
  },
  parameters: { presence: { as: 'john_doe' } },
  render: (args, context) => (
    <div className="pk:w-80">
      <ActivityDemo {...args} />
      <LiveHint />
      <MockControls backend={storyBackend(context)} />
    </div>
  ),
} satisfies Meta<typeof ActivityDemo>

export default meta
type Story = StoryObj<typeof meta>

const entries = (canvasElement: HTMLElement) =>
  within(within(canvasElement).getByRole('list', { name: 'Activity' })).queryAllByRole('listitem')

/** Waits for the first timeline and for the provider's first list of who is online; returns how many entries. */
async function ready(canvasElement: HTMLElement) {
  await waitFor(() => expect(field(canvasElement, 'isPending')).toHaveTextContent('false'), SLOW)
  await within(canvasElement).findByText(/^Live:/, undefined, SLOW)
  await waitFor(() => expect(field(canvasElement, 'isFetching')).toHaveTextContent('false'), SLOW)
  return entries(canvasElement).length
}

/** The timeline grows with each change: jane_smith comes online, then ahmad is busy; newest first. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const before = await ready(canvasElement)
    await expect(before).toBeGreaterThan(0)

    await userEvent.click(canvas.getByRole('button', { name: 'jane_smith: Online' }))
    await waitFor(() => expect(entries(canvasElement)).toHaveLength(before + 1), SLOW)
    await expect(entries(canvasElement)[0]).toHaveTextContent('jane_smith came online')

    await userEvent.click(canvas.getByRole('button', { name: 'ahmad: Do not disturb' }))
    await waitFor(() => expect(entries(canvasElement)[0]).toHaveTextContent('ahmad is busy'), SLOW)
    await expect(entries(canvasElement)[0]).toHaveAttribute('data-event', 'dnd')
  },
}

/** `limit: 3`: the three newest entries, however many changes come. */
export const Limited: Story = {
  args: { limit: 3 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await ready(canvasElement)
    await expect(entries(canvasElement).length).toBeLessThanOrEqual(3)
    await userEvent.click(canvas.getByRole('button', { name: 'jane_smith: Online' }))
    await userEvent.click(canvas.getByRole('button', { name: 'ahmad: Online' }))
    await userEvent.click(canvas.getByRole('button', { name: 'jane_smith: Away' }))
    await waitFor(() => expect(entries(canvasElement)[0]).toHaveTextContent('jane_smith went away'), SLOW)
    await expect(entries(canvasElement)).toHaveLength(3)
  },
}

/** `filter: 'friends'`: only john_doe's friends; amelia_clark (not a friend) never shows, jane_smith (a friend) does. */
export const FriendsOnly: Story = {
  args: { filter: 'friends' },
  play: async (context) => {
    const { canvasElement } = context
    const before = await ready(canvasElement)
    const backend = storyBackend(context)
    backend.applyPresence(12, 'away')
    backend.applyPresence(2, 'online')
    await waitFor(() => expect(entries(canvasElement)[0]).toHaveTextContent('jane_smith came online'), SLOW)
    await expect(entries(canvasElement)).toHaveLength(before + 1)
    await expect(within(canvasElement).getByRole('list', { name: 'Activity' })).not.toHaveTextContent('amelia_clark')
  },
}

/** The backend never answers: `isPending` stays true. */
export const Loading: Story = {
  parameters: { presence: { network: 'loading' } },
  play: async ({ canvasElement }) => {
    await expect(field(canvasElement, 'isPending')).toHaveTextContent('true')
    await expect(field(canvasElement, 'data.length')).toHaveTextContent('undefined')
  },
}

let activityFails = true

/** The timeline is refused (a 403, which is not retried); "Try again" calls `refetch()`. */
export const Error: Story = {
  beforeEach: (context: StoryContext) => {
    activityFails = true
    addHandlers(
      context,
      http.get(`${storyOrigin(context)}/api/users/activity/`, ({ request }) =>
        activityFails && fromStory(context, request)
          ? HttpResponse.json({ error: { code: 'forbidden', message: 'the activity log is not available' } }, { status: 403 })
          : undefined,
      ),
    )
  },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert', undefined, SLOW)
    await expect(alert).toHaveTextContent("Couldn't load the activity.")
    activityFails = false
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(entries(canvasElement).length).toBeGreaterThan(0), SLOW)
    await expect(within(canvasElement).queryByRole('alert')).toBeNull()
  },
}

export const Dark: Story = { decorators: [dark] }

export const RightToLeft: Story = { decorators: [rtl] }
