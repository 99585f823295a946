import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { dark, rtl } from '../support/frames'
import { storyWords } from '../support/messages'
import { MockControls } from '../support/MockControls'
import { storyBackend, type PresenceParameters } from '../support/presence'
import { field, SLOW } from './demos/helpers'
import { LastSeenDemo } from './demos/LastSeenDemo'
import { LiveHint } from './demos/Readout'

// The socket pings every second, so that the client learns of the mock's clock jumps (`advance`) at once; the text
// is computed on the server's clock.
const quickPings: PresenceParameters['provider'] = { runtimeOptions: { socket: { pingIntervalMs: 1_000 } } }

const meta = {
  title: 'Hooks/useLastSeen',
  component: LastSeenDemo,
  args: { userId: 4 },
  argTypes: {
    userId: { control: 'select', options: [2, 4, 5], labels: { 2: '2 jane_smith', 4: '4 maria_garcia', 5: '5 li_wei' } },
    locale: { control: 'text' },
  },
  parameters: { presence: { as: 'john_doe', provider: quickPings } },
  render: (args) => (
    <div>
      <LastSeenDemo {...args} />
      <LiveHint />
    </div>
  ),
} satisfies Meta<typeof LastSeenDemo>

export default meta
type Story = StoryObj<typeof meta>

const MINUTE = 60_000
const HOUR = 60 * MINUTE

const line = (canvasElement: HTMLElement) => canvasElement.querySelector<HTMLElement>('[data-slot="last-seen"]')!

/**
 * maria_garcia is online: `null`. She logs off: "just now"; the server's clock jumps 5 minutes, then a day, and the
 * text follows.
 */
export const Default: Story = {
  play: async (context) => {
    const { canvasElement } = context
    // The hook's words are the provider's language; the demo's own ("Last seen") are English.
    const { ago } = storyWords(context)
    await within(canvasElement).findByText(/^Live:/, undefined, SLOW)
    await expect(line(canvasElement)).toHaveTextContent(/^Online$/)
    await expect(field(canvasElement, 'returned')).toHaveTextContent(/^null$/)

    storyBackend(context).applyPresence(4, 'offline')
    await waitFor(() => expect(line(canvasElement)).toHaveTextContent(`Last seen ${ago(0)}`), SLOW)
    await expect(field(canvasElement, 'returned')).toHaveTextContent(`"${ago(0)}"`)

    storyBackend(context).advance(5 * 60)
    await waitFor(() => expect(line(canvasElement)).toHaveTextContent(`Last seen ${ago(5 * MINUTE)}`), SLOW)

    storyBackend(context).advance(24 * 3600)
    await waitFor(() => expect(line(canvasElement)).toHaveTextContent(`Last seen ${ago(24 * HOUR)}`), SLOW)
  },
}

/** jane_smith comes online (`null`), then logs off: the kit has heard of her now, and tells her last seen. */
export const AfterComingOnline: Story = {
  args: { userId: 2 },
  play: async (context) => {
    const { canvasElement } = context
    const { ago } = storyWords(context)
    await within(canvasElement).findByText(/^Live:/, undefined, SLOW)
    // Unknown to the kit: she is not in the list of who is online.
    await expect(field(canvasElement, 'returned')).toHaveTextContent(/^null$/)
    storyBackend(context).applyPresence(2, 'online')
    await waitFor(() => expect(line(canvasElement)).toHaveTextContent(/^Online$/), SLOW)
    storyBackend(context).applyPresence(2, 'offline')
    await waitFor(() => expect(line(canvasElement)).toHaveTextContent(`Last seen ${ago(0)}`), SLOW)
    storyBackend(context).advance(2 * 3600)
    await waitFor(() => expect(line(canvasElement)).toHaveTextContent(`Last seen ${ago(2 * HOUR)}`), SLOW)
  },
}

/** `locale: 'fr'`: the locale's own words. */
export const French: Story = {
  args: { locale: 'fr' },
  play: async (context) => {
    const { canvasElement } = context
    await within(canvasElement).findByText(/^Live:/, undefined, SLOW)
    storyBackend(context).applyPresence(4, 'offline')
    await waitFor(() => expect(field(canvasElement, 'returned')).toHaveTextContent('"maintenant"'), SLOW)
    storyBackend(context).advance(3 * 60)
    await waitFor(() => expect(field(canvasElement, 'returned')).toHaveTextContent('"il y a 3 minutes"'), SLOW)
  },
}

/** The buttons drive the mock's controls: maria_garcia is shown; "A day later" moves the server's clock. */
export const Live: Story = {
  render: (args, context) => (
    <div className="pk:w-80">
      <LastSeenDemo {...args} />
      <LiveHint />
      <MockControls
        backend={storyBackend(context)}
        actions={[
          { label: 'maria_garcia: Offline', run: (backend) => backend.applyPresence(4, 'offline') },
          { label: 'maria_garcia: Online', run: (backend) => backend.applyPresence(4, 'online') },
          { label: 'An hour later', run: (backend) => backend.advance(3600) },
          { label: 'A day later', run: (backend) => backend.advance(86_400) },
        ]}
      />
    </div>
  ),
  play: async ({ canvasElement, globals }) => {
    const canvas = within(canvasElement)
    const { ago } = storyWords({ globals })
    await canvas.findByText(/^Live:/, undefined, SLOW)
    await userEvent.click(canvas.getByRole('button', { name: 'maria_garcia: Offline' }))
    await waitFor(() => expect(line(canvasElement)).toHaveTextContent(`Last seen ${ago(0)}`), SLOW)
    await userEvent.click(canvas.getByRole('button', { name: 'An hour later' }))
    await waitFor(() => expect(line(canvasElement)).toHaveTextContent(`Last seen ${ago(HOUR)}`), SLOW)
  },
}

export const Dark: Story = { decorators: [dark] }

export const RightToLeft: Story = { decorators: [rtl] }
