import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor, within } from 'storybook/test'
import { Avatar } from '../../src/components/Avatar'
import { OnlineStatusIndicator, STATUS_LABELS } from '../../src/components/OnlineStatusIndicator'
import { dark, rtl } from '../support/frames'
import { storyWords } from '../support/messages'
import { storyBackend } from '../support/presence'
import { LightAndDark, VariantGrid } from '../support/variants'

const meta = {
  title: 'Components/OnlineStatusIndicator',
  component: OnlineStatusIndicator,
  args: { status: 'online', size: 'md', badge: false, pulse: false },
  argTypes: {
    status: { control: { type: 'inline-radio', labels: STATUS_LABELS }, options: ['online', 'away', 'dnd', 'offline', 'invisible'] },
    size: { control: 'inline-radio', options: ['sm', 'md', 'lg'] },
  },
} satisfies Meta<typeof OnlineStatusIndicator>

export default meta
type Story = StoryObj<typeof meta>

export const Online: Story = {
  play: async ({ canvas, globals }) => {
    await expect(canvas.getByRole('img', { name: storyWords({ globals }).messages.status.online })).toHaveAttribute('data-status', 'online')
  },
}
export const Away: Story = { args: { status: 'away' } }
export const DoNotDisturb: Story = { args: { status: 'dnd' } }
export const Offline: Story = { args: { status: 'offline' } }
export const Invisible: Story = { args: { status: 'invisible' }, parameters: { docs: { description: { story: "One's own avatar while invisible." } } } }
export const Pulse: Story = { args: { pulse: true, size: 'lg' } }

/** Every status at every size: each has its own shape, so colour is never the only cue. */
export const AllStatuses: Story = {
  // In the story's language, as the dots name themselves.
  render: (_, context) => (
    <div className="pk:grid pk:grid-cols-5 pk:items-center pk:gap-4 pk:text-center pk:text-sm pk:text-presence-fg">
      {(['online', 'away', 'dnd', 'offline', 'invisible'] as const).map((status) => (
        <div key={status} className="pk:flex pk:flex-col pk:items-center pk:gap-2">
          {(['sm', 'md', 'lg'] as const).map((size) => (
            <OnlineStatusIndicator key={size} status={status} size={size} />
          ))}
          <span>{storyWords(context).messages.status[status]}</span>
        </div>
      ))}
    </div>
  ),
  // In words a reader knows, never the API's keys ("dnd").
  play: async ({ canvas, globals }) => {
    const { status } = storyWords({ globals }).messages
    for (const label of [status.online, status.away, status.dnd, status.offline, status.invisible]) await expect(canvas.getByText(label)).toBeVisible()
    await expect(canvas.queryByText('dnd')).toBeNull()
  },
}

/** As a badge: bottom-right of the avatar, with the kit's 2 px ring (`--pk-color-presence-ring`: white, the dark surface in dark mode). */
export const AsAvatarBadge: Story = {
  render: (args) => <Avatar name="jane_smith" size="lg" indicator={<OnlineStatusIndicator {...args} badge />} />,
}

/** In right-to-left text the badge moves to the bottom-left. */
export const RightToLeft: Story = { ...AsAvatarBadge, decorators: [rtl] }

export const Dark: Story = { ...AsAvatarBadge, decorators: [dark] }

/** Given a `userId` inside the provider, it follows that user live, last seen included. */
export const LiveUser: Story = {
  tags: ['!dev', '!autodocs', 'test', 'interaction'],
  globals: { language: 'en' },
  args: { status: undefined, userId: 4, size: 'lg' },
  parameters: { presence: { as: 'john_doe' } },
  play: async (context) => {
    const canvas = within(context.canvasElement)
    await waitFor(() => expect(canvas.getByRole('img', { name: 'Online' })).toBeVisible())
    storyBackend(context).applyPresence(4, 'away')
    await waitFor(() => expect(canvas.getByRole('img', { name: 'Away' })).toBeVisible())
    storyBackend(context).applyPresence(4, 'offline')
    await waitFor(() => expect(canvas.getByRole('img', { name: 'Offline, last seen just now' })).toBeVisible())
  },
}

const INDICATOR_COLUMNS = { sm: 'Small', md: 'Medium', lg: 'Large', mobile: 'On mobile', badge: 'On an avatar' } as const
type IndicatorColumn = keyof typeof INDICATOR_COLUMNS

/** Every status at every size, on mobile and as an avatar's badge, in light and dark: the whole indicator on one page. */
export const AllVariants: Story = {
  parameters: { layout: 'padded' },
  render: (_, context) => (
    <LightAndDark>
      {(_, name) => (
        <VariantGrid<keyof typeof STATUS_LABELS, IndicatorColumn>
          caption={`Status indicator variants (${name})`}
          rowsAre="Status"
          rows={['online', 'away', 'dnd', 'offline', 'invisible']}
          columns={['sm', 'md', 'lg', 'mobile', 'badge']}
          // The statuses in the story's language, as the dots name themselves.
          label={(value) => (value in STATUS_LABELS ? storyWords(context).messages.status[value as keyof typeof STATUS_LABELS] : INDICATOR_COLUMNS[value as IndicatorColumn])}
          cell={(status, column) =>
            column === 'badge' ? (
              <Avatar name="jane_smith" size="md" indicator={<OnlineStatusIndicator status={status} badge />} />
            ) : column === 'mobile' ? (
              <OnlineStatusIndicator status={status} mobile />
            ) : (
              <OnlineStatusIndicator status={status} size={column} />
            )
          }
        />
      )}
    </LightAndDark>
  ),
}
