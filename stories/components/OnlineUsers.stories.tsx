import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite'
import { http, HttpResponse, type AnyHandler } from 'msw'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { OnlineUsers } from '../../src/components/OnlineUsers'
import { dark, onDevice, rtl } from '../support/frames'
import { exactly, storyWords } from '../support/messages'
import { MockControls } from '../support/MockControls'
import { storyBackend, storyOrigin } from '../support/presence'
import { LightAndDark } from '../support/variants'

const meta = {
  title: 'Components/OnlineUsers',
  component: OnlineUsers,
  // A few showcase stories on the docs page, each with its own live mock backend; the rest in the sidebar.
  tags: ['!autodocs'],
  args: { maxUsers: 10, onUserClick: fn(), filter: 'all', includeSelf: false, showLastSeen: true },
  parameters: { presence: { as: 'john_doe' }, layout: 'padded', device: 'tablet' },
} satisfies Meta<typeof OnlineUsers>

export default meta
type Story = StoryObj<typeof meta>

/** The card, by its title in the story's language. */
const card = ({ canvasElement, globals }: Pick<StoryContext, 'canvasElement' | 'globals'>) =>
  within(canvasElement).findByRole('region', { name: storyWords({ globals }).messages.onlineUsers.title })

export const Default: Story = { tags: ['autodocs'] }

/** Test: a click on a tile calls `onUserClick`; invisible users are absent, away and busy ones shown as such. */
export const ClickOnAUser: Story = {
  tags: ['!dev', '!autodocs', 'test', 'interaction'],
  globals: { language: 'en' },
  play: async ({ canvasElement, args, globals }) => {
    const region = await card({ canvasElement, globals })
    const maria = await within(region).findByRole('button', { name: 'maria_garcia, Online' })
    await userEvent.click(maria)
    await expect(args.onUserClick).toHaveBeenCalledWith(expect.objectContaining({ username: 'maria_garcia' }))
    // Invisible users are absent; away and busy users are shown as such.
    await expect(within(region).queryByRole('button', { name: /sofia_rossi/ })).toBeNull()
    await expect(within(region).getByRole('button', { name: 'li_wei, Away' })).toBeVisible()
  },
}

export const KeyboardAndTooltip: Story = {
  tags: ['!dev', '!autodocs', 'test', 'interaction'],
  globals: { language: 'en' },
  play: async ({ canvasElement, globals }) => {
    const region = await card({ canvasElement, globals })
    await within(region).findByRole('button', { name: 'amelia_clark, Online' })
    await userEvent.tab()
    const first = within(region).getAllByRole('button')[0]!
    await expect(first).toHaveFocus()
    // The open tooltip is in the top layer (a popover, which the card's overflow cannot clip), with position: fixed.
    const tooltip = () => document.getElementById(first.getAttribute('aria-describedby')!)!
    await waitFor(() => expect(tooltip()).toBeVisible())
    await expect(tooltip()).toHaveAttribute('role', 'tooltip')
    await userEvent.keyboard('{Escape}')
    await waitFor(() => expect(tooltip()).not.toBeVisible())
  },
}

export const Loading: Story = { parameters: { presence: { network: 'loading' } } }

export const Empty: Story = { tags: ['autodocs'], parameters: { presence: { empty: true } } }

/** Signed out (the provider's token is `null`): the card says so, instead of "Nobody else is online right now." */
export const SignedOut: Story = {
  parameters: { presence: { as: null } },
  play: async (context) => {
    const { onlineUsers } = storyWords(context).messages
    const region = await card(context)
    await waitFor(() => expect(region).toHaveAttribute('data-state', 'signed-out'))
    await expect(region).toHaveTextContent(onlineUsers.signedOut)
    await expect(region).not.toHaveTextContent(onlineUsers.empty)
  },
}

export const Error: Story = {
  tags: ['autodocs'],
  parameters: { presence: { network: 'error', provider: { endpoints: { socket: null } } } },
  play: async ({ canvasElement, globals }) => {
    const { onlineUsers } = storyWords({ globals }).messages
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent(onlineUsers.error)
    await expect(within(canvasElement).getByRole('button', { name: onlineUsers.retry })).toBeVisible()
  },
}

// Whether the story's list answers 503 (until the play clicks "Try again").
let listDown = true

/** Test: "Try again" that works: the users replace the error, and the focus goes with it to the first of them. */
export const ErrorThenRetry: Story = {
  tags: ['!dev', '!autodocs', 'test', 'interaction'],
  globals: { language: 'en' },
  parameters: { presence: { provider: { endpoints: { socket: null } } } },
  beforeEach: (context) => {
    listDown = true
    ;(context as StoryContext & { msw?: { use(...handlers: AnyHandler[]): void } }).msw?.use(
      http.get(`${storyOrigin(context)}/api/chat/online-users/`, () =>
        listDown ? HttpResponse.json({ error: { code: 'unavailable', message: 'down for a moment' } }, { status: 503 }) : undefined,
      ),
    )
  },
  play: async (context) => {
    const { onlineUsers } = storyWords(context).messages
    const region = await card(context)
    const retry = await within(region).findByRole('button', { name: onlineUsers.retry })
    listDown = false
    await userEvent.click(retry)
    await waitFor(() => expect(region).toHaveAttribute('data-state', 'ready'))
    // The focused button went with the error: the focus is on the first user, not lost to <body>.
    await waitFor(() => expect(document.activeElement).toBe(within(region).getAllByRole('button')[0]))
    await expect(document.activeElement).toHaveAttribute('data-slot', 'online-user')
  },
}

/**
 * The backend gives this user no list: here `users-heartbeat-admin`, whose online list is for admins only (a 403
 * for everyone else). The card says so once, without a skeleton, an error or a retry loop.
 */
export const NoListForThisUser: Story = {
  parameters: { presence: { backend: 'users-heartbeat-admin' } },
  play: async ({ canvasElement, globals }) => {
    const region = await card({ canvasElement, globals })
    await waitFor(() => expect(region).toHaveAttribute('data-state', 'unavailable'), { timeout: 5_000 })
    await expect(region).toHaveTextContent(storyWords({ globals }).messages.onlineUsers.unavailable)
    await expect(within(region).queryByRole('alert')).toBeNull()
  },
}

/**
 * The backend has no list of who is online: here the contract with `endpoints={{ onlineUsers: null, socket: null }}`
 * (a 404 says the same). Not "…with your account": the list is missing, not refused (`unavailableReason: 'missing'`).
 */
export const NoListOnThisServer: Story = {
  parameters: { presence: { provider: { endpoints: { onlineUsers: null, socket: null } } } },
  play: async ({ canvasElement, globals }) => {
    const region = await card({ canvasElement, globals })
    const { onlineUsers } = storyWords({ globals }).messages
    await waitFor(() => expect(region).toHaveAttribute('data-state', 'unavailable'), { timeout: 5_000 })
    await expect(region).toHaveTextContent(onlineUsers.notOffered)
    await expect(region).not.toHaveTextContent(onlineUsers.unavailable)
    await expect(within(region).queryByRole('alert')).toBeNull()
  },
}

/** The same backend as NoListForThisUser, signed in as an admin: the admin list, with names, pictures and `away`. */
export const AdminList: Story = {
  parameters: { presence: { backend: 'users-heartbeat-admin', as: 'admin' } },
  play: async ({ canvasElement, globals }) => {
    const region = await card({ canvasElement, globals })
    const { onlineUsers, status } = storyWords({ globals }).messages
    await within(region).findByRole('button', { name: onlineUsers.tile('maria_garcia', status.online) }, { timeout: 5_000 })
  },
}

/**
 * `chat-polling`: no socket, ids only and no details endpoint. `resolveUsers` gives the names and pictures from the
 * app's own user data (here the story's user table), once per id.
 */
export const NamesFromYourApp: Story = {
  parameters: { presence: { backend: 'chat-polling', resolveUsers: true } },
  play: async ({ canvasElement, globals }) => {
    const region = await card({ canvasElement, globals })
    const { onlineUsers, status } = storyWords({ globals }).messages
    await within(region).findByRole('button', { name: onlineUsers.tile('maria_garcia', status.online) }, { timeout: 5_000 })
  },
}

/** `chat-list-activity`: no socket, no list of everyone; the online peers of the signed-in user's chat list. */
export const PeersOfTheChatList: Story = {
  parameters: { presence: { backend: 'chat-list-activity' } },
  play: async ({ canvasElement, globals }) => {
    const region = await card({ canvasElement, globals })
    await waitFor(() => expect(region).toHaveAttribute('data-state', 'ready'), { timeout: 5_000 })
  },
}

export const ManyUsers: Story = {
  args: { maxUsers: 200 },
  parameters: { presence: { extraUsers: 200 }, device: 'desktop' },
}

export const Truncated: Story = {
  args: { maxUsers: 4 },
  // "+N more" by its state, the only button that expands; its name one of the language's plurals ("3 more online").
  play: async (context) => {
    const { messages, format } = storyWords(context)
    const region = await card(context)
    const more = await within(region).findByRole('button', { expanded: false })
    const names = Array.from({ length: 100 }, (_, i) => messages.onlineUsers.moreLabel(i + 1, format))
    await expect(names).toContain(more.getAttribute('aria-label'))
  },
}

export const LongNames: Story = {
  parameters: { presence: { statuses: { aleksandr_konstantinopolsky_the_third: 'online', renee_lefevre: 'dnd' } } },
}

export const AwayDndInvisible: Story = {
  parameters: { presence: { statuses: { jane_smith: 'away', ahmad: 'dnd', maria_garcia: 'invisible' } } },
}

export const FriendsOnly: Story = { args: { filter: 'friends', title: 'Online Friends' } }

export const IncludingMe: Story = { args: { includeSelf: true } }

export const Dark: Story = { decorators: [dark] }

export const RightToLeft: Story = { decorators: [rtl] }

export const Phone: Story = onDevice('phone')

export const Tablet: Story = onDevice('tablet')

export const Desktop: Story = onDevice('desktop')

/** Demo users come and go by themselves; the buttons change someone's status. */
export const Live: Story = {
  parameters: { presence: { simulate: true } },
  render: (args, context) => (
    <>
      <OnlineUsers {...args} />
      <MockControls backend={storyBackend(context)} />
    </>
  ),
}

/** Test: the card follows the buttons — jane_smith comes online, then disappears when invisible. */
export const LiveFollowsChanges: Story = {
  tags: ['!dev', '!autodocs', 'test', 'interaction'],
  globals: { language: 'en' },
  ...Live,
  parameters: { presence: { simulate: false } },
  play: async ({ canvasElement, globals }) => {
    const canvas = within(canvasElement)
    const region = await card({ canvasElement, globals })
    await userEvent.click(canvas.getByRole('button', { name: 'jane_smith: Online' }))
    await waitFor(() => expect(within(region).getByRole('button', { name: 'jane_smith, Online' })).toBeVisible())
    await userEvent.click(canvas.getByRole('button', { name: 'jane_smith: Invisible' }))
    await waitFor(() => expect(within(region).queryByRole('button', { name: /jane_smith/ })).toBeNull())
  },
}

/** Past `maxHeight` (default 480 px) the grid scrolls inside the card; here 240 px over 40 more users. */
export const ScrollingGrid: Story = {
  args: { maxUsers: 60, maxHeight: 240 },
  parameters: { presence: { extraUsers: 40 } },
  play: async ({ canvasElement, globals }) => {
    const region = await card({ canvasElement, globals })
    await waitFor(() => expect(region).toHaveAttribute('data-state', 'ready'))
    const scroller = region.querySelector<HTMLElement>('[data-slot="online-users-scroll"]')!
    await expect(scroller.scrollHeight).toBeGreaterThan(scroller.clientHeight)
    await expect(scroller.getBoundingClientRect().height).toBeLessThanOrEqual(241)
  },
}

/** "+N more" is a button ("3 more online"): it expands the grid in place (Enter or Space), "Show fewer" or Escape folds it back. */
export const ShowMore: Story = {
  // A test story: it ends with the focus on a control (hidden from the sidebar and docs, still run by the tests).
  tags: ['!dev', '!autodocs', 'test', 'interaction'],
  globals: { language: 'en' },
  args: { maxUsers: 6 },
  play: async ({ canvasElement, globals }) => {
    const region = await card({ canvasElement, globals })
    const more = await within(region).findByRole('button', { name: /^\d+ more online$/ })
    await expect(more).toHaveAttribute('aria-expanded', 'false')
    const shown = within(region).getAllByRole('button', { name: /, / }).length
    more.focus()
    await userEvent.keyboard('{Enter}')
    await waitFor(() => expect(more).toHaveAttribute('aria-expanded', 'true'))
    await expect(more).toHaveAccessibleName('Show fewer')
    // The focus moves to the first user the grid revealed.
    await waitFor(() => expect(within(region).getAllByRole('button', { name: /, / })[shown]).toHaveFocus())
    await userEvent.keyboard('{Escape}')
    await userEvent.keyboard('{Escape}')
    await waitFor(() => expect(more).toHaveAttribute('aria-expanded', 'false'))
    await expect(more).toHaveFocus()
  },
}

/** With `includeSelf`, the signed-in user's tile says "You" (in text, and in its accessible name). */
export const YouMarked: Story = {
  args: { includeSelf: true },
  play: async ({ canvasElement, globals }) => {
    const { onlineUsers, status } = storyWords({ globals }).messages
    const region = await card({ canvasElement, globals })
    const mine = await within(region).findByRole('button', { name: onlineUsers.selfTile('john_doe', status.online) })
    await expect(mine.closest('li')!.querySelector('[data-slot="online-user-you"]')).toHaveTextContent(exactly(onlineUsers.you))
  },
}

/** A long name wraps inside its tooltip; the tooltip stays below the title and inside the viewport. */
export const LongNameTooltip: Story = {
  // A test story: it ends with the focus on a control (hidden from the sidebar and docs, still run by the tests).
  tags: ['!dev', '!autodocs', 'test', 'interaction'],
  globals: { language: 'en' },
  parameters: { presence: { statuses: { aleksandr_konstantinopolsky_the_third: 'online' } } },
  play: async ({ canvasElement, globals }) => {
    const region = await card({ canvasElement, globals })
    const tile = await within(region).findByRole('button', { name: /^aleksandr_konstantinopolsky_the_third, / })
    tile.focus()
    const tip = () => document.getElementById(tile.getAttribute('aria-describedby')!)!
    await waitFor(() => expect(tip()).toHaveAttribute('data-placement'))
    const title = within(region).getByRole('heading').getBoundingClientRect()
    const rect = tip().getBoundingClientRect()
    await expect(rect.top >= title.bottom || rect.bottom <= title.top).toBe(true)
    await expect(tip().scrollWidth).toBeLessThanOrEqual(tip().clientWidth)
  },
}

/**
 * The card's variants in light and dark: everyone (away, busy and invisible users among them), the first four with
 * "+N more", and friends only — at a phone's width.
 */
export const AllVariants: Story = {
  tags: ['autodocs'],
  parameters: { presence: { statuses: { jane_smith: 'away', ahmad: 'dnd', maria_garcia: 'invisible' } }, device: 'desktop' },
  render: (args) => (
    <LightAndDark>
      {(_, theme, messages) => (
        <div className="pk:flex pk:flex-col pk:gap-4" style={{ width: 343, maxWidth: '100%' }}>
          <OnlineUsers {...args} title={`${messages.onlineUsers.title} (${theme})`} />
          <OnlineUsers {...args} maxUsers={4} title={`First four (${theme})`} />
          <OnlineUsers {...args} filter="friends" title={`Friends (${theme})`} />
        </div>
      )}
    </LightAndDark>
  ),
}
