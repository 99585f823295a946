import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import type { MockBackend } from '../../mock-server/backend'
import { dark, rtl } from '../support/frames'
import { MockControls } from '../support/MockControls'
import { storyBackend, storyOrigin } from '../support/presence'
import { field, SLOW, storyToken } from './demos/helpers'
import { WebSocketDemo } from './demos/WebSocketDemo'

/** The story backend's presence socket, signed in as `parameters.presence.as`. */
const storySocket = (context: StoryContext, token = storyToken(context)) =>
  `${storyOrigin(context).replace(/^http/, 'ws')}/ws/user-status/?token=${token}`

const meta = {
  title: 'Hooks/useWebSocket',
  component: WebSocketDemo,
  args: {
    url: null,
    enabled: true,
    pingIntervalMs: 30_000,
    backoffBaseMs: 1_000,
    onMessage: fn(),
    onOpen: fn(),
    onClose: fn(),
    onUnauthorized: fn(),
  },
  argTypes: {
    url: {
      control: 'text',
      description:
        "The hook's `url`. In these stories `null` stands for the story backend's presence socket (`ws://story-N.presence.test/ws/user-status/?token=…`), signed in as john_doe; type another URL to point it elsewhere.",
    },
  },
  // The provider is there but signed out (`token: null`): the demo's socket is the only one, and needs no provider.
  parameters: { presence: { as: 'john_doe', provider: { token: null } } },
  render: (args, context) => <WebSocketDemo {...args} url={args.url ?? storySocket(context)} />,
} satisfies Meta<typeof WebSocketDemo>

export default meta
type Story = StoryObj<typeof meta>

const drop = { label: 'Drop the connection', run: (backend: MockBackend) => backend.hub.closeAll(1011, 'server restart') }

/**
 * Open on the backend's presence socket: the first frame is the list of who is online. "Send: away" sends a
 * `status` frame: the backend has john_doe away and echoes the change; jane_smith coming online arrives too.
 */
export const Default: Story = {
  play: async (context) => {
    const { canvasElement, args } = context
    const canvas = within(canvasElement)
    await waitFor(() => expect(field(canvasElement, 'state')).toHaveTextContent(/^open$/), SLOW)
    await waitFor(() => expect(field(canvasElement, 'lastMessage')).toHaveTextContent(/^online_users: \d+ users$/), SLOW)
    await expect(args.onOpen).toHaveBeenCalledTimes(1)
    await expect(args.onMessage).toHaveBeenCalledWith(expect.objectContaining({ type: 'online_users' }))
    const john = storyBackend(context).presence.userByName('john_doe')!
    await expect(john.connections.size).toBe(1)

    await userEvent.click(canvas.getByRole('button', { name: 'Send: away' }))
    await expect(canvas.getByText('send() → true')).toBeVisible()
    await waitFor(() => expect(field(canvasElement, 'lastMessage')).toHaveTextContent('user.status.changed: john_doe away'), SLOW)
    await expect(john.mode).toBe('away')
    await expect(john.statusMessage).toBe('Sent over useWebSocket')

    storyBackend(context).applyPresence(2, 'online')
    await waitFor(() => expect(field(canvasElement, 'lastMessage')).toHaveTextContent('user.status.changed: jane_smith online'), SLOW)
  },
}

/** The server drops the connection: `reconnecting`, then open again by itself after the backoff (200 ms here). */
export const Reconnects: Story = {
  args: { backoffBaseMs: 200 },
  render: (args, context) => (
    <div className="pk:w-80">
      <WebSocketDemo {...args} url={args.url ?? storySocket(context)} />
      <MockControls backend={storyBackend(context)} actions={[drop]} />
    </div>
  ),
  play: async (context) => {
    const { canvasElement, args } = context
    await waitFor(() => expect(field(canvasElement, 'state')).toHaveTextContent(/^open$/), SLOW)
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Drop the connection' }))
    await waitFor(() => expect(args.onClose).toHaveBeenCalledWith(expect.objectContaining({ code: 1011 })), SLOW)
    await waitFor(() => expect(args.onOpen).toHaveBeenCalledTimes(2), SLOW)
    await expect(field(canvasElement, 'state')).toHaveTextContent(/^open$/)
    await expect(storyBackend(context).presence.userByName('john_doe')!.connections.size).toBe(1)
  },
}

/** The server refuses the socket (`network: 'error'`): `reconnecting`, with the time of the next attempt. */
export const Refused: Story = {
  args: { backoffBaseMs: 60_000 },
  parameters: { presence: { network: 'error' } },
  play: async ({ canvasElement, args }) => {
    await waitFor(() => expect(field(canvasElement, 'state')).toHaveTextContent(/^reconnecting$/), SLOW)
    await expect(field(canvasElement, 'nextRetryAt').querySelector('time')).not.toBeNull()
    await expect(args.onClose).toHaveBeenCalledWith(expect.objectContaining({ code: 1011 }))
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Retry now' }))
    await waitFor(() => expect(args.onClose).toHaveBeenCalledTimes(2), SLOW)
    await expect(field(canvasElement, 'state')).toHaveTextContent(/^reconnecting$/)
    await expect(args.onOpen).not.toHaveBeenCalled()
  },
}

/** A refused token: the server closes with 4401; `unauthorized`, and no reconnect. */
export const Unauthorized: Story = {
  render: (args, context) => <WebSocketDemo {...args} url={args.url ?? storySocket(context, 'expired-token')} />,
  play: async ({ canvasElement, args }) => {
    await waitFor(() => expect(field(canvasElement, 'state')).toHaveTextContent(/^unauthorized$/), SLOW)
    await expect(args.onUnauthorized).toHaveBeenCalledWith(expect.objectContaining({ code: 4401 }))
    await expect(field(canvasElement, 'nextRetryAt')).toHaveTextContent(/^null$/)
    await expect(args.onOpen).not.toHaveBeenCalled()
  },
}

/** `enabled: false`: `closed`, no socket at all; `send()` returns false. */
export const Disabled: Story = {
  args: { enabled: false },
  play: async (context) => {
    const { canvasElement } = context
    await expect(field(canvasElement, 'state')).toHaveTextContent(/^closed$/)
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Send: away' }))
    await expect(within(canvasElement).getByText('send() → false (not open)')).toBeVisible()
    await expect(storyBackend(context).presence.userByName('john_doe')!.connections.size).toBe(0)
  },
}

export const Dark: Story = { ...Default, decorators: [dark] }

export const RightToLeft: Story = { ...Disabled, decorators: [rtl] }
