import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import type { MockBackend } from '../../mock-server/backend'
import { UserStatusProvider, type UserStatusProviderProps } from '../../src'
import type { WebSocketLike } from '../../src/client'
import { ConnectionBanner } from '../../src/components/ConnectionBanner'
import { useConnectionState } from '../../src/hooks'
import type { ConnectionState, Transport } from '../../src'
import { dark, rtl } from '../support/frames'
import { storyWords } from '../support/messages'
import { MockControls } from '../support/MockControls'
import { storyBackend, storyOrigin, storyToken, type PresenceParameters } from '../support/presence'
import { SLOW } from '../support/waits'
import { LightAndDark } from '../support/variants'

// The connection in words: what `useConnectionState()` says, under the banner made from it.
const STATE_WORDS: Record<ConnectionState, string> = {
  idle: 'not connected (signed out)',
  connecting: 'connecting',
  open: 'live',
  reconnecting: 'trying again',
  closed: 'closed',
  unauthorized: 'refused (signed out)',
}
const TRANSPORT_WORDS: Record<Transport, string> = { socket: 'pushed as they happen', polling: 'fetched at the poll interval', none: 'none' }

/** The connection under the banner, so that the story shows what the banner is made from. */
function ConnectionReadout() {
  const { state, transport } = useConnectionState()
  return (
    <p className="pk:mt-3 pk:text-xs pk:text-presence-muted" data-state={state} data-transport={transport}>
      Connection: <span data-slot="readout-state">{STATE_WORDS[state]}</span> · updates: {TRANSPORT_WORDS[transport]}
    </p>
  )
}

// A backoff that always waits its whole ceiling (8 s, then 16 s, …), and no fallback to polling, so that the
// countdown is predictable.
const predictable = (baseMs: number): PresenceParameters['provider'] => ({
  runtimeOptions: {
    socket: { backoff: { baseMs, capMs: 60_000 }, random: () => 0.999 },
    fallback: { maxFailedAttempts: 1_000, maxNotOpenMs: 3_600_000 },
  },
})

const drop = { label: 'Drop the connection', run: (backend: MockBackend) => backend.hub.closeAll(1011, 'server restart') }

const meta = {
  title: 'Components/ConnectionBanner',
  component: ConnectionBanner,
  // A few showcase stories on the docs page, each with its own live mock backend; the rest in the sidebar.
  tags: ['!autodocs'],
  argTypes: {
    className: { description: "Classes added to the banner's root, after its own, while it shows.", control: 'text' },
  },
  parameters: { presence: { as: 'john_doe' }, layout: 'padded' },
  render: (args) => (
    <div className="pk:w-lg pk:max-w-full">
      <ConnectionBanner {...args} />
      <ConnectionReadout />
    </div>
  ),
} satisfies Meta<typeof ConnectionBanner>

export default meta
type Story = StoryObj<typeof meta>

const banner = (canvasElement: HTMLElement) => canvasElement.querySelector<HTMLElement>('[data-slot="connection-banner"]')!

/** The socket is refused: a countdown to the next attempt, and "Retry now" to try at once. */
export const Reconnecting: Story = {
  tags: ['autodocs'],
  parameters: { presence: { network: 'error', provider: predictable(8_000) } },
  play: async (context) => {
    const { canvasElement } = context
    await waitFor(() => expect(banner(canvasElement)).toHaveAttribute('data-state', 'reconnecting'), SLOW)
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent(storyWords(context).messages.connectionBanner.reconnecting)
  },
}

/** Test: the countdown, and "Retry now" tries at once (and, refused again, waits longer). */
export const RetryNow: Story = {
  tags: ['!dev', '!autodocs', 'test', 'interaction'],
  globals: { language: 'en' },
  parameters: { presence: { network: 'error', provider: predictable(8_000) } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await waitFor(() => expect(banner(canvasElement)).toHaveAttribute('data-state', 'reconnecting'), SLOW)
    await waitFor(() => expect(banner(canvasElement)).toHaveTextContent(/^Reconnecting…next attempt in [78] sRetry now$/))
    await userEvent.click(canvas.getByRole('button', { name: 'Retry now' }))
    await waitFor(() => expect(banner(canvasElement)).toHaveTextContent(/next attempt in 1[56] s/), SLOW)
  },
}

/** Live over the socket, nothing shows; drop the connection and the banner counts down; "Retry now" reconnects. */
export const DropAndRecover: Story = {
  tags: ['!dev', '!autodocs', 'test', 'interaction'],
  globals: { language: 'en' },
  parameters: { presence: { provider: predictable(30_000) } },
  render: (args, context) => (
    <div className="pk:w-lg pk:max-w-full">
      <ConnectionBanner {...args} />
      <ConnectionReadout />
      <MockControls backend={storyBackend(context)} actions={[drop]} />
    </div>
  ),
  play: async (context: StoryContext) => {
    const { canvasElement } = context
    const canvas = within(canvasElement)
    await waitFor(() => expect(canvasElement.querySelector('[data-transport]')).toHaveAttribute('data-state', 'open'), SLOW)
    await expect(banner(canvasElement)).toHaveAttribute('data-state', 'hidden')
    await expect(canvas.queryByRole('button', { name: 'Retry now' })).toBeNull()
    const drop = canvas.getByRole('button', { name: 'Drop the connection' })
    await userEvent.click(drop)
    await waitFor(() => expect(banner(canvasElement)).toHaveTextContent(/Reconnecting…next attempt in (30|29) s/), SLOW)
    await userEvent.click(canvas.getByRole('button', { name: 'Retry now' }))
    await waitFor(() => expect(banner(canvasElement)).toHaveAttribute('data-state', 'hidden'), SLOW)
    // "Retry now" went with the banner: the focus is back where it was before, not lost to <body>.
    await expect(document.activeElement).toBe(drop)
    await expect(storyBackend(context).presence.userByName('john_doe')!.connections.size).toBe(1)
  },
}

/** Presence arrives by polling (`endpoints.socket: null`), with the notice shown (`hideWhenPolling={false}`). */
export const Polling: Story = {
  args: { hideWhenPolling: false },
  parameters: { presence: { provider: { endpoints: { socket: null } } } },
  play: async (context) => {
    const { canvasElement } = context
    const { messages, format } = storyWords(context)
    await waitFor(() => expect(banner(canvasElement)).toHaveAttribute('data-state', 'polling'), SLOW)
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent(messages.connectionBanner.polling(10, format))
  },
}

/** The interval in the text is the provider's `pollIntervalMs`. */
export const PollingEvery30Seconds: Story = {
  args: { hideWhenPolling: false },
  parameters: { presence: { provider: { endpoints: { socket: null }, pollIntervalMs: 30_000 } } },
  play: async (context) => {
    const { messages, format } = storyWords(context)
    const text = messages.connectionBanner.polling(30, format)
    await waitFor(() => expect(within(context.canvasElement).getByRole('status')).toHaveTextContent(text), SLOW)
  },
}

/** A backend without a socket: polling is its normal way, so by default (`hideWhenPolling` unset) no banner. */
export const HiddenWhenPolling: Story = {
  parameters: { presence: { provider: { endpoints: { socket: null } } } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[data-transport]')).toHaveAttribute('data-transport', 'polling'), SLOW)
    await expect(banner(canvasElement)).toHaveAttribute('data-state', 'hidden')
    await expect(within(canvasElement).getByRole('status')).toBeEmptyDOMElement()
  },
}

/** The token is refused (the socket closes with 4401): presence stops until the app hands over a new token. */
export const SignedOut: Story = {
  tags: ['autodocs'],
  parameters: { presence: { provider: { token: 'expired-token' } } },
  play: async (context) => {
    const { canvasElement } = context
    const { messages } = storyWords(context)
    await waitFor(() => expect(banner(canvasElement)).toHaveAttribute('data-state', 'unauthorized'), SLOW)
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent(messages.connectionBanner.signedOut)
    await expect(within(canvasElement).queryByRole('button', { name: messages.connectionBanner.retry })).toBeNull()
  },
}

/** No token at all: signed out on purpose, nothing to say. */
export const NoToken: Story = {
  parameters: { presence: { as: null } },
  play: async ({ canvasElement }) => {
    await expect(banner(canvasElement)).toHaveAttribute('data-state', 'hidden')
  },
}

export const Dark: Story = { ...Polling, decorators: [dark] }

export const RightToLeft: Story = { ...Reconnecting, decorators: [rtl] }

// A socket that is refused at once, every time: a provider that has one keeps reconnecting.
class RefusedSocket implements WebSocketLike {
  readyState = 0
  readonly #onClose: Array<(event: unknown) => void> = []
  constructor() {
    setTimeout(() => {
      this.readyState = 3
      for (const listener of this.#onClose) listener({ code: 1006, reason: '' })
    })
  }
  send(): void {
    throw new Error('the socket is not open')
  }
  close(): void {
    this.readyState = 3
  }
  addEventListener(type: string, listener: (event: unknown) => void): void {
    if (type === 'close') this.#onClose.push(listener)
  }
}

// Each state of the banner is a state of a provider's connection: one provider per state, all on the story's backend.
const VARIANTS: ReadonlyArray<{ name: string; provider: (token: string | null) => Omit<UserStatusProviderProps, 'apiBaseUrl'> }> = [
  { name: 'Reconnecting', provider: (token) => ({ token, WebSocket: RefusedSocket, ...predictable(60_000) }) },
  { name: 'Polling', provider: (token) => ({ token, endpoints: { socket: null }, pollIntervalMs: 10_000 }) },
  { name: 'Signed out (token refused)', provider: () => ({ token: 'expired-token' }) },
]

/**
 * Every state the banner shows, in light and dark: reconnecting (with its countdown and "Retry now"), polling, and
 * signed out. Live and hidden show nothing: see DropAndRecover and HiddenWhenPolling.
 */
export const AllVariants: Story = {
  tags: ['autodocs'],
  args: { hideWhenPolling: false },
  render: (args, context) => (
    <LightAndDark>
      {() => (
        <div className="pk:flex pk:flex-col pk:gap-3">
          {VARIANTS.map(({ name, provider }) => (
            <div key={name}>
              <p className="pk:mb-1 pk:text-xs pk:text-presence-muted">{name}</p>
              <UserStatusProvider apiBaseUrl={storyOrigin(context)} {...provider(storyToken(context))}>
                <ConnectionBanner {...args} />
              </UserStatusProvider>
            </div>
          ))}
        </div>
      )}
    </LightAndDark>
  ),
  play: async ({ canvasElement }) => {
    const states = () => [...canvasElement.querySelectorAll('[data-slot="connection-banner"]')].map((el) => el.getAttribute('data-state'))
    await waitFor(() => expect(states()).toEqual(['reconnecting', 'polling', 'unauthorized', 'reconnecting', 'polling', 'unauthorized']), SLOW)
  },
}
