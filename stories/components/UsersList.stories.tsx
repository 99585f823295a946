import type { Decorator, Meta, StoryContext, StoryObj } from '@storybook/react-vite'
import { http, HttpResponse, type AnyHandler } from 'msw'
import { useState } from 'react'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import type { Conversation, Presence, PresenceStatus } from '../../src'
import { ChatHeader } from '../../src/components/ChatHeader'
import { UsersList } from '../../src/components/UsersList'
import { dark, onDevice, rtl } from '../support/frames'
import { literal, storyWords } from '../support/messages'
import { MockControls } from '../support/MockControls'
import { storyBackend, storyOrigin } from '../support/presence'
import { letGo } from '../support/play'
import { LightAndDark } from '../support/variants'

/** A sidebar's width, unless the story sets a device. */
const sidebar: Decorator = (Story, { parameters }) => (
  <div className={parameters.device ? 'pk:w-full' : 'pk:w-[22rem] pk:max-w-full'}>
    <Story />
  </div>
)

const meta = {
  title: 'Components/UsersList',
  component: UsersList,
  // A few showcase stories on the docs page, each with its own live mock backend; the rest in the sidebar.
  tags: ['!autodocs'],
  args: { onUserClick: fn(), sortOnlineFirst: false, maxHeight: 480, rowHeight: 72, overscan: 6 },
  argTypes: {
    conversations: {
      control: false,
      description:
        'The conversations to list, in this order. Default: loaded from `GET /api/chat/conversations/` (needs `<UserStatusProvider>`). Passed in, the list also works outside a provider, without live status.',
    },
    onUserClick: { description: "Called with the row's user and its conversation when a row is chosen by click, Enter or Space. Default none." },
    selectedId: { control: 'text', description: "The selected conversation's id (controlled). Default: the list keeps its own selection." },
    sortOnlineFirst: { description: 'Online users (also away or busy) before offline ones, each group in the given order. Default `false`.' },
    label: { description: 'The listbox\'s accessible name. Default "Conversations".' },
    height: { control: 'number', description: 'A fixed height: px or any CSS length ("100%" to fill a pane); the list scrolls inside it. Default none: as tall as its rows, up to `maxHeight`.' },
    maxHeight: { control: 'number', description: 'Without `height`, the tallest the list grows to fit its rows (px or any CSS length); past it, it scrolls. Default 480.' },
    rowHeight: { description: 'Each row\'s height in px (rows are not measured). Default 72.' },
    overscan: { description: 'Rows rendered beyond each edge of the viewport. Default 6.' },
    className: { description: "Classes added to the list's root, after its own." },
  },
  parameters: { presence: { as: 'john_doe' }, layout: 'padded' },
  decorators: [sidebar],
} satisfies Meta<typeof UsersList>

export default meta
type Story = StoryObj<typeof meta>

// 10,000 conversations, the same on every run: names, statuses, messages and dates follow from the index alone.
const FIRST = ['alex', 'sam', 'kim', 'noor', 'ivan', 'mia', 'tariq', 'lena', 'omar', 'yuki', 'ana', 'raj', 'eva', 'jon', 'lea', 'ali']
const LAST = ['park', 'costa', 'novak', 'haddad', 'okafor', 'berg', 'reyes', 'sato', 'khan', 'weber', 'lopez', 'quinn']
const STATUSES: PresenceStatus[] = ['online', 'offline', 'away', 'offline', 'dnd', 'offline', 'online']
const TEXTS = ['See you at the standup!', 'Can you review my PR when you get a chance?', 'Thanks, that fixed it 🎉', 'Are we still on for lunch?', 'Sounds good 👍']
const ANCHOR = Date.UTC(2025, 5, 2, 12, 0)
const HOUR = 3_600_000

function generatedUser(i: number, fields: Partial<Presence> = {}): Presence {
  const status = fields.status ?? STATUSES[i % STATUSES.length]!
  return {
    id: `g${i + 1}`,
    username: `${FIRST[i % FIRST.length]}_${LAST[Math.floor(i / FIRST.length) % LAST.length]}_${i + 1}`,
    profileImage: null,
    statusMessage: status === 'away' && i % 3 === 0 ? 'In a meeting' : null,
    lastSeen: null,
    ...fields,
    status,
    isOnline: status !== 'offline',
  }
}

function generate(count: number): Conversation[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `gc${i + 1}`,
    otherUser: generatedUser(i),
    lastMessage: i % 11 === 10 ? null : { text: TEXTS[i % TEXTS.length]!, sentAt: ANCHOR - i * 47 * 60_000, senderId: i % 2 ? 'g0' : `g${i + 1}` },
    unreadCount: i % 5 === 0 ? (i * 7) % 12 : 0,
  }))
}

const MANY = generate(10_000)

const LONG: Conversation[] = [
  {
    id: 'long1',
    otherUser: generatedUser(0, { username: 'aleksandr_konstantinopolsky_the_third_of_novosibirsk', status: 'online' }),
    lastMessage: { text: 'A very long message that goes on and on about the release plan, the retro and the lunch order for Friday.', sentAt: ANCHOR, senderId: 'g1' },
    unreadCount: 1234,
  },
  {
    id: 'long2',
    otherUser: generatedUser(1, { username: 'maria_del_carmen_fernandez_de_la_vega_y_rodriguez', status: 'away', statusMessage: 'Out of office until the end of the month, reachable by phone' }),
    lastMessage: { text: 'https://example.com/a/very/long/link/without/any/spaces/that/must/not/break/the/row/layout', sentAt: ANCHOR - 86_400_000, senderId: 'g2' },
    unreadCount: 42,
  },
  { id: 'long3', otherUser: generatedUser(2, { username: 'x', status: 'dnd' }), lastMessage: null, unreadCount: 0 },
]

/** Hears an option's name as a listener does: the spaces around the visually hidden separators (", ", "، ") do not count. */
const spoken = (pattern: RegExp) => (name: string) => pattern.test(name.replace(/\s+([,،])/g, '$1').replace(/\s+/g, ' ').trim())

/** An option whose name starts with these parts, joined as the row's language joins them: `opening(usersList.separator, 'li_wei', status.away)`. */
const opening = (separator: string, ...parts: string[]) =>
  spoken(new RegExp(`^${literal(parts.join(separator))}(${literal(separator.trim())}|$)`))

/** The list, by its name in the story's language. */
const listbox = ({ canvasElement, globals }: Pick<StoryContext, 'canvasElement' | 'globals'>) =>
  within(canvasElement).findByRole('listbox', { name: storyWords({ globals }).messages.usersList.label })
const activeOption = (list: HTMLElement) => document.getElementById(list.getAttribute('aria-activedescendant') ?? '')
const activeName = (list: HTMLElement) => activeOption(list)?.querySelector('[data-slot="users-list-name"]')?.textContent
const listState = (canvasElement: HTMLElement) => canvasElement.querySelector('[data-slot="users-list"]')?.getAttribute('data-state')

/** Requests the story should answer otherwise than the mock backend: used after the backend's handlers, so they win. */
// Handlers for this story's own backend only (a docs page renders every story at once).
const overrideNetwork = (handlers: (origin: string) => AnyHandler[]) => (context: StoryContext) => {
  ;(context as StoryContext & { msw?: { use(...handlers: AnyHandler[]): void } }).msw?.use(...handlers(storyOrigin(context)))
}

/** john_doe's conversations, live from the mock backend's conversations endpoint. */
export const Default: Story = {
  tags: ['autodocs'],
  play: async ({ canvasElement, globals }) => {
    const list = await listbox({ canvasElement, globals })
    const options = await within(list).findAllByRole('option')
    await expect(options.length).toBeGreaterThan(3)
    await expect(options[0]).toHaveAttribute('aria-setsize', String(options.length))
    // li_wei is away with a message, olivia_brown busy: both said in words, not by colour alone.
    const { status, statusLine, usersList } = storyWords({ globals }).messages
    await expect(within(list).getByRole('option', { name: opening(usersList.separator, 'li_wei', statusLine.withMessage(status.away, 'Lunch, back at 2')) })).toBeVisible()
    await expect(within(list).getByRole('option', { name: opening(usersList.separator, 'olivia_brown', statusLine.withMessage(status.dnd, 'Focus time')) })).toBeVisible()
  },
}

/** The WAI-ARIA listbox keyboard: arrows, Home/End, type-ahead by name, Enter selects. */
export const KeyboardNavigation: Story = {
  tags: ['!dev', '!autodocs', 'test', 'interaction'],
  globals: { language: 'en' },
  play: async ({ canvasElement, args, globals }) => {
    const list = await listbox({ canvasElement, globals })
    const options = await within(list).findAllByRole('option')
    const names = options.map((o) => o.querySelector('[data-slot="users-list-name"]')!.textContent)
    await userEvent.tab()
    await expect(list).toHaveFocus()
    await expect(activeName(list)).toBe(names[0])
    await userEvent.keyboard('{ArrowDown}')
    await expect(activeName(list)).toBe(names[1])
    await userEvent.keyboard('{End}')
    await expect(activeName(list)).toBe(names.at(-1))
    await userEvent.keyboard('{Home}')
    await expect(activeName(list)).toBe(names[0])
    // Type-ahead: "ja" finds jane_smith; after a pause, "z" finds zoe_nguyen. The pause is the list's clock moved on
    // past the 500 ms type-ahead window, not a real wait: on a busy machine "j" and "a" could be 500 ms apart.
    // (Date.now replaced by hand: an instrumented spy records each call with Date.now and recurses.)
    const realNow = Date.now
    let now = realNow()
    Date.now = () => now
    try {
      await userEvent.keyboard('ja')
      await expect(activeName(list)).toBe('jane_smith')
      now += 600
      await userEvent.keyboard('z')
      await expect(activeName(list)).toBe('zoe_nguyen')
      now += 600
      await userEvent.keyboard('j')
      await expect(activeName(list)).toBe('jane_smith')
    } finally {
      Date.now = realNow
    }
    await expect(args.onUserClick).not.toHaveBeenCalled()
    await userEvent.keyboard('{Enter}')
    await expect(args.onUserClick).toHaveBeenCalledWith(expect.objectContaining({ username: 'jane_smith' }), expect.objectContaining({ otherUser: expect.objectContaining({ username: 'jane_smith' }) }))
    await expect(activeOption(list)).toHaveAttribute('aria-selected', 'true')
  },
}

/** The backend never answers: a skeleton, and a polite "Loading conversations…" for screen readers. */
export const Loading: Story = {
  tags: ['autodocs'],
  parameters: { presence: { network: 'loading' } },
  play: async ({ canvasElement, globals }) => {
    await expect(await within(canvasElement).findByRole('status')).toHaveTextContent(storyWords({ globals }).messages.usersList.loading)
    await expect(listState(canvasElement)).toBe('loading')
  },
}

/** Signed in as the admin, who has no conversations. */
export const Empty: Story = {
  tags: ['autodocs'],
  parameters: { presence: { as: 'admin' } },
  play: async ({ canvasElement, globals }) => {
    await expect(await within(canvasElement).findByText(storyWords({ globals }).messages.usersList.empty)).toBeVisible()
  },
}

let failedRequests = 0

/** The conversations endpoint refuses: an alert with a retry, which asks again. */
export const Error: Story = {
  beforeEach: overrideNetwork((origin) => [
    http.get(`${origin}/api/chat/conversations/`, () => {
      failedRequests++
      return HttpResponse.json({ error: { code: 'forbidden', message: 'conversations are unavailable' } }, { status: 403 })
    }),
  ]),
  play: async ({ canvasElement, globals }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent(storyWords({ globals }).messages.usersList.error)
  },
}

/** Test: "Try again" asks again; refused again, the alert and its button come back. */
export const ErrorAgain: Story = {
  tags: ['!dev', '!autodocs', 'test', 'interaction'],
  globals: { language: 'en' },
  beforeEach: Error.beforeEach,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('alert')).toHaveTextContent("Couldn't load your conversations.")
    const before = failedRequests
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(failedRequests).toBe(before + 1))
    await expect(await canvas.findByRole('button', { name: 'Try again' })).toBeEnabled()
  },
}

let refusals = 0

/** The first request fails; "Try again" loads the list. */
export const ErrorThenRetry: Story = {
  tags: ['!dev', '!autodocs', 'test', 'interaction'],
  globals: { language: 'en' },
  beforeEach: (context) => {
    refusals = 0
    overrideNetwork((origin) => [
      http.get(`${origin}/api/chat/conversations/`, () =>
        refusals++ === 0 ? HttpResponse.json({ error: { code: 'forbidden', message: 'not now' } }, { status: 403 }) : undefined,
      ),
    ])(context)
  },
  play: async ({ canvasElement, globals }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Try again' }))
    const list = await listbox({ canvasElement, globals })
    await expect(list).toBeVisible()
    // The focused button went with the error: the focus is on the list, not lost to <body>.
    await expect(document.activeElement).toBe(list)
  },
}

/**
 * A backend without a conversations endpoint (here `chat-polling`; also `endpoints={{ conversations: null }}`, or a
 * server that answers 404): the list says so, with no error and no retry that could not help.
 */
export const NoConversationsEndpoint: Story = {
  parameters: { presence: { backend: 'chat-polling' } },
  play: async ({ canvasElement, globals }) => {
    await waitFor(() => expect(listState(canvasElement)).toBe('unavailable'), { timeout: 5_000 })
    await expect(within(canvasElement).getByText(storyWords({ globals }).messages.usersList.unavailable)).toBeVisible()
    await expect(within(canvasElement).queryByRole('button')).toBeNull()
  },
}

/** Test: the contract's conversations endpoint answers 404: the same "does not offer", no alert. */
export const ConversationsNotFound: Story = {
  tags: ['!dev', '!autodocs', 'test', 'interaction'],
  globals: { language: 'en' },
  beforeEach: overrideNetwork((origin) => [
    http.get(`${origin}/api/chat/conversations/`, () => HttpResponse.json({ error: { code: 'not_found', message: 'no such route' } }, { status: 404 })),
  ]),
  play: NoConversationsEndpoint.play,
}

/** 10,000 conversations passed in: only the rows in view are in the DOM. */
export const Many: Story = { render: (args) => <UsersList {...args} conversations={MANY} /> }

/** Test: of 10,000 rows only those in view are in the DOM; End jumps to the last one. */
export const ManyEnd: Story = {
  tags: ['!dev', '!autodocs', 'test', 'interaction'],
  globals: { language: 'en' },
  ...Many,
  play: async ({ canvasElement, globals }) => {
    const list = await listbox({ canvasElement, globals })
    const options = within(list).getAllByRole('option')
    await expect(options.length).toBeLessThan(40)
    await expect(options[0]).toHaveAttribute('aria-setsize', '10000')
    list.focus()
    await userEvent.keyboard('{End}')
    await waitFor(() => expect(activeOption(list)).toHaveAttribute('aria-posinset', '10000'))
    await waitFor(() => expect(activeOption(list)).toBeVisible())
    await expect(within(list).getAllByRole('option').length).toBeLessThan(40)
  },
}

/** Long names, long messages, big unread counts: everything truncates, nothing wraps. */
export const LongNames: Story = {
  render: (args) => <UsersList {...args} conversations={LONG} />,
  play: async ({ canvasElement, globals }) => {
    const list = await listbox({ canvasElement, globals })
    const { messages, format } = storyWords({ globals })
    await expect(within(list).getByRole('img', { name: messages.usersList.unread(1234, format) })).toHaveTextContent(messages.usersList.unreadBadge(1234, format))
  },
}

/** jane_smith away, ahmad busy, maria_garcia invisible (so offline to john_doe). */
export const AwayDndInvisible: Story = {
  parameters: { presence: { statuses: { jane_smith: 'away', ahmad: 'dnd', maria_garcia: 'invisible' } } },
  play: async ({ canvasElement, globals }) => {
    const list = await listbox({ canvasElement, globals })
    const { status, usersList } = storyWords({ globals }).messages
    await waitFor(() => expect(within(list).getByRole('option', { name: opening(usersList.separator, 'jane_smith', status.away) })).toBeVisible())
    await expect(within(list).getByRole('option', { name: opening(usersList.separator, 'ahmad', status.dnd) })).toBeVisible()
    // Offline, with or without a last seen.
    await expect(within(list).getByRole('option', { name: spoken(new RegExp(`^maria_garcia${literal(usersList.separator)}${literal(status.offline)}`)) })).toBeVisible()
  },
}

/** Three conversations: the list is as tall as its three rows (no empty space under them), up to `maxHeight`. */
export const ThreeRows: Story = {
  render: (args) => <UsersList {...args} conversations={generate(3)} />,
  play: async ({ canvasElement, globals }) => {
    const list = await listbox({ canvasElement, globals })
    const options = await within(list).findAllByRole('option')
    await expect(options).toHaveLength(3)
    // Measured, in the browser: the listbox ends where the third row ends and does not scroll.
    const box = list.getBoundingClientRect()
    await expect(options[2]!.getBoundingClientRect().bottom).toBeCloseTo(box.bottom, 0)
    await expect(box.height).toBeCloseTo(3 * 72, 0)
    await expect(list.scrollHeight).toBe(list.clientHeight)
  },
}

/** Ten thousand conversations fill `maxHeight` and scroll inside it. */
export const PastMaxHeight: Story = {
  args: { maxHeight: 300 },
  render: (args) => <UsersList {...args} conversations={MANY} />,
  play: async ({ canvasElement, globals }) => {
    const list = await listbox({ canvasElement, globals })
    await within(list).findAllByRole('option')
    const frame = canvasElement.querySelector<HTMLElement>('[data-slot="users-list"]')!
    await expect(frame.getBoundingClientRect().height).toBeCloseTo(300, 0)
    await expect(list.scrollHeight).toBeGreaterThan(list.clientHeight)
  },
}

/** Everybody else is offline: each row's status says when they were last seen. */
export const LastSeen: Story = {
  parameters: { presence: { empty: true } },
  play: async ({ canvasElement, globals }) => {
    const list = await listbox({ canvasElement, globals })
    const { messages, ago } = storyWords({ globals })
    await waitFor(() => expect(within(list).getByRole('option', { name: opening(messages.usersList.separator, 'jane_smith', messages.status.offlineLastSeen(ago(2 * HOUR))) })).toBeVisible())
  },
}

/** Online (also away or busy) users first, each group most recent first. */
export const OnlineFirst: Story = {
  args: { sortOnlineFirst: true },
  play: async ({ canvasElement, globals }) => {
    const list = await listbox({ canvasElement, globals })
    await waitFor(() => expect(within(list).getAllByRole('option').length).toBeGreaterThan(3))
    const statuses = within(list)
      .getAllByRole('option')
      .map((o) => o.getAttribute('data-status'))
    const firstOffline = statuses.indexOf('offline')
    await expect(statuses.slice(firstOffline).every((s) => s === 'offline')).toBe(true)
  },
}

/** Users come and go by themselves; the buttons change someone's status. */
export const Live: Story = {
  parameters: { presence: { simulate: true } },
  render: (args, context) => (
    <>
      <UsersList {...args} />
      <MockControls backend={storyBackend(context)} />
    </>
  ),
}

/** Test: the list follows the buttons: jane_smith away, ahmad busy. */
export const LiveFollowsChanges: Story = {
  tags: ['!dev', '!autodocs', 'test', 'interaction'],
  globals: { language: 'en' },
  ...Live,
  parameters: { presence: { simulate: false } },
  play: async ({ canvasElement, globals }) => {
    const canvas = within(canvasElement)
    const list = await listbox({ canvasElement, globals })
    await userEvent.click(canvas.getByRole('button', { name: 'jane_smith: Away' }))
    await waitFor(() => expect(within(list).getByRole('option', { name: spoken(/^jane_smith, Away,/) })).toBeVisible())
    await userEvent.click(canvas.getByRole('button', { name: 'ahmad: Do not disturb' }))
    await waitFor(() => expect(within(list).getByRole('option', { name: spoken(/^ahmad, Do not disturb,/) })).toBeVisible())
  },
}

export const Dark: Story = { decorators: [dark] }

export const RightToLeft: Story = { decorators: [rtl] }

/**
 * The list next to the open chat's header, as a messaging page lays them out; in a frame narrower than 36rem (a
 * phone), where the chat would be squeezed into what the list leaves, the chat goes under the list.
 */
function ChatLayout(args: Story['args']) {
  const [open, setOpen] = useState<Conversation | null>(null)
  return (
    // The frame's width, not the viewport's, decides: the Tablet story is a 768 px frame in a wider canvas.
    <div className="pk:@container">
      <div className="pk:grid pk:items-start pk:gap-3 pk:@xl:grid-cols-[minmax(16rem,22rem)_1fr]">
        <UsersList
          {...args}
          selectedId={open?.id ?? null}
          onUserClick={(user, conversation) => {
            args?.onUserClick?.(user, conversation)
            setOpen(conversation)
          }}
        />
        <div className="pk:min-w-0 pk:overflow-hidden pk:rounded-lg pk:border pk:border-presence-border pk:bg-presence-surface">
          {open ? (
            <ChatHeader userId={open.otherUser.id} name={open.otherUser.username ?? undefined} />
          ) : (
            <p className="pk:p-4 pk:text-presence-muted">Choose a conversation.</p>
          )}
        </div>
      </div>
    </div>
  )
}

export const Phone: Story = { ...onDevice('phone') }

export const Tablet: Story = {
  ...onDevice('tablet'),
  render: (args) => <ChatLayout {...args} />,
  play: async ({ canvasElement, globals }) => {
    const list = await listbox({ canvasElement, globals })
    const { separator } = storyWords({ globals }).messages.usersList
    await userEvent.click(await within(list).findByRole('option', { name: spoken(new RegExp(`^jane_smith${literal(separator.trim())}`)) }))
    await expect(await within(canvasElement).findByRole('heading', { name: 'jane_smith' })).toBeVisible()
    letGo()
  },
}

export const Desktop: Story = { ...onDevice('desktop'), render: (args) => <ChatLayout {...args} /> }

/** Signed out (the provider's token is `null`): the list says so, instead of a skeleton that never ends. */
export const SignedOut: Story = {
  parameters: { presence: { as: null } },
  play: async ({ canvasElement, globals }) => {
    const list = canvasElement.querySelector<HTMLElement>('[data-slot="users-list"]')!
    await waitFor(() => expect(list).toHaveAttribute('data-state', 'signed-out'))
    await expect(list).toHaveTextContent(storyWords({ globals }).messages.usersList.signedOut)
  },
}

/** The list in light and dark: live conversations (online, away with a message, busy, offline), and long names. */
export const AllVariants: Story = {
  tags: ['autodocs'],
  parameters: { presence: { statuses: { jane_smith: 'away', ahmad: 'dnd' } }, device: 'desktop' },
  render: (args) => (
    <LightAndDark>
      {(_, theme, messages) => (
        <div className="pk:flex pk:flex-col pk:gap-4">
          <UsersList {...args} label={`${messages.usersList.label} (${theme})`} height={360} />
          <UsersList {...args} label={`Long names (${theme})`} conversations={LONG} height={3 * 72} />
        </div>
      )}
    </LightAndDark>
  ),
}
