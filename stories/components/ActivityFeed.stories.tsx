import type { Decorator, Meta, StoryContext, StoryObj } from '@storybook/react-vite'
import { http, HttpResponse, type AnyHandler } from 'msw'
import { useState, type ReactNode } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import type { MockBackend } from '../../mock-server/backend'
import type { VisibleStatus } from '../../mock-server/core/types'
import { ActivityFeed } from '../../src/components/ActivityFeed'
import { useOnlineUsers } from '../../src/hooks'
import { dark, rtl } from '../support/frames'
import { MockControls } from '../support/MockControls'
import { exactly, storyWords } from '../support/messages'
import { storyBackend, type LoadedPresence } from '../support/presence'
import { SLOW } from '../support/waits'
import { LightAndDark } from '../support/variants'

const MIN = 60_000
const HOUR = 60 * MIN

// A plausible afternoon, oldest first, consistent with the demo cast's current statuses; ends with john_doe
// signing in now.
const HISTORY: Array<[username: string, event: VisibleStatus, ago: number]> = [
  ['isabella_moreau', 'online', 26 * HOUR],
  ['isabella_moreau', 'offline', 25 * HOUR],
  ['oliver_schmidt', 'online', 6 * HOUR + 10 * MIN],
  ['oliver_schmidt', 'offline', 6 * HOUR],
  ['chloe_dubois', 'online', 3 * HOUR + 20 * MIN],
  ['chloe_dubois', 'offline', 3 * HOUR],
  ['zoe_nguyen', 'online', 2 * HOUR],
  ['zoe_nguyen', 'offline', 90 * MIN],
  ['lucas_silva', 'online', 60 * MIN],
  ['lucas_silva', 'offline', 45 * MIN],
  ['li_wei', 'online', 40 * MIN],
  ['li_wei', 'away', 30 * MIN],
  ['olivia_brown', 'online', 25 * MIN],
  ['olivia_brown', 'dnd', 20 * MIN],
  ['ethan_davis', 'online', 10 * MIN],
  ['ethan_davis', 'offline', 2 * MIN],
  ['maria_garcia', 'online', 1 * MIN],
  ['john_doe', 'online', 0],
]

/** Rewrites the mock's activity log before the feed first asks for it: a history, or nothing at all. */
function seedActivity(backend: MockBackend, history: typeof HISTORY) {
  const { presence, clock } = backend
  presence.activity.clear()
  const now = clock.now()
  for (const [username, event, ago] of history) {
    presence.activity.record({ userId: presence.userByName(username)!.id, event, at: now - ago })
  }
}

function Seeded({ backend, history, children }: { backend: MockBackend; history: typeof HISTORY; children: ReactNode }) {
  // Once, during the first render: before the provider's effects connect and fetch.
  useState(() => seedActivity(backend, history))
  return children
}

/** Seeds `parameters.activityHistory` (default {@link HISTORY}) into the story's backend. */
const withHistory: Decorator = (Story, context) => (
  <Seeded backend={storyBackend(context)} history={(context.parameters.activityHistory as typeof HISTORY | undefined) ?? HISTORY}>
    <Story />
  </Seeded>
)

const addHandlers = (context: StoryContext, ...handlers: AnyHandler[]) =>
  (context as StoryContext & { msw?: { use(...handlers: AnyHandler[]): void } }).msw?.use(...handlers)

// Whether a request carries this story's token: a docs page renders every story on one MSW worker, so an override
// answers its own story's requests only and lets the others through.
const fromStory = (context: StoryContext, request: Request) => {
  const token = (context.loaded as { presence?: LoadedPresence }).presence?.token
  return token != null && request.headers.get('authorization') === `Bearer ${token}`
}

const meta = {
  title: 'Components/ActivityFeed',
  component: ActivityFeed,
  // A few showcase stories on the docs page, each with its own live mock backend; the rest in the sidebar.
  tags: ['!autodocs'],
  args: { maxEntries: 20, filter: 'all' },
  argTypes: {
    filter: { control: 'inline-radio', options: ['all', 'friends'] },
    className: { description: "Classes added to the card's root, after its own.", control: 'text' },
  },
  parameters: { presence: { as: 'john_doe' }, layout: 'padded' },
  decorators: [withHistory],
} satisfies Meta<typeof ActivityFeed>

export default meta
type Story = StoryObj<typeof meta>

/** The feed, by its name: `messages.activityFeed.title` in the story's language unless the story gives a `title`. */
const feed = (canvasElement: HTMLElement, name: string) => within(canvasElement).findByRole('region', { name })
const entries = (region: HTMLElement) => within(region).queryAllByRole('listitem')

/** Newest first, each with the event's dot and a relative time on the server's clock. */
export const Default: Story = {
  tags: ['autodocs'],
  play: async (context) => {
    const { messages, ago, sentence } = storyWords(context)
    const { events } = messages.activityFeed
    const region = await feed(context.canvasElement, messages.activityFeed.title)
    await waitFor(() => expect(entries(region)).toHaveLength(HISTORY.length), SLOW)
    const [first, , third] = entries(region)
    await expect(first).toHaveTextContent(sentence(events.online, 'john_doe'))
    await expect(third).toHaveTextContent(exactly(sentence(events.offline, 'ethan_davis') + ago(2 * MIN)))
    const busy = entries(region).find((entry) => entry.textContent?.startsWith(sentence(events.dnd, 'olivia_brown')))!
    await expect(busy).toHaveAttribute('data-status', 'dnd')
    await expect(busy.querySelector('time')).toHaveTextContent(ago(20 * MIN))
    await expect(region).toHaveTextContent(sentence(events.offline, 'isabella_moreau') + ago(25 * HOUR))
    const time = third!.querySelector('time')!
    await expect(Date.parse(time.dateTime)).toBeGreaterThan(0)
  },
}

/** Says when the provider has its first list: a change before it would be part of that list, not a change. */
function LiveHint() {
  const { data, isPending } = useOnlineUsers()
  return <p className="pk:text-sm pk:text-presence-muted">{isPending ? 'Connecting…' : `Live: ${data?.total ?? 0} others online.`}</p>
}

/** The feed follows the mock's controls: each change appears after a short refetch. */
export const Live: Story = {
  render: (args, context) => (
    <div className="pk:flex pk:w-md pk:max-w-full pk:flex-col pk:gap-3">
      <ActivityFeed {...args} />
      <LiveHint />
      <MockControls backend={storyBackend(context)} />
    </div>
  ),
}

/** Test: each button's change appears at the top of the feed. */
export const LiveFollowsChanges: Story = {
  tags: ['!dev', '!autodocs', 'test', 'interaction'],
  ...Live,
  globals: { language: 'en' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const region = await feed(canvasElement, 'Recent activity')
    await waitFor(() => expect(entries(region)).toHaveLength(HISTORY.length), SLOW)
    await canvas.findByText(/^Live:/, undefined, SLOW)
    await userEvent.click(canvas.getByRole('button', { name: 'jane_smith: Away' }))
    await waitFor(() => expect(entries(region)[0]).toHaveTextContent('jane_smith went away'), SLOW)
    await userEvent.click(canvas.getByRole('button', { name: 'ahmad: Do not disturb' }))
    await waitFor(() => expect(entries(region)[0]).toHaveTextContent('ahmad is busy'), SLOW)
    await expect(entries(region)[0]).toHaveAttribute('data-status', 'dnd')
  },
}

/** john_doe's friends only. */
export const FriendsOnly: Story = {
  args: { filter: 'friends', title: "Friends' activity" },
  play: async (context) => {
    const { messages, sentence } = storyWords(context)
    const region = await feed(context.canvasElement, "Friends' activity")
    await waitFor(() => expect(entries(region).length).toBeGreaterThan(0), SLOW)
    await expect(region).toHaveTextContent(sentence(messages.activityFeed.events.dnd, 'olivia_brown'))
    await expect(region).not.toHaveTextContent('ethan_davis')
  },
}

/** `maxEntries` keeps the newest entries. */
export const Limited: Story = {
  args: { maxEntries: 5 },
  play: async (context) => {
    const region = await feed(context.canvasElement, storyWords(context).messages.activityFeed.title)
    await waitFor(() => expect(entries(region)).toHaveLength(5), SLOW)
  },
}

export const Loading: Story = {
  parameters: { presence: { network: 'loading' } },
  play: async (context) => {
    const { messages } = storyWords(context)
    const region = await feed(context.canvasElement, messages.activityFeed.title)
    await expect(region).toHaveAttribute('aria-busy', 'true')
    await expect(within(region).getByText(messages.activityFeed.loading)).toBeInTheDocument()
  },
}

export const Empty: Story = {
  tags: ['autodocs'],
  parameters: { activityHistory: [] },
  play: async (context) => {
    const { messages } = storyWords(context)
    const region = await feed(context.canvasElement, messages.activityFeed.title)
    await expect(await within(region).findByText(messages.activityFeed.empty, undefined, SLOW)).toBeVisible()
  },
}

// Stories whose timeline loads again after the test's "Try again", by story id: a docs page renders several at once.
const recovered = new Set<string>()

/** Answers this story's timeline requests with a 403 until the story is in `recovered`. */
function failActivity(context: StoryContext) {
  recovered.delete(context.id)
  addHandlers(
    context,
    http.get('*/api/users/activity/', ({ request }) =>
      !recovered.has(context.id) && fromStory(context, request)
        ? HttpResponse.json({ error: { code: 'forbidden', message: 'the activity log is not available' } }, { status: 403 })
        : undefined,
    ),
  )
}

/** The timeline cannot be had (a 403): the error and its "Try again". */
export const Error: Story = {
  beforeEach: failActivity,
  play: async (context) => {
    const { messages } = storyWords(context)
    const alert = await within(await feed(context.canvasElement, messages.activityFeed.title)).findByRole('alert', undefined, SLOW)
    await expect(alert).toHaveTextContent(messages.activityFeed.error)
  },
}

/** Test: "Try again" fetches the timeline again and, this time, shows it. */
export const ErrorThenRetry: Story = {
  tags: ['!dev', '!autodocs', 'test', 'interaction'],
  globals: { language: 'en' },
  beforeEach: failActivity,
  play: async ({ canvasElement, id }) => {
    const region = await feed(canvasElement, 'Recent activity')
    const alert = await within(region).findByRole('alert', undefined, SLOW)
    recovered.add(id)
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(entries(region)).toHaveLength(HISTORY.length), SLOW)
    // The focused button went with the error: the focus is on the feed, not lost to <body>.
    await expect(document.activeElement).toBe(region)
  },
}

export const Dark: Story = { decorators: [dark] }

export const RightToLeft: Story = { decorators: [rtl] }

/** The feed in light and dark: the newest entries, each kind of event with its own dot. */
export const AllVariants: Story = {
  tags: ['autodocs'],
  args: { maxEntries: 8 },
  render: (args) => (
    <LightAndDark>
      {(_, theme, messages) => (
        <div className="pk:w-md pk:max-w-full">
          <ActivityFeed {...args} title={`${messages.activityFeed.title} (${theme})`} />
        </div>
      )}
    </LightAndDark>
  ),
}

/** Test: on a phone the two panels stack, each as wide as the phone: the page never scrolls sideways. */
export const AllVariantsFitAPhone: Story = {
  ...AllVariants,
  tags: ['!dev', '!autodocs', 'test', 'interaction'],
  globals: { language: 'en', viewport: { value: 'phone', isRotated: false } },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findAllByRole('region', undefined, SLOW)
    await expect(window.innerWidth).toBe(375)
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth)
  },
}
