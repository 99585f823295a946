import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor } from 'storybook/test'
import { ChatHeader } from '../../src/components/ChatHeader'
import { exactly, HOLE, shape, storyWords } from '../support/messages'
import { storyBackend } from '../support/presence'

// Section 6 of the contract as users see it: auto-away, a phone-only user, an expiring message, a hidden last seen.
const meta = {
  title: 'Components/Presence v2',
  component: ChatHeader,
  args: { userId: 2, name: 'jane_smith' },
  parameters: { presence: { as: 'john_doe' }, layout: 'padded' },
} satisfies Meta<typeof ChatHeader>

export default meta
type Story = StoryObj<typeof meta>

const statusLine = (canvasElement: HTMLElement) => canvasElement.querySelector<HTMLElement>('[data-slot="chat-header-status"]')!
const indicator = (canvasElement: HTMLElement) => canvasElement.querySelector<HTMLElement>('[data-slot="status-indicator"]')!

/** jane's own client reports her idle (no input for `idleAfterMs`): she reads as "Away (idle)", not a chosen away. */
export const Idle: Story = {
  play: async (context) => {
    const { status } = storyWords(context).messages
    storyBackend(context).applyPresence(2, 'online', { idle: true })
    await waitFor(() => expect(statusLine(context.canvasElement)).toHaveTextContent(exactly(status.idle(status.away))))
  },
}

/** Test: online, idle ("Away (idle)", the dot marked idle), and online again at her next input. */
export const IdleAndBack: Story = {
  tags: ['!dev', '!autodocs', 'test', 'interaction'],
  globals: { language: 'en' },
  play: async (context) => {
    const { canvasElement } = context
    storyBackend(context).applyPresence(2, 'online')
    await waitFor(() => expect(statusLine(canvasElement)).toHaveTextContent(/^Online$/))
    storyBackend(context).applyPresence(2, 'online', { idle: true })
    await waitFor(() => expect(statusLine(canvasElement)).toHaveTextContent(/^Away \(idle\)$/))
    await expect(indicator(canvasElement)).toHaveAttribute('data-idle')
    // Her next input: online again.
    storyBackend(context).applyPresence(2, 'online', { idle: false })
    await waitFor(() => expect(statusLine(canvasElement)).toHaveTextContent(/^Online$/))
  },
}

/** jane is connected from her phone only: a phone shape instead of the dot, and "on mobile" in words. */
export const OnMobile: Story = {
  play: async (context) => {
    const { canvasElement } = context
    storyBackend(context).applyPresence(2, 'online', { device: 'mobile' })
    const { status } = storyWords(context).messages
    await waitFor(() => expect(statusLine(canvasElement)).toHaveTextContent(status.mobile(status.online)))
    await expect(indicator(canvasElement)).toHaveAttribute('data-device', 'mobile')
  },
}

/** jane's "In a meeting" clears itself in 30 minutes; the mock clock moves 31 minutes on and it is gone. */
export const ExpiringMessage: Story = {
  play: async (context) => {
    const backend = storyBackend(context)
    backend.applyPresence(2, 'online', { device: 'web' })
    backend.presence.setStatus(2, { statusMessage: 'In a meeting', statusExpiresAt: backend.clock.now() + 30 * 60_000 })
    const { status, statusLine: line } = storyWords(context).messages
    const expected = shape(line.withMessage(status.online, line.withUntil('In a meeting', line.until(HOLE))))
    await waitFor(() => expect(statusLine(context.canvasElement)).toHaveTextContent(expected))
  },
}

/** Test: the message clears itself: the mock clock moves 31 minutes on and it is gone. */
export const MessageExpires: Story = {
  tags: ['!dev', '!autodocs', 'test', 'interaction'],
  globals: { language: 'en' },
  play: async (context) => {
    const { canvasElement } = context
    const backend = storyBackend(context)
    // A held connection, as an open tab of jane's: she stays online past the REST presence's 5 minutes.
    backend.applyPresence(2, 'online', { device: 'web' })
    backend.presence.setStatus(2, { statusMessage: 'In a meeting', statusExpiresAt: backend.clock.now() + 30 * 60_000 })
    await waitFor(() => expect(statusLine(canvasElement)).toHaveTextContent(/^Online — In a meeting \(until .+\)$/))
    backend.advance(31 * 60)
    await waitFor(() => expect(statusLine(canvasElement)).toHaveTextContent(/^Online$/))
  },
}

/** jane shows her last seen to nobody: offline, she reads as "Offline", never as "never" or a time. */
export const HiddenLastSeen: Story = {
  play: async (context) => {
    const { canvasElement } = context
    const { status } = storyWords(context).messages
    const backend = storyBackend(context)
    backend.applyPresence(2, 'online')
    await waitFor(() => expect(statusLine(canvasElement)).toHaveTextContent(exactly(status.online)))
    backend.presence.setStatus(2, { lastSeenVisibility: 'nobody' })
    backend.applyPresence(2, 'offline')
    await waitFor(() => expect(statusLine(canvasElement)).toHaveTextContent(exactly(status.offline)))
  },
}
