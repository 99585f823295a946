import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite'
import { http, HttpResponse } from 'msw'
import { expect, fn, waitFor } from 'storybook/test'
import { dark, rtl } from '../support/frames'
import { storyBackend, storyOrigin } from '../support/presence'
import { HeartbeatDemo } from './demos/HeartbeatDemo'
import { addHandlers, field, fromStory, SLOW } from './demos/helpers'

const meta = {
  title: 'Hooks/useHeartbeat',
  component: HeartbeatDemo,
  args: { enabled: true, onAuthError: fn() },
  argTypes: {
    endpoint: { control: 'text' },
    intervalMs: { control: { type: 'number', min: 1_000, step: 1_000 } },
  },
} satisfies Meta<typeof HeartbeatDemo>

export default meta
type Story = StoryObj<typeof meta>

const beatAt = (canvasElement: HTMLElement) => {
  const time = field(canvasElement, 'lastBeatAt').querySelector('time')
  return time ? Number(time.title) : null
}

let providerBeats = 0

/** Inside the provider, which runs the heartbeat: one beat at once, from this tab, the leader. */
export const Default: Story = {
  parameters: { presence: { as: 'john_doe' } },
  beforeEach: (context: StoryContext) => {
    providerBeats = 0
    // Counts the beats on their way to the mock backend (a handler that answers nothing lets the request through).
    addHandlers(
      context,
      http.post(`${storyOrigin(context)}/api/chat/heartbeat/`, ({ request }) => {
        if (fromStory(context, request)) providerBeats++
      }),
    )
  },
  play: async (context) => {
    const { canvasElement, args } = context
    await waitFor(() => expect(beatAt(canvasElement)).not.toBeNull(), SLOW)
    await expect(field(canvasElement, 'isLeader')).toHaveTextContent('true')
    await expect(field(canvasElement, 'state')).toHaveTextContent(/^beating$/)
    await expect(providerBeats).toBe(1)
    await expect(args.onAuthError).not.toHaveBeenCalled()
  },
}

/** The provider beats every second (`heartbeatIntervalMs: 1000`): `lastBeatAt` moves on, and so does the backend's record. */
export const EverySecond: Story = {
  parameters: { presence: { as: 'john_doe', provider: { heartbeatIntervalMs: 1_000 } } },
  play: async (context) => {
    const { canvasElement } = context
    await waitFor(() => expect(beatAt(canvasElement)).not.toBeNull(), SLOW)
    const first = beatAt(canvasElement)!
    const john = storyBackend(context).presence.userByName('john_doe')!
    const restAt = john.restAt!
    await waitFor(() => expect(beatAt(canvasElement)).toBeGreaterThan(first), SLOW)
    await waitFor(() => expect(john.restAt).toBeGreaterThan(restAt), SLOW)
  },
}

/** The provider's token is refused: `onAuthError` is called. */
export const AuthError: Story = {
  parameters: { presence: { as: 'john_doe', provider: { token: 'expired-token' } } },
  play: async ({ args }) => {
    await waitFor(() => expect(args.onAuthError).toHaveBeenCalled(), SLOW)
  },
}

let appBeats = 0

/**
 * Without a provider (a dashboard layout that posts to its own route): given an `endpoint`, the hook runs the heartbeat itself. Here the
 * app's own route answers, and counts the beats.
 */
export const WithoutProvider: Story = {
  args: { endpoint: '/app/heartbeat/', intervalMs: 1_000 },
  parameters: {
    msw: {
      handlers: [
        http.post('*/app/heartbeat/', () => {
          appBeats++
          return HttpResponse.json({ message: 'Heartbeat recorded', online_status: 'online', last_seen: new Date().toISOString() })
        }),
      ],
    },
  },
  beforeEach: () => {
    appBeats = 0
  },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(beatAt(canvasElement)).not.toBeNull(), SLOW)
    await expect(field(canvasElement, 'state')).toHaveTextContent(/^beating$/)
    await waitFor(() => expect(appBeats).toBeGreaterThanOrEqual(2), SLOW)
  },
}

/** Without a provider and `enabled: false`: it only observes, and sends nothing. */
export const WithoutProviderDisabled: Story = {
  args: { endpoint: '/app/heartbeat-off/', intervalMs: 1_000, enabled: false },
  parameters: {
    msw: {
      handlers: [
        http.post('*/app/heartbeat-off/', () => {
          appBeats++
          return HttpResponse.json({ online_status: 'online' })
        }),
      ],
    },
  },
  beforeEach: () => {
    appBeats = 0
  },
  play: async ({ canvasElement }) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    await expect(appBeats).toBe(0)
    await expect(field(canvasElement, 'lastBeatAt')).toHaveTextContent(/^null$/)
  },
}

export const Dark: Story = { ...Default, decorators: [dark] }

export const RightToLeft: Story = { ...Default, decorators: [rtl] }
