import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { ownStatus } from '../../mock-server/core/status'
import { dark, rtl } from '../support/frames'
import { storyBackend, storyOrigin } from '../support/presence'
import { field, SLOW, storyToken } from './demos/helpers'
import { MarkOfflineDemo } from './demos/MarkOfflineDemo'

const meta = {
  title: 'Hooks/useMarkOffline',
  component: MarkOfflineDemo,
  args: { label: 'Log out', onMarkedOffline: fn() },
  parameters: { presence: { as: 'john_doe' } },
} satisfies Meta<typeof MarkOfflineDemo>

export default meta
type Story = StoryObj<typeof meta>

/** john_doe as the backend sees him now. */
function johnOnBackend(context: StoryContext) {
  const backend = storyBackend(context)
  const john = backend.presence.userByName('john_doe')!
  return { connections: john.connections.size, status: ownStatus(john, backend.clock.now(), backend.presence.timing) }
}

/** Waits until this tab's socket is open on the backend. */
async function connected(context: StoryContext) {
  await waitFor(() => expect(field(context.canvasElement, 'connection')).toHaveTextContent('open · socket'), SLOW)
  await waitFor(() => expect(johnOnBackend(context)).toEqual({ connections: 1, status: 'online' }), SLOW)
}

/** Log out: the socket closes and mark-offline is posted; the backend has john_doe offline at once, no grace period. */
export const Default: Story = {
  play: async (context) => {
    const { canvasElement, args } = context
    await connected(context)
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Log out' }))
    await waitFor(() => expect(within(canvasElement).getByRole('status')).toHaveTextContent('Marked offline.'), SLOW)
    await expect(args.onMarkedOffline).toHaveBeenCalledTimes(1)
    await expect(johnOnBackend(context)).toEqual({ connections: 0, status: 'offline' })
    await expect(field(canvasElement, 'useMyStatus().status')).toHaveTextContent(/^offline$/)
    await expect(field(canvasElement, 'connection')).toHaveTextContent(/· none$/)
  },
}

/**
 * john_doe has another tab open (a second socket): marking this tab offline leaves him online, as the contract says.
 * When the other tab closes too, he goes offline once the grace period (2 s) is over.
 */
export const AnotherTabOpen: Story = {
  play: async (context) => {
    const { canvasElement } = context
    await connected(context)
    const otherTab = new WebSocket(`${storyOrigin(context).replace(/^http/, 'ws')}/ws/user-status/?token=${storyToken(context)}`)
    try {
      await waitFor(() => expect(johnOnBackend(context).connections).toBe(2), SLOW)
      await userEvent.click(within(canvasElement).getByRole('button', { name: 'Log out' }))
      await waitFor(() => expect(within(canvasElement).getByRole('status')).toHaveTextContent('Marked offline.'), SLOW)
      await expect(johnOnBackend(context)).toEqual({ connections: 1, status: 'online' })
      await expect(field(canvasElement, 'useMyStatus().status')).toHaveTextContent(/^online$/)
    } finally {
      otherTab.close()
    }
    await waitFor(() => expect(johnOnBackend(context)).toEqual({ connections: 0, status: 'offline' }), SLOW)
  },
}

export const Dark: Story = { decorators: [dark] }

export const RightToLeft: Story = { decorators: [rtl] }
