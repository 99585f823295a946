import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import type { MockBackend } from '../../mock-server/backend'
import { dark, rtl } from '../support/frames'
import { MockControls } from '../support/MockControls'
import { storyBackend } from '../support/presence'
import { ConnectionStateDemo } from './demos/ConnectionStateDemo'
import { field, predictable, SLOW } from './demos/helpers'

const meta = {
  title: 'Hooks/useConnectionState',
  component: ConnectionStateDemo,
  args: { retryLabel: 'Retry now' },
  parameters: { presence: { as: 'john_doe', provider: predictable(30_000) } },
} satisfies Meta<typeof ConnectionStateDemo>

export default meta
type Story = StoryObj<typeof meta>

const drop = { label: 'Drop the connection', run: (backend: MockBackend) => backend.hub.closeAll(1011, 'server restart') }

/**
 * Live over the socket: `open`. Drop the connection and it is `reconnecting`, with the next attempt 30 s away;
 * "Retry now" reconnects at once.
 */
export const Default: Story = {
  render: (args, context) => (
    <div className="pk:w-80">
      <ConnectionStateDemo {...args} />
      <MockControls backend={storyBackend(context)} actions={[drop]} />
    </div>
  ),
  play: async (context: StoryContext) => {
    const { canvasElement } = context
    const canvas = within(canvasElement)
    await waitFor(() => expect(field(canvasElement, 'state')).toHaveTextContent(/^open$/), SLOW)
    await expect(field(canvasElement, 'transport')).toHaveTextContent(/^socket$/)
    await expect(field(canvasElement, 'nextRetryAt')).toHaveTextContent(/^null$/)
    await expect(field(canvasElement, 'hasSocket')).toHaveTextContent(/^true$/)
    await expect(canvas.queryByRole('button', { name: 'Retry now' })).toBeNull()

    await userEvent.click(canvas.getByRole('button', { name: 'Drop the connection' }))
    await waitFor(() => expect(field(canvasElement, 'state')).toHaveTextContent(/^reconnecting$/), SLOW)
    const at = Date.parse(field(canvasElement, 'nextRetryAt').querySelector('time')!.dateTime)
    await expect(at - Date.now()).toBeGreaterThan(25_000)

    await userEvent.click(canvas.getByRole('button', { name: 'Retry now' }))
    await waitFor(() => expect(field(canvasElement, 'state')).toHaveTextContent(/^open$/), SLOW)
    await expect(storyBackend(context).presence.userByName('john_doe')!.connections.size).toBe(1)
  },
}

/** The socket is refused (`network: 'error'`): `reconnecting`, with a time for the next attempt. */
export const Refused: Story = {
  parameters: { presence: { network: 'error', provider: predictable(8_000) } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(field(canvasElement, 'state')).toHaveTextContent(/^reconnecting$/), SLOW)
    await expect(field(canvasElement, 'nextRetryAt').querySelector('time')).not.toBeNull()
    await expect(within(canvasElement).getByRole('button', { name: 'Retry now' })).toBeVisible()
  },
}

/** No socket endpoint: no socket at all (`idle`), presence by `polling`. */
export const Polling: Story = {
  parameters: { presence: { provider: { endpoints: { socket: null } } } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(field(canvasElement, 'transport')).toHaveTextContent(/^polling$/), SLOW)
    await expect(field(canvasElement, 'state')).toHaveTextContent(/^idle$/)
  },
}

/** The token is refused: the socket closes with 4401 and stays `unauthorized`. */
export const Unauthorized: Story = {
  parameters: { presence: { provider: { token: 'expired-token' } } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(field(canvasElement, 'state')).toHaveTextContent(/^unauthorized$/), SLOW)
    await expect(within(canvasElement).queryByRole('button', { name: 'Retry now' })).toBeNull()
  },
}

/** Signed out (no token): `idle`, transport `none`. */
export const SignedOut: Story = {
  parameters: { presence: { as: null } },
  play: async ({ canvasElement }) => {
    await expect(field(canvasElement, 'state')).toHaveTextContent(/^idle$/)
    await expect(field(canvasElement, 'transport')).toHaveTextContent(/^none$/)
  },
}

export const Dark: Story = { ...Refused, decorators: [dark] }

export const RightToLeft: Story = { ...Refused, decorators: [rtl] }
