import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { othersView } from '../../mock-server/core/status'
import { dark, rtl } from '../support/frames'
import { storyBackend } from '../support/presence'
import { field, SLOW } from './demos/helpers'
import { SetMyStatusDemo } from './demos/SetMyStatusDemo'

const meta = {
  title: 'Hooks/useSetMyStatus',
  component: SetMyStatusDemo,
  args: { defaultMessage: '', onSaved: fn() },
  parameters: { presence: { as: 'john_doe' } },
} satisfies Meta<typeof SetMyStatusDemo>

export default meta
type Story = StoryObj<typeof meta>

const form = (canvasElement: HTMLElement) => within(canvasElement).findByRole('form', { name: 'Set my status' })

/** Away with "Lunch", saved: the mock backend has john_doe away with "Lunch", and `useMyStatus` shows it. */
export const Default: Story = {
  play: async (context) => {
    const { canvasElement, args } = context
    const picker = within(await form(canvasElement))
    await waitFor(() => expect(picker.getByRole('radio', { name: 'Online' })).toBeChecked(), SLOW)
    await waitFor(() => expect(field(canvasElement, 'useMyStatus().status')).toHaveTextContent(/^online$/), SLOW)
    await userEvent.click(picker.getByRole('radio', { name: 'Away' }))
    await userEvent.type(picker.getByRole('textbox', { name: 'Status message' }), 'Lunch')
    await userEvent.click(picker.getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(within(canvasElement).getByRole('status')).toHaveTextContent('Status saved'), SLOW)
    await expect(args.onSaved).toHaveBeenCalledWith({ mode: 'away', statusMessage: 'Lunch' })
    // Resolved only once the store shows it.
    await expect(field(canvasElement, 'useMyStatus().status')).toHaveTextContent(/^away$/)
    await expect(field(canvasElement, 'useMyStatus().statusMessage')).toHaveTextContent('"Lunch"')
    const john = storyBackend(context).presence.userByName('john_doe')!
    await expect(john.mode).toBe('away')
    await expect(john.statusMessage).toBe('Lunch')
  },
}

/** Busy, then the message cleared (an empty message is `null`). */
export const BusyThenClear: Story = {
  args: { defaultMessage: 'Focus time' },
  play: async (context) => {
    const { canvasElement } = context
    const picker = within(await form(canvasElement))
    await waitFor(() => expect(field(canvasElement, 'useMyStatus().status')).toHaveTextContent(/^online$/), SLOW)
    await userEvent.click(picker.getByRole('radio', { name: 'Do not disturb' }))
    await userEvent.click(picker.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(field(canvasElement, 'useMyStatus().statusMessage')).toHaveTextContent('"Focus time"'), SLOW)
    await expect(field(canvasElement, 'useMyStatus().status')).toHaveTextContent(/^dnd$/)

    await userEvent.clear(picker.getByRole('textbox', { name: 'Status message' }))
    await userEvent.click(picker.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(field(canvasElement, 'useMyStatus().statusMessage')).toHaveTextContent(/^null$/), SLOW)
    const john = storyBackend(context).presence.userByName('john_doe')!
    await expect(john.mode).toBe('dnd')
    await expect(john.statusMessage).toBeNull()
  },
}

/** Invisible: john_doe sees himself invisible; the backend shows him offline to everybody else. */
export const Invisible: Story = {
  play: async (context) => {
    const { canvasElement } = context
    const picker = within(await form(canvasElement))
    await waitFor(() => expect(field(canvasElement, 'useMyStatus().status')).toHaveTextContent(/^online$/), SLOW)
    await userEvent.click(picker.getByRole('radio', { name: 'Invisible' }))
    await userEvent.click(picker.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(field(canvasElement, 'useMyStatus().status')).toHaveTextContent(/^invisible$/), SLOW)
    const backend = storyBackend(context)
    const john = backend.presence.userByName('john_doe')!
    await expect(john.mode).toBe('invisible')
    await expect(othersView(john, backend.clock.now(), backend.presence.timing).status).toBe('offline')
  },
}

/** A message over 140 characters: the server refuses it, `mutateAsync` rejects, `error` says why; nothing changes. */
export const TooLong: Story = {
  args: { defaultMessage: 'x'.repeat(141) },
  play: async (context) => {
    const { canvasElement, args } = context
    const picker = within(await form(canvasElement))
    await waitFor(() => expect(field(canvasElement, 'useMyStatus().status')).toHaveTextContent(/^online$/), SLOW)
    await userEvent.click(picker.getByRole('button', { name: 'Save' }))
    await expect(await within(canvasElement).findByRole('alert', undefined, SLOW)).toHaveTextContent(/140/)
    await expect(args.onSaved).not.toHaveBeenCalled()
    await expect(storyBackend(context).presence.userByName('john_doe')!.statusMessage).toBeNull()
  },
}

export const Dark: Story = { decorators: [dark] }

export const RightToLeft: Story = { decorators: [rtl] }
