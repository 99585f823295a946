import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { UserStatusProvider, type UserStatusProviderProps } from '../../../src'
import { StatusPicker, type StatusPickerProps } from '../../../src/components/StatusPicker'
import { BASE_URL, login, setupMockBackend } from '../../client/mock-backend'

const { backend, server } = setupMockBackend()

afterEach(() => server.events.removeAllListeners())

const until = (check: () => void) => vi.waitFor(check, { timeout: 3_000, interval: 5 })

async function renderPicker(username = 'john_doe', props: StatusPickerProps = {}, provider: Partial<UserStatusProviderProps> = {}) {
  const { access } = await login(username)
  render(
    <UserStatusProvider token={access} apiBaseUrl={BASE_URL} {...provider}>
      <StatusPicker {...props} />
    </UserStatusProvider>,
  )
  const form = screen.getByRole('form', { name: 'Set your status' })
  await until(() => expect(form).toHaveAttribute('data-state', 'ready'))
  return within(form)
}

describe('StatusPicker', () => {
  it('reflects the current mode and message, and describes each mode', async () => {
    const picker = await renderPicker('li_wei')
    expect(picker.getByRole('radio', { name: 'Away' })).toBeChecked()
    expect(picker.getByRole('textbox', { name: 'Status message' })).toHaveValue('Lunch, back at 2')
    expect(picker.getByText('16/140')).toBeInTheDocument()
    expect(picker.getByRole('radio', { name: 'Invisible' })).toHaveAccessibleDescription('You appear offline to others')
    expect(picker.getAllByRole('radio').map((radio) => radio.getAttribute('value'))).toEqual(['auto', 'away', 'dnd', 'invisible'])
    // Each option shows its indicator's shape, hidden from assistive technology (the label says it in words).
    const dnd = picker.getByRole('radio', { name: 'Do not disturb' }).closest('label')!
    expect(dnd.querySelector('[data-slot="status-indicator"]')).toHaveAttribute('data-status', 'dnd')
  })

  it('saves the chosen mode and message, then calls onSaved and says so', async () => {
    const onSaved = vi.fn()
    const user = userEvent.setup()
    const picker = await renderPicker('john_doe', { onSaved })
    await user.click(picker.getByRole('radio', { name: 'Away' }))
    await user.type(picker.getByRole('textbox', { name: 'Status message' }), '  lunch ')
    await user.click(picker.getByRole('button', { name: 'Save' }))
    await until(() => expect(onSaved).toHaveBeenCalledWith({ mode: 'away', statusMessage: 'lunch' }))
    const john = backend.presence.userByName('john_doe')!
    expect(john.mode).toBe('away')
    expect(john.statusMessage).toBe('lunch')
    expect(picker.getByRole('status')).toHaveTextContent('Status saved')
    expect(picker.getByRole('textbox', { name: 'Status message' })).toHaveValue('lunch')
  })

  it('follows changes made elsewhere until a field is edited', async () => {
    const user = userEvent.setup()
    const picker = await renderPicker('john_doe')
    const john = backend.presence.userByName('john_doe')!
    backend.applyPresence(john.id, 'dnd')
    await until(() => expect(picker.getByRole('radio', { name: 'Do not disturb' })).toBeChecked())
    await user.click(picker.getByRole('radio', { name: 'Away' }))
    backend.applyPresence(john.id, 'online')
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(picker.getByRole('radio', { name: 'Away' })).toBeChecked()
  })

  it('counts code points live: an emoji is one', async () => {
    const user = userEvent.setup()
    const picker = await renderPicker()
    const input = picker.getByRole('textbox', { name: 'Status message' })
    await user.click(input)
    await user.paste('🍕🍕 pizza')
    expect(picker.getByText('8/140')).toBeInTheDocument()
    expect(input).toHaveAccessibleDescription('8 of 140 characters')
  })

  it('over 140 the field is invalid and Save sends nothing', async () => {
    const requests: string[] = []
    server.events.on('request:start', ({ request }) => requests.push(request.method))
    const user = userEvent.setup()
    const picker = await renderPicker()
    const input = picker.getByRole('textbox', { name: 'Status message' })
    await user.click(input)
    await user.paste('🍕'.repeat(141))
    const counter = picker.getByText('141/140').parentElement!
    expect(counter).toHaveAttribute('data-state', 'over')
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(picker.getByText('Keep the message to 140 characters.')).toBeInTheDocument()
    await user.click(picker.getByRole('button', { name: 'Save' }))
    expect(input).toHaveFocus()
    expect(requests).not.toContain('PATCH')
    expect(backend.presence.userByName('john_doe')!.statusMessage).toBeNull()
  })

  it('Clear empties the message and keeps the focus in the field', async () => {
    const user = userEvent.setup()
    const picker = await renderPicker('li_wei')
    const clear = picker.getByRole('button', { name: 'Clear status message' })
    await user.click(clear)
    expect(picker.getByRole('textbox', { name: 'Status message' })).toHaveValue('')
    expect(picker.getByRole('textbox', { name: 'Status message' })).toHaveFocus()
    expect(clear).toBeDisabled()
    await user.click(picker.getByRole('button', { name: 'Save' }))
    await until(() => expect(backend.presence.userByName('li_wei')!.statusMessage).toBeNull())
    expect(backend.presence.userByName('li_wei')!.mode).toBe('away')
  })

  it('shows the pending state, then the error in an alert', async () => {
    let fail: () => void = () => {}
    server.use(
      http.patch(`${BASE_URL}/api/users/me/status/`, async () => {
        await new Promise<void>((resolve) => (fail = resolve))
        return HttpResponse.json({ error: { code: 'unavailable', message: 'the presence service is down' } }, { status: 503 })
      }),
    )
    const user = userEvent.setup()
    const picker = await renderPicker('john_doe', {}, { endpoints: { socket: null } })
    await user.click(picker.getByRole('radio', { name: 'Do not disturb' }))
    await user.click(picker.getByRole('button', { name: 'Save' }))
    const saving = await picker.findByRole('button', { name: 'Saving…' })
    expect(saving).toHaveAttribute('aria-disabled', 'true')
    expect(screen.getByRole('form')).toHaveAttribute('data-state', 'pending')
    fail()
    expect(await picker.findByRole('alert')).toHaveTextContent("Couldn't save your status: the presence service is down")
    expect(picker.getByRole('radio', { name: 'Do not disturb' })).toBeChecked()
    expect(backend.presence.userByName('john_doe')!.mode).toBe('auto')
  })
})
