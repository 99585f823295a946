import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite'
import { http } from 'msw'
import { expect, waitFor, within } from 'storybook/test'
import { dark, rtl } from '../support/frames'
import { storyBackend, storyOrigin } from '../support/presence'
import { FriendIdsDemo } from './demos/FriendIdsDemo'
import { addHandlers, field, fromStory, SLOW } from './demos/helpers'

const meta = {
  title: 'Hooks/useFriendIds',
  component: FriendIdsDemo,
  args: { enabled: true },
  parameters: { presence: { as: 'john_doe' } },
} satisfies Meta<typeof FriendIdsDemo>

export default meta
type Story = StoryObj<typeof meta>

const item = (canvasElement: HTMLElement, name: string) =>
  within(within(canvasElement).getByRole('list', { name: 'Online users' }))
    .queryAllByRole('listitem')
    .find((li) => li.textContent?.startsWith(name))
const isFriend = (canvasElement: HTMLElement, name: string) => item(canvasElement, name)?.textContent === `${name}Friend`

let friendRequests = 0

/**
 * Five of the eight online are john_doe's friends. jane_smith comes online: the last answer did not settle her, so
 * the hook asks again and marks her; lucas_silva, not a friend, is not marked.
 */
export const Default: Story = {
  beforeEach: (context: StoryContext) => {
    friendRequests = 0
    // Counts the friends lookups on their way to the mock backend (a handler that answers nothing lets them through).
    addHandlers(
      context,
      http.get(`${storyOrigin(context)}/api/users/online/`, ({ request }) => {
        if (fromStory(context, request) && new URL(request.url).searchParams.get('filter') === 'friends') friendRequests++
      }),
    )
  },
  play: async (context) => {
    const { canvasElement } = context
    await waitFor(() => expect(field(canvasElement, 'data')).toHaveTextContent('Set(5)'), SLOW)
    await expect(friendRequests).toBe(1)
    await expect(field(canvasElement, 'isPending')).toHaveTextContent('false')
    for (const name of ['emma_johnson', 'li_wei', 'maria_garcia', 'olivia_brown', 'priya_patel']) {
      await expect(isFriend(canvasElement, name)).toBe(true)
    }
    for (const name of ['amelia_clark', 'kwame_mensah', 'mateo_fernandez']) {
      await expect(isFriend(canvasElement, name)).toBe(false)
    }

    storyBackend(context).applyPresence(2, 'online')
    storyBackend(context).applyPresence(11, 'online')
    await waitFor(() => expect(isFriend(canvasElement, 'jane_smith')).toBe(true), SLOW)
    await waitFor(() => expect(item(canvasElement, 'lucas_silva')).toBeDefined(), SLOW)
    await expect(isFriend(canvasElement, 'lucas_silva')).toBe(false)
    await expect(friendRequests).toBeGreaterThanOrEqual(2)
  },
}

/** `enabled: false`: nothing is asked; `data` stays `undefined` and `isPending` `true`, as a disabled React Query query. */
export const Disabled: Story = {
  args: { enabled: false },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).getAllByRole('listitem').length).toBe(8), SLOW)
    await expect(field(canvasElement, 'data')).toHaveTextContent(/^undefined$/)
    await expect(field(canvasElement, 'isPending')).toHaveTextContent('true')
  },
}

/** The backend never answers: `isPending` while the friends are being asked for. */
export const Loading: Story = {
  parameters: { presence: { network: 'loading' } },
  play: async ({ canvasElement }) => {
    await expect(field(canvasElement, 'isPending')).toHaveTextContent('true')
    await expect(field(canvasElement, 'data')).toHaveTextContent(/^undefined$/)
  },
}

export const Dark: Story = { decorators: [dark] }

export const RightToLeft: Story = { decorators: [rtl] }
