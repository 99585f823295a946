import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { UserStatusProvider } from '../../../src'
import { StatusPicker } from '../../../src/components/StatusPicker'
import { expiryOf, formatUntil } from '../../../src/components/StatusPicker/expiry'
import { BASE_URL, login, setupMockBackend } from '../../client/mock-backend'

const { server } = setupMockBackend()
afterEach(() => server.events.removeAllListeners())

const until = (check: () => void) => vi.waitFor(check, { timeout: 3_000, interval: 5 })

async function renderPicker(username = 'john_doe') {
  const { access } = await login(username)
  render(
    <UserStatusProvider token={access} apiBaseUrl={BASE_URL} idleAfterMs={false}>
      <StatusPicker />
    </UserStatusProvider>,
  )
  const form = screen.getByRole('form', { name: 'Set your status' })
  await until(() => expect(form).toHaveAttribute('data-state', 'ready'))
  return { picker: within(form), form }
}

describe('expiry presets and "until"', () => {
  const now = new Date(2024, 0, 17, 10, 0).getTime() // a Wednesday, 10:00 local
  it('30 minutes, 1 hour, today (local midnight), this week (end of Sunday), never', () => {
    expect(expiryOf('30m', now)).toBe(now + 30 * 60_000)
    expect(expiryOf('1h', now)).toBe(now + 60 * 60_000)
    expect(expiryOf('today', now)).toBe(new Date(2024, 0, 18).getTime() - 1)
    expect(expiryOf('week', now)).toBe(new Date(2024, 0, 22).getTime() - 1)
    expect(expiryOf('never', now)).toBeNull()
    // On a Sunday "this week" is today.
    const sunday = new Date(2024, 0, 21, 9).getTime()
    expect(expiryOf('week', sunday)).toBe(expiryOf('today', sunday))
  })
  it('reads as a time today, a weekday and time this week, a date later; nothing for a non-time', () => {
    expect(formatUntil(new Date(2024, 0, 17, 15, 0).getTime(), now, 'en-US')).toBe('until 3:00 PM')
    expect(formatUntil(new Date(2024, 0, 19, 15, 0).getTime(), now, 'en-US')).toBe('until Fri 3:00 PM')
    expect(formatUntil(new Date(2024, 1, 2).getTime(), now, 'en-US')).toBe('until Feb 2')
    expect(formatUntil(Number.NaN, now, 'en-US')).toBe('')
  })
})

describe('StatusPicker, section 6', () => {
  it('sends a message with "Clear after 30 minutes" and shows it kept; the last-seen choice goes by PATCH', async () => {
    const user = userEvent.setup()
    const patches: unknown[] = []
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'PATCH') void request.clone().json().then((body) => patches.push(body))
    })
    const { picker } = await renderPicker()
    const expiry = picker.getByRole('combobox', { name: 'Clear after' })
    expect(expiry).toHaveValue('never')
    expect([...(expiry as HTMLSelectElement).options].map((o) => o.text)).toEqual(["Don't clear", '30 minutes', '1 hour', 'Today', 'This week'])
    const visibility = picker.getByRole('combobox', { name: 'Who can see your last seen' })
    expect(visibility).toHaveValue('everyone')
    await user.type(picker.getByRole('textbox', { name: 'Status message' }), 'In a meeting')
    await user.selectOptions(expiry, '30m')
    await user.selectOptions(visibility, 'nobody')
    const before = Date.now()
    await user.click(picker.getByRole('button', { name: 'Save' }))
    await until(() => expect(picker.getByText('Status saved')).toBeInTheDocument())
    const [body] = patches as Array<{ status_message: string; status_expires_at: string; last_seen_visibility: string }>
    expect(body).toMatchObject({ status_message: 'In a meeting', last_seen_visibility: 'nobody' })
    const at = Date.parse(body!.status_expires_at)
    expect(at - before).toBeGreaterThanOrEqual(30 * 60_000 - 1_000)
    expect(at - before).toBeLessThanOrEqual(30 * 60_000 + 5_000)
    // The saved expiry is offered as it stands, and the choice as saved.
    await until(() => expect(picker.getByRole('combobox', { name: 'Clear after' })).toHaveValue('keep'))
    expect(picker.getByRole('option', { name: /^until / })).toBeInTheDocument()
    expect(picker.getByRole('combobox', { name: 'Who can see your last seen' })).toHaveValue('nobody')
  })
})
