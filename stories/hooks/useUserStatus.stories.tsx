import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { dark, rtl } from '../support/frames'
import { storyWords } from '../support/messages'
import { MockControls } from '../support/MockControls'
import { storyBackend } from '../support/presence'
import { field, SLOW } from './demos/helpers'
import { LiveHint } from './demos/Readout'
import { UserStatusDemo } from './demos/UserStatusDemo'

const USERS = { ahmad: 1, jane_smith: 2, john_doe: 3, maria_garcia: 4, li_wei: 5, olivia_brown: 6, sofia_rossi: 10, unknown: 9999 }

const meta = {
  title: 'Hooks/useUserStatus',
  component: UserStatusDemo,
  args: { userId: 2 },
  argTypes: {
    userId: { control: 'select', options: Object.values(USERS), labels: Object.fromEntries(Object.entries(USERS).map(([name, id]) => [id, `${id} ${name}`])) },
  },
  parameters: { presence: { as: 'john_doe' } },
  render: (args) => (
    <div>
      <UserStatusDemo {...args} />
      <LiveHint />
    </div>
  ),
} satisfies Meta<typeof UserStatusDemo>

export default meta
type Story = StoryObj<typeof meta>

const dot = (canvasElement: HTMLElement) => canvasElement.querySelector<HTMLElement>('[data-slot="status-indicator"]')!

/**
 * jane_smith is offline: not in the list of who is online, so unknown to the kit (`user: null`). She comes online,
 * goes away, and logs off; the kit now knows her, with her last seen.
 */
export const Default: Story = {
  play: async (context) => {
    const { canvasElement } = context
    const card = await within(canvasElement).findByRole('region', { name: 'useUserStatus(2)' })
    await within(canvasElement).findByText(/^Live:/, undefined, SLOW)
    await expect(field(card, 'status')).toHaveTextContent(/^offline$/)
    await expect(field(card, 'isOnline')).toHaveTextContent('false')
    await expect(field(card, 'user')).toHaveTextContent(/^null$/)

    storyBackend(context).applyPresence(2, 'online')
    await waitFor(() => expect(field(card, 'status')).toHaveTextContent(/^online$/), SLOW)
    await expect(field(card, 'isOnline')).toHaveTextContent('true')
    await expect(field(card, 'user')).toHaveTextContent('{ id: "2", … }')
    await expect(within(card).getByText('jane_smith')).toBeVisible()
    await expect(dot(canvasElement)).toHaveAttribute('data-status', 'online')

    storyBackend(context).applyPresence(2, 'away')
    await waitFor(() => expect(field(card, 'status')).toHaveTextContent(/^away$/), SLOW)
    await expect(field(card, 'isOnline')).toHaveTextContent('true')
    await expect(dot(canvasElement)).toHaveAccessibleName(storyWords(context).messages.status.away)

    storyBackend(context).applyPresence(2, 'offline')
    await waitFor(() => expect(field(card, 'status')).toHaveTextContent(/^offline$/), SLOW)
    await expect(field(card, 'isOnline')).toHaveTextContent('false')
    await expect(field(card, 'lastSeen').querySelector('time')).not.toBeNull()
  },
}

/** li_wei is away with a status message. */
export const AwayWithMessage: Story = {
  args: { userId: 5 },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(field(canvasElement, 'status')).toHaveTextContent(/^away$/), SLOW)
    await expect(field(canvasElement, 'statusMessage')).toHaveTextContent('"Lunch, back at 2"')
    await expect(field(canvasElement, 'isOnline')).toHaveTextContent('true')
  },
}

/** olivia_brown is busy: `dnd` counts as online. */
export const DoNotDisturb: Story = {
  args: { userId: 6 },
  play: async ({ canvasElement, globals }) => {
    await waitFor(() => expect(field(canvasElement, 'status')).toHaveTextContent(/^dnd$/), SLOW)
    await expect(field(canvasElement, 'isOnline')).toHaveTextContent('true')
    await expect(dot(canvasElement)).toHaveAccessibleName(storyWords({ globals }).messages.status.dnd)
  },
}

/** sofia_rossi is invisible: others see her offline, without her message. */
export const InvisibleToOthers: Story = {
  args: { userId: 10 },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Live: 8 others online', undefined, SLOW)
    await expect(field(canvasElement, 'status')).toHaveTextContent(/^offline$/)
    await expect(field(canvasElement, 'statusMessage')).toHaveTextContent('null')
  },
}

/** A user the kit has not heard of is `offline` with `user: null`. */
export const UnknownUser: Story = {
  args: { userId: 9999 },
  play: async ({ canvasElement }) => {
    await expect(field(canvasElement, 'status')).toHaveTextContent(/^offline$/)
    await expect(field(canvasElement, 'user')).toHaveTextContent(/^null$/)
    await expect(field(canvasElement, 'lastSeen')).toHaveTextContent(/^null$/)
  },
}

/** The buttons drive the mock's controls; the card follows. */
export const Live: Story = {
  render: (args, context) => (
    <div className="pk:w-80">
      <UserStatusDemo {...args} />
      <LiveHint />
      <MockControls backend={storyBackend(context)} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByText(/^Live:/, undefined, SLOW)
    await userEvent.click(canvas.getByRole('button', { name: 'jane_smith: Online' }))
    await waitFor(() => expect(field(canvasElement, 'status')).toHaveTextContent(/^online$/), SLOW)
    await userEvent.click(canvas.getByRole('button', { name: 'jane_smith: Invisible' }))
    await waitFor(() => expect(field(canvasElement, 'status')).toHaveTextContent(/^offline$/), SLOW)
  },
}

export const Dark: Story = { decorators: [dark] }

export const RightToLeft: Story = { decorators: [rtl] }
