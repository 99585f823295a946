import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite'
import { http, HttpResponse } from 'msw'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { dark, rtl } from '../support/frames'
import { HOLE, shape, storyWords } from '../support/messages'
import { MockControls } from '../support/MockControls'
import { storyBackend, storyOrigin } from '../support/presence'
import { ConversationsDemo } from './demos/ConversationsDemo'
import { addHandlers, field, fromStory, SLOW } from './demos/helpers'

const meta = {
  title: 'Hooks/useConversations',
  component: ConversationsDemo,
  args: { onSelect: fn() },
  argTypes: { maxRows: { control: { type: 'number', min: 0 } } },
  parameters: { presence: { as: 'john_doe' } },
} satisfies Meta<typeof ConversationsDemo>

export default meta
type Story = StoryObj<typeof meta>

const list = (canvasElement: HTMLElement) => within(canvasElement).getByRole('list', { name: 'Conversations' })
const row = (canvasElement: HTMLElement, name: string) =>
  within(list(canvasElement)).getAllByRole('button').find((button) => button.textContent?.includes(name))!
const dotOf = (button: HTMLElement) => button.querySelector<HTMLElement>('[data-slot="status-indicator"]')!

/**
 * john_doe's eight conversations. jane_smith is offline, and the kit had not heard of her: the hook added her to the
 * store, so her dot tells her last seen. She comes online: her dot follows. Pressing her row selects it.
 */
export const Default: Story = {
  play: async (context) => {
    const { canvasElement, args } = context
    const { messages, ago } = storyWords(context)
    await waitFor(() => expect(field(canvasElement, 'data.length')).toHaveTextContent(/^8$/), SLOW)
    const jane = row(canvasElement, 'jane_smith')
    await waitFor(() => expect(dotOf(jane)).toHaveAccessibleName(messages.status.offlineLastSeen(ago(2 * 3_600_000))), SLOW)
    await expect(dotOf(row(canvasElement, 'maria_garcia'))).toHaveAccessibleName(messages.status.online)

    storyBackend(context).applyPresence(2, 'online')
    await waitFor(() => expect(dotOf(row(canvasElement, 'jane_smith'))).toHaveAccessibleName(messages.status.online), SLOW)

    await userEvent.click(row(canvasElement, 'jane_smith'))
    await expect(args.onSelect).toHaveBeenCalledWith(
      expect.objectContaining({ otherUser: expect.objectContaining({ id: '2', username: 'jane_smith' }) }),
    )
  },
}

/** The buttons drive the mock's controls; the dots follow. */
export const Live: Story = {
  render: (args, context) => (
    <div className="pk:w-80">
      <ConversationsDemo {...args} />
      <MockControls backend={storyBackend(context)} />
    </div>
  ),
  play: async ({ canvasElement, globals }) => {
    const canvas = within(canvasElement)
    const { status } = storyWords({ globals }).messages
    await waitFor(() => expect(field(canvasElement, 'data.length')).toHaveTextContent(/^8$/), SLOW)
    await waitFor(() => expect(dotOf(row(canvasElement, 'ahmad'))).toHaveAccessibleName(shape(status.offlineLastSeen(HOLE))), SLOW)
    await userEvent.click(canvas.getByRole('button', { name: 'ahmad: Do not disturb' }))
    await waitFor(() => expect(dotOf(row(canvasElement, 'ahmad'))).toHaveAccessibleName(status.dnd), SLOW)
  },
}

/** `maxRows: 3`: the three most recent. */
export const FirstThree: Story = {
  args: { maxRows: 3 },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(field(canvasElement, 'data.length')).toHaveTextContent(/^8$/), SLOW)
    await expect(within(list(canvasElement)).getAllByRole('listitem')).toHaveLength(3)
  },
}

/** The backend never answers: `isPending` stays true. */
export const Loading: Story = {
  parameters: { presence: { network: 'loading' } },
  play: async ({ canvasElement }) => {
    await expect(field(canvasElement, 'isPending')).toHaveTextContent('true')
  },
}

let conversationsFail = true

/** The conversations are refused (a 403, not retried); "Try again" calls `refetch()`. */
export const Error: Story = {
  beforeEach: (context: StoryContext) => {
    conversationsFail = true
    addHandlers(
      context,
      http.get(`${storyOrigin(context)}/api/chat/conversations/`, ({ request }) =>
        conversationsFail && fromStory(context, request)
          ? HttpResponse.json({ error: { code: 'forbidden', message: 'no conversations for you' } }, { status: 403 })
          : undefined,
      ),
    )
  },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert', undefined, SLOW)
    await expect(alert).toHaveTextContent("Couldn't load the conversations.")
    conversationsFail = false
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(field(canvasElement, 'data.length')).toHaveTextContent(/^8$/), SLOW)
  },
}

export const Dark: Story = { decorators: [dark] }

export const RightToLeft: Story = { decorators: [rtl] }
