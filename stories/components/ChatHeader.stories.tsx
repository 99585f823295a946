import type { Decorator, Meta, StoryObj } from '@storybook/react-vite'
import type { ReactNode } from 'react'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { ChatHeader } from '../../src/components/ChatHeader'
import { dark, onDevice, rtl } from '../support/frames'
import { exactly, HOLE, shape, storyWords } from '../support/messages'
import { storyBackend } from '../support/presence'
import { LightAndDark } from '../support/variants'

/** A chat pane: 28rem wide, or the device's whole width when the story sets one; none with `parameters.pane: false`. */
const pane: Decorator = (Story, { parameters }) => parameters.pane === false ? <Story /> : (
  <div className={parameters.device ? 'pk:w-full pk:overflow-hidden pk:rounded-lg pk:border pk:border-presence-border' : 'pk:w-[28rem] pk:max-w-full pk:overflow-hidden pk:rounded-lg pk:border pk:border-presence-border'}>
    <Story />
  </div>
)

// One stroke for every action icon (2 of 24, round): the icons read as one set.
const icon = (shape: ReactNode) => (
  <svg aria-hidden viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" className="pk:size-5">
    {shape}
  </svg>
)

const actionClass =
  'pk:inline-flex pk:size-9 pk:cursor-pointer pk:items-center pk:justify-center pk:rounded-full pk:text-presence-fg pk:hover:bg-presence-fg/10 pk:focus-visible:outline-2 pk:focus-visible:outline-offset-2 pk:focus-visible:outline-presence-accent'

/** The usual actions of a chat header: a call and a menu. */
const actions = (
  <>
    <button type="button" aria-label="Start a call" className={actionClass}>
      {icon(<path d="M22 16.9v3a2 2 0 0 1-2.2 2 19.8 19.8 0 0 1-8.6-3.1 19.5 19.5 0 0 1-6-6A19.8 19.8 0 0 1 2.1 4.2 2 2 0 0 1 4.1 2h3a2 2 0 0 1 2 1.7c.1.9.4 1.8.7 2.7a2 2 0 0 1-.5 2.1L8 9.8a16 16 0 0 0 6 6l1.3-1.3a2 2 0 0 1 2.1-.4c.9.3 1.8.6 2.7.7a2 2 0 0 1 1.7 2z" />)}
    </button>
    <button type="button" aria-label="More options" className={actionClass}>
      {/* Dots of 4 (a ring of radius 1 in the 2 stroke), not zero-length strokes of 2: a dot of the stroke's width
          reads lighter than a line of it, which made the menu look thinner than the phone. */}
      {icon(
        <>
          <circle cx="12" cy="5" r="1" />
          <circle cx="12" cy="12" r="1" />
          <circle cx="12" cy="19" r="1" />
        </>,
      )}
    </button>
  </>
)

const meta = {
  title: 'Components/ChatHeader',
  component: ChatHeader,
  // A few showcase stories on the docs page, each with its own live mock backend; the rest in the sidebar.
  tags: ['!autodocs'],
  args: { userId: 2, name: 'jane_smith' },
  argTypes: {
    userId: { description: 'The other person in the chat, followed live from `<UserStatusProvider>`. In the mock: 2 jane_smith, 4 maria_garcia, 5 li_wei, 6 olivia_brown, 7 noah_wilson, 10 sofia_rossi.' },
    name: { description: 'Shown when the store has no username for the user. Default: "User <id>".' },
    avatarUrl: { description: "The avatar's image. Default: the user's `profileImage` from the store; the initials when there is none." },
    actions: { control: false, description: 'Buttons at the end of the header (call, video, menu). Default none.' },
    onBack: { description: 'Shows a back button at the start (its arrow mirrored in RTL) that calls this. Default: no back button.' },
    backLabel: { description: 'The back button\'s accessible name. Default "Back".' },
    lookupPeer: {
      description:
        'When the store has not heard of the user (an offline peer), loads the conversations, whose peers carry their last seen. The same query as `UsersList`\'s. Default `true`.',
    },
    className: { description: "Classes added to the header's root, after its own." },
  },
  parameters: { presence: { as: 'john_doe' }, layout: 'padded' },
  decorators: [pane],
} satisfies Meta<typeof ChatHeader>

export default meta
type Story = StoryObj<typeof meta>

const DAY = 86_400_000

const statusLine = (canvasElement: HTMLElement) => canvasElement.querySelector<HTMLElement>('[data-slot="chat-header-status"]')!

/** The whole header: back button, avatar with its badge, name, status line, actions. jane_smith was last active 2 hours ago. */
export const Default: Story = { tags: ['autodocs'], args: { onBack: fn(), actions } }

/** Test: the header's name and status line; Back calls `onBack`. */
export const BackButton: Story = {
  tags: ['!dev', '!autodocs', 'test', 'interaction'],
  globals: { language: 'en' },
  args: { onBack: fn(), actions },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('heading', { name: 'jane_smith' })).toBeVisible()
    await waitFor(() => expect(statusLine(canvasElement)).toHaveTextContent('Last seen 2 hours ago'))
    await userEvent.click(canvas.getByRole('button', { name: 'Back' }))
    await expect(args.onBack).toHaveBeenCalledTimes(1)
    await expect(canvas.getByRole('button', { name: 'Start a call' })).toBeVisible()
  },
}

/** The status line follows the mock's controls: jane_smith comes online, then goes away. */
export const LiveStatusChange: Story = {
  tags: ['!dev', '!autodocs', 'test', 'interaction'],
  globals: { language: 'en' },
  play: async (context) => {
    const { canvasElement } = context
    const line = statusLine(canvasElement)
    await expect(line).toHaveAttribute('aria-live', 'polite')
    await waitFor(() => expect(line).toHaveTextContent('Last seen 2 hours ago'))
    storyBackend(context).applyPresence(2, 'online')
    await waitFor(() => expect(line).toHaveTextContent('Online'))
    storyBackend(context).applyPresence(2, 'away')
    await waitFor(() => expect(line).toHaveTextContent(/^Away$/))
    await expect(canvasElement.querySelector('[data-slot="chat-header"]')).toHaveAttribute('data-status', 'away')
    storyBackend(context).applyPresence(2, 'dnd')
    await waitFor(() => expect(line).toHaveTextContent('Do not disturb'))
  },
}

export const Online: Story = {
  args: { userId: 4, name: 'maria_garcia' },
  play: async (context) => {
    const { messages } = storyWords(context)
    await waitFor(() => expect(statusLine(context.canvasElement)).toHaveTextContent(exactly(messages.status.online)))
  },
}

/** li_wei is away with a status message. */
export const AwayWithMessage: Story = {
  args: { userId: 5, name: 'li_wei' },
  play: async (context) => {
    const { messages } = storyWords(context)
    const line = messages.statusLine.withMessage(messages.status.away, 'Lunch, back at 2')
    await waitFor(() => expect(statusLine(context.canvasElement)).toHaveTextContent(line))
  },
}

/** olivia_brown is busy with a status message. */
export const DoNotDisturb: Story = {
  args: { userId: 6, name: 'olivia_brown' },
  play: async (context) => {
    const { messages } = storyWords(context)
    const line = messages.statusLine.withMessage(messages.status.dnd, 'Focus time')
    await waitFor(() => expect(statusLine(context.canvasElement)).toHaveTextContent(line))
  },
}

/** sofia_rossi is invisible: noah_wilson, who chats with her, sees her offline, last seen when she went invisible, and no message. */
export const InvisibleToOthers: Story = {
  args: { userId: 10, name: 'sofia_rossi' },
  parameters: { presence: { as: 'noah_wilson' } },
  play: async (context) => {
    const { messages } = storyWords(context)
    await waitFor(() => expect(statusLine(context.canvasElement)).toHaveTextContent(shape(messages.statusLine.lastSeen(HOLE))))
  },
}

/** sofia_rossi looking at her own header sees the truth: invisible. */
export const InvisibleToSelf: Story = {
  args: { userId: 10, name: 'sofia_rossi' },
  parameters: { presence: { as: 'sofia_rossi' } },
  play: async (context) => {
    const { messages } = storyWords(context)
    const line = messages.statusLine.withMessage(messages.status.invisible, 'Hiding from meetings')
    await waitFor(() => expect(statusLine(context.canvasElement)).toHaveTextContent(line))
  },
}

/** ahmad was last active 3 days ago. */
export const LastSeen: Story = {
  args: { userId: 1, name: 'ahmad' },
  play: async (context) => {
    const { messages, ago } = storyWords(context)
    await waitFor(() => expect(statusLine(context.canvasElement)).toHaveTextContent(messages.statusLine.lastSeen(ago(3 * DAY))))
  },
}

/** noah_wilson never logged in: no last seen to tell. */
export const NeverSeen: Story = {
  args: { userId: 7, name: 'noah_wilson' },
  play: async (context) => {
    const { messages } = storyWords(context)
    await within(context.canvasElement).findByRole('heading', { name: 'noah_wilson' })
    await expect(statusLine(context.canvasElement)).toHaveTextContent(exactly(messages.status.offline))
  },
}

/** A user the backend does not know: the `name` prop, the initials, offline. */
export const UnknownUser: Story = {
  args: { userId: 9999, name: 'Guest' },
}

export const LongName: Story = {
  args: { userId: 23, name: 'aleksandr_konstantinopolsky_the_third', onBack: fn(), actions },
  ...onDevice('phone'),
}

export const Dark: Story = { args: { onBack: fn(), actions }, decorators: [dark] }

/** Right to left: the back arrow points right, the badge sits bottom-left, the actions at the left end. */
export const RightToLeft: Story = { args: { onBack: fn(), actions }, decorators: [rtl] }

export const Phone: Story = { args: { onBack: fn(), actions }, ...onDevice('phone') }

export const Tablet: Story = { args: { actions }, ...onDevice('tablet') }

export const Desktop: Story = { args: { actions }, ...onDevice('desktop') }

/** Signed out (the provider's token is `null`): no status badge, and the line says why instead of "Offline". */
export const SignedOut: Story = {
  parameters: { presence: { as: null } },
  play: async (context) => {
    const { canvasElement } = context
    await waitFor(() => expect(statusLine(canvasElement)).toHaveTextContent(storyWords(context).messages.chatHeader.signedOut))
    await expect(canvasElement.querySelector('[data-slot="status-indicator"]')).toBeNull()
  },
}

/** One header per status in light and dark: online, away with a message, busy, and offline with a last seen. */
export const AllVariants: Story = {
  tags: ['autodocs'],
  parameters: { pane: false },
  render: (args) => (
    <LightAndDark>
      {() => (
        <div className="pk:flex pk:flex-col pk:gap-3" style={{ width: '28rem', maxWidth: '100%' }}>
          {[
            { userId: 4, name: 'maria_garcia' },
            { userId: 5, name: 'li_wei' },
            { userId: 6, name: 'olivia_brown' },
            { userId: 2, name: 'jane_smith' },
          ].map((user) => (
            <div key={user.userId} className="pk:overflow-hidden pk:rounded-lg pk:border pk:border-presence-border">
              <ChatHeader {...args} {...user} actions={actions} />
            </div>
          ))}
        </div>
      )}
    </LightAndDark>
  ),
}
