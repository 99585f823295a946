import type { Decorator, Meta, StoryContext, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import type { ControlStatus } from '../../mock-server/backend'
import { PresenceToaster } from '../../src/components/PresenceToaster'
import { useConnectionState, useOnlineUsers } from '../../src/hooks'
import { dark, rtl } from '../support/frames'
import { storyWords } from '../support/messages'
import { as, MockControls } from '../support/MockControls'
import { storyBackend } from '../support/presence'
import { SLOW } from '../support/waits'
import { LightAndDark } from '../support/variants'

/** Says when the provider is live, so that the play functions drive the backend only after the first list. */
function LiveHint() {
  const { state } = useConnectionState()
  const { data, isPending } = useOnlineUsers()
  return (
    <p dir="auto" className="pk:text-sm pk:text-presence-muted">
      {isPending || state !== 'open' ? 'Connecting…' : `Connected: ${data?.total ?? 0} others online. Bring someone online to see a toast.`}
    </p>
  )
}

const bring = (username: string, status: ControlStatus = 'online') => as(username, status)

const ACTIONS = [bring('jane_smith'), bring('ahmad'), bring('noah_wilson'), bring('jane_smith', 'offline'), bring('ahmad', 'offline')]

// The toasts sit in the frame's corner rather than the page's, so that the docs page shows each story's in place
// (`parameters.frame: false`: the story draws its own frames).
const frame: Decorator = (Story, { parameters }) => parameters.frame === false ? <Story /> : (
  <div className="pk:relative pk:h-96 pk:w-[34rem] pk:max-w-full pk:overflow-hidden pk:rounded-lg pk:border pk:border-dashed pk:border-presence-border pk:p-3">
    <Story />
  </div>
)

const meta = {
  title: 'Components/PresenceToaster',
  component: PresenceToaster,
  // A few showcase stories on the docs page, each with its own live mock backend; the rest in the sidebar.
  tags: ['!autodocs'],
  args: { durationMs: 5_000, maxToasts: 3, style: { position: 'absolute' } },
  argTypes: {
    className: { description: "Classes added to the toaster's root, after its own.", control: 'text' },
    style: { description: 'Inline styles of the root; here `position: absolute`, so that the toaster stays in the frame (the kit\'s own `position: fixed` is one class, which an inline style outweighs).' },
    userIds: { control: 'object' },
    renderMessage: { control: false },
  },
  parameters: { presence: { as: 'john_doe' }, layout: 'padded' },
  decorators: [frame],
  render: (args, context) => (
    <>
      <LiveHint />
      <MockControls backend={storyBackend(context as StoryContext)} actions={ACTIONS} />
      <PresenceToaster {...args} />
    </>
  ),
} satisfies Meta<typeof PresenceToaster>

export default meta
type Story = StoryObj<typeof meta>

async function live(context: StoryContext) {
  await within(context.canvasElement).findByText(/^Connected:/, undefined, SLOW)
  const backend = storyBackend(context)
  return (username: string, status: ControlStatus = 'online') => backend.applyPresence(backend.presence.userByName(username)!.id, status)
}

type Canvas = Pick<StoryContext, 'canvasElement' | 'globals'>

/** The toaster's live region, by its name in the story's language. */
const toaster = ({ canvasElement, globals }: Canvas) =>
  within(canvasElement).getByRole('status', { name: storyWords({ globals }).messages.toaster.label })
const toasts = (canvas: Canvas) => within(toaster(canvas)).queryAllByRole('listitem')

// Until the toasts have faded in: the accessibility check after the play function judges contrast at full opacity.
const settled = (canvas: Canvas) => waitFor(() => toasts(canvas).forEach((toast) => expect(getComputedStyle(toast).opacity).toBe('1')))

/** jane_smith comes online: a toast says so. */
export const Default: Story = {
  tags: ['autodocs'],
  args: { durationMs: Infinity },
  play: async (context) => {
    const set = await live(context)
    set('jane_smith')
    await within(toaster(context)).findByRole('listitem', undefined, SLOW)
    await settled(context)
  },
}

/** Test: nothing for the first list; jane_smith comes online, a toast says so; its close button dismisses it. */
export const Dismiss: Story = {
  tags: ['!dev', '!autodocs', 'test', 'interaction'],
  globals: { language: 'en' },
  play: async (context) => {
    const set = await live(context)
    await expect(toasts(context)).toHaveLength(0)
    set('jane_smith')
    const region = within(toaster(context))
    const toast = await region.findByRole('listitem', undefined, SLOW)
    await expect(toast).toHaveTextContent('jane_smith is online')
    await expect(toast).toHaveAttribute('data-status', 'online')
    await userEvent.click(region.getByRole('button', { name: 'Dismiss' }))
    await waitFor(() => expect(toasts(context)).toHaveLength(0))
  },
}

/** Only the chosen users: ahmad's arrival is not announced, jane_smith's is. */
export const ChosenUsers: Story = {
  args: { userIds: [2] },
  play: async (context) => {
    const set = await live(context)
    set('ahmad')
    set('jane_smith')
    const toast = await within(toaster(context)).findByRole('listitem', undefined, SLOW)
    const { messages, sentence } = storyWords(context)
    await expect(toast).toHaveTextContent(sentence(messages.toaster.online, 'jane_smith'))
    await expect(toasts(context)).toHaveLength(1)
    await settled(context)
  },
}

/** Each toast closes by itself after `durationMs`. */
export const AutoDismiss: Story = {
  tags: ['!dev', '!autodocs', 'test', 'interaction'],
  globals: { language: 'en' },
  args: { durationMs: 1_000 },
  play: async (context) => {
    const set = await live(context)
    set('jane_smith')
    await within(toaster(context)).findByRole('listitem', undefined, SLOW)
    await waitFor(() => expect(toasts(context)).toHaveLength(0), SLOW)
  },
}

/** The clock stops while a toast is hovered or focused; Escape closes the focused toast. */
export const PausedWhileFocused: Story = {
  tags: ['!dev', '!autodocs', 'test', 'interaction'],
  globals: { language: 'en' },
  args: { durationMs: 800 },
  play: async (context) => {
    const set = await live(context)
    set('jane_smith')
    const region = within(toaster(context))
    await region.findByRole('listitem', undefined, SLOW)
    region.getByRole('button', { name: 'Dismiss' }).focus()
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    await expect(toasts(context)).toHaveLength(1)
    await userEvent.keyboard('{Escape}')
    await waitFor(() => expect(toasts(context)).toHaveLength(0))
  },
}

/** Three arrivals with `maxToasts` 2: the oldest makes way. */
export const Stacked: Story = {
  args: { maxToasts: 2, durationMs: Infinity },
  play: async (context) => {
    const set = await live(context)
    set('jane_smith')
    await within(toaster(context)).findByRole('listitem', undefined, SLOW)
    set('ahmad')
    set('noah_wilson')
    const { messages, sentence } = storyWords(context)
    await waitFor(() => {
      const items = toasts(context)
      expect(items.map((item) => item.textContent)).toEqual(['ahmad', 'noah_wilson'].map((name) => sentence(messages.toaster.online, name)))
    }, SLOW)
    await settled(context)
  },
}

/** Someone who comes online away or busy: the toast says so. */
export const AwayAndBusy: Story = {
  args: { durationMs: Infinity },
  play: async (context) => {
    const set = await live(context)
    set('jane_smith', 'away')
    set('ahmad', 'dnd')
    const { messages, sentence } = storyWords(context)
    const { toaster: words, status } = messages
    const expected = [words.withStatus(sentence(words.online, 'ahmad'), status.dnd), words.withStatus(sentence(words.online, 'jane_smith'), status.away)]
    await waitFor(() => {
      const items = toasts(context)
      // Both arrive in one frame: their order is the store's, not the backend's.
      expect(items.map((item) => item.textContent).sort()).toEqual(expected.sort())
    }, SLOW)
    await settled(context)
  },
}

/** `renderMessage` writes the toast's text. */
export const CustomMessage: Story = {
  args: {
    durationMs: Infinity,
    renderMessage: (user) => (
      <>
        <span aria-hidden>👋 </span>
        <strong>{user.username}</strong> just signed in — say hi!
      </>
    ),
  },
  play: async (context) => {
    const set = await live(context)
    set('jane_smith')
    const toast = await within(toaster(context)).findByRole('listitem', undefined, SLOW)
    await expect(toast).toHaveTextContent('jane_smith just signed in — say hi!')
    await settled(context)
  },
}

/** Demo users come and go by themselves: toasts appear without anyone touching anything. */
export const Live: Story = { parameters: { presence: { simulate: true } } }

const withToasts = async (context: StoryContext) => {
  const set = await live(context)
  set('jane_smith')
  set('ahmad', 'dnd')
  await waitFor(() => expect(toasts(context)).toHaveLength(2), SLOW)
  await settled(context)
}

export const Dark: Story = { args: { durationMs: Infinity }, decorators: [dark], play: withToasts }

/** The toasts sit at the bottom left in right-to-left pages. */
export const RightToLeft: Story = { args: { durationMs: Infinity }, decorators: [rtl], play: withToasts }

/** Toasts for someone online, away and busy, in light and dark. */
export const AllVariants: Story = {
  tags: ['autodocs'],
  args: { durationMs: Infinity },
  parameters: { frame: false },
  render: (args) => (
    <div className="pk:flex pk:flex-col pk:gap-3">
      <LiveHint />
      {/* On a phone the panel's padding would leave a toast (20rem, 1rem in from the toaster's corner) no room: the
          toaster's box reaches out over the padding to the panel's edges, whose corner stands for the screen's, and
          each panel asks for those 21rem, so that the two stack rather than share a phone's width. */}
      <LightAndDark panelWidth="21rem">
        {(_, theme, messages) => (
          <div className="pk:relative pk:-mx-4 pk:h-60 pk:overflow-hidden">
            <PresenceToaster {...args} label={`${messages.toaster.label} (${theme})`} />
          </div>
        )}
      </LightAndDark>
    </div>
  ),
  play: async (context) => {
    const set = await live(context)
    set('jane_smith')
    set('noah_wilson', 'away')
    set('ahmad', 'dnd')
    const all = () => within(context.canvasElement).queryAllByRole('listitem')
    await waitFor(() => expect(all()).toHaveLength(6), SLOW)
    await waitFor(() => all().forEach((toast) => expect(getComputedStyle(toast).opacity).toBe('1')))
  },
}
