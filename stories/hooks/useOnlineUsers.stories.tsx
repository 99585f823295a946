import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { dark, rtl } from '../support/frames'
import { MockControls } from '../support/MockControls'
import { storyBackend } from '../support/presence'
import { SLOW } from './demos/helpers'
import { OnlineUsersDemo } from './demos/OnlineUsersDemo'

const meta = {
  title: 'Hooks/useOnlineUsers',
  component: OnlineUsersDemo,
  args: { filter: 'all', includeSelf: false },
  argTypes: {
    filter: { control: 'inline-radio', options: ['all', 'friends'] },
    limit: { control: { type: 'number', min: 0 } },
  },
  parameters: { presence: { as: 'john_doe' } },
} satisfies Meta<typeof OnlineUsersDemo>

export default meta
type Story = StoryObj<typeof meta>

const count = (canvasElement: HTMLElement) => within(canvasElement).getByRole('status')
const names = (canvasElement: HTMLElement) =>
  within(within(canvasElement).getByRole('list', { name: 'Online users' }))
    .queryAllByRole('listitem')
    .map((item) => item.textContent)

// At the start, john_doe sees eight others online: amelia_clark, emma_johnson, kwame_mensah, li_wei (away),
// maria_garcia, mateo_fernandez, olivia_brown (busy) and priya_patel. sofia_rossi is invisible.
const START = ['amelia_clark', 'emma_johnson', 'kwame_mensah', 'li_wei', 'maria_garcia', 'mateo_fernandez', 'olivia_brown', 'priya_patel']

/** Sorted by name; the count follows the backend: jane_smith comes online (9), maria_garcia logs off (8). */
export const Default: Story = {
  play: async (context) => {
    const { canvasElement } = context
    await waitFor(() => expect(count(canvasElement)).toHaveTextContent('8 online'), SLOW)
    await expect(names(canvasElement).map((text) => text?.split('—')[0])).toEqual(START)
    await expect(within(canvasElement).getByText('— Lunch, back at 2')).toBeVisible()

    storyBackend(context).applyPresence(2, 'online')
    await waitFor(() => expect(count(canvasElement)).toHaveTextContent('9 online'), SLOW)
    await expect(names(canvasElement)).toContain('jane_smith')

    storyBackend(context).applyPresence(4, 'offline')
    await waitFor(() => expect(count(canvasElement)).toHaveTextContent('8 online'), SLOW)
    await expect(names(canvasElement)).not.toContain('maria_garcia')
  },
}

/** `filter: 'friends'`: john_doe's friends only; jane_smith, a friend, counts when she comes online. */
export const FriendsOnly: Story = {
  args: { filter: 'friends' },
  play: async (context) => {
    const { canvasElement } = context
    await waitFor(() => expect(count(canvasElement)).toHaveTextContent('5 online'), SLOW)
    await expect(names(canvasElement).map((text) => text?.split('—')[0])).toEqual(['emma_johnson', 'li_wei', 'maria_garcia', 'olivia_brown', 'priya_patel'])
    storyBackend(context).applyPresence(2, 'online')
    await waitFor(() => expect(count(canvasElement)).toHaveTextContent('6 online'), SLOW)
    // amelia_clark is not a friend: her coming and going does not count.
    storyBackend(context).applyPresence(12, 'offline')
    storyBackend(context).applyPresence(1, 'online')
    await waitFor(() => expect(count(canvasElement)).toHaveTextContent('7 online'), SLOW)
    await expect(names(canvasElement)).toContain('ahmad')
  },
}

/** `includeSelf`: john_doe is listed too. */
export const IncludingMe: Story = {
  args: { includeSelf: true },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(count(canvasElement)).toHaveTextContent('9 online'), SLOW)
    await expect(names(canvasElement)).toContain('john_doe')
  },
}

/** `limit: 3`: three users and "+5 more"; `total` still counts all eight. */
export const Limited: Story = {
  args: { limit: 3 },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(count(canvasElement)).toHaveTextContent('8 online'), SLOW)
    await expect(names(canvasElement)).toEqual(['amelia_clark', 'emma_johnson', 'kwame_mensah', '+5 more'])
  },
}

/** The backend never answers: `isPending` stays true. */
export const Loading: Story = {
  parameters: { presence: { network: 'loading' } },
  play: async ({ canvasElement }) => {
    await expect(count(canvasElement)).toHaveTextContent('Loading who is online…')
  },
}

/** Everybody else is offline: `total` is 0 once the list has arrived. */
export const Empty: Story = {
  parameters: { presence: { empty: true } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(count(canvasElement)).toHaveTextContent('0 online'), SLOW)
    await expect(within(canvasElement).getByText('Nobody else is online.')).toBeVisible()
  },
}

/** Polling only, and the list fails: `error` is set. */
export const Error: Story = {
  parameters: { presence: { network: 'error', provider: { endpoints: { socket: null } } } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(count(canvasElement)).toHaveTextContent("Couldn't load who is online."), SLOW)
  },
}

/** The buttons drive the mock's controls. */
export const Live: Story = {
  render: (args, context) => (
    <div className="pk:w-80">
      <OnlineUsersDemo {...args} />
      <MockControls backend={storyBackend(context)} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await waitFor(() => expect(count(canvasElement)).toHaveTextContent('8 online'), SLOW)
    await userEvent.click(canvas.getByRole('button', { name: 'ahmad: Online' }))
    await waitFor(() => expect(count(canvasElement)).toHaveTextContent('9 online'), SLOW)
    await userEvent.click(canvas.getByRole('button', { name: 'ahmad: Offline' }))
    await waitFor(() => expect(count(canvasElement)).toHaveTextContent('8 online'), SLOW)
  },
}

export const Dark: Story = { decorators: [dark] }

export const RightToLeft: Story = { decorators: [rtl] }
