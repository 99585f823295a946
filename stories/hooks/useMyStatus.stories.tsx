import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor, within } from 'storybook/test'
import { dark, rtl } from '../support/frames'
import { storyWords } from '../support/messages'
import { storyBackend } from '../support/presence'
import { field, SLOW } from './demos/helpers'
import { MyStatusDemo } from './demos/MyStatusDemo'

const meta = {
  title: 'Hooks/useMyStatus',
  component: MyStatusDemo,
  args: { emptyMessage: 'Set a status' },
  parameters: { presence: { as: 'john_doe' } },
} satisfies Meta<typeof MyStatusDemo>

export default meta
type Story = StoryObj<typeof meta>

const chip = (canvasElement: HTMLElement) => canvasElement.querySelector<HTMLElement>('[data-slot="my-status-chip"]')!

/**
 * john_doe is online, mode `auto`, without a message. His own session elsewhere goes away, then sets a message:
 * the chip follows.
 */
export const Default: Story = {
  play: async (context) => {
    const { canvasElement } = context
    await waitFor(() => expect(field(canvasElement, 'status')).toHaveTextContent(/^online$/), SLOW)
    await expect(field(canvasElement, 'mode')).toHaveTextContent('"auto"')
    await expect(field(canvasElement, 'statusMessage')).toHaveTextContent(/^null$/)
    await expect(chip(canvasElement)).toHaveTextContent('john_doeSet a status')

    const backend = storyBackend(context)
    backend.applyPresence(3, 'away')
    await waitFor(() => expect(field(canvasElement, 'status')).toHaveTextContent(/^away$/), SLOW)
    await expect(field(canvasElement, 'mode')).toHaveTextContent('"away"')
    backend.presence.setStatus(3, { statusMessage: 'In a meeting' })
    await waitFor(() => expect(chip(canvasElement)).toHaveTextContent('john_doeIn a meeting'), SLOW)
  },
}

/** Signed in as li_wei, who is away with a message. */
export const AwayWithMessage: Story = {
  parameters: { presence: { as: 'li_wei' } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(field(canvasElement, 'status')).toHaveTextContent(/^away$/), SLOW)
    await expect(field(canvasElement, 'mode')).toHaveTextContent('"away"')
    await expect(chip(canvasElement)).toHaveTextContent('li_weiLunch, back at 2')
  },
}

/** Signed in as sofia_rossi, who is invisible: she sees herself `invisible` (others see her offline). */
export const Invisible: Story = {
  parameters: { presence: { as: 'sofia_rossi' } },
  play: async ({ canvasElement, globals }) => {
    await waitFor(() => expect(field(canvasElement, 'status')).toHaveTextContent(/^invisible$/), SLOW)
    await expect(field(canvasElement, 'mode')).toHaveTextContent('"invisible"')
    await expect(within(canvasElement).getByRole('img', { name: storyWords({ globals }).messages.status.invisible })).toBeVisible()
  },
}

/** Signed out: `offline`, mode `null`, `user: null`. */
export const SignedOut: Story = {
  parameters: { presence: { as: null } },
  play: async ({ canvasElement }) => {
    await expect(field(canvasElement, 'status')).toHaveTextContent(/^offline$/)
    await expect(field(canvasElement, 'mode')).toHaveTextContent(/^null$/)
    await expect(field(canvasElement, 'user')).toHaveTextContent(/^null$/)
  },
}

export const Dark: Story = { ...AwayWithMessage, decorators: [dark] }

export const RightToLeft: Story = { ...AwayWithMessage, decorators: [rtl] }
