// The components over a backend (the MSW mock, its answers replaced) that sends odd records: each renders what it
// can, with a fallback for what it cannot, and one bad record never empties a list.
import { render, screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { UserStatusProvider } from '../../src'
import { ActivityFeed } from '../../src/components/ActivityFeed'
import { StatusPicker } from '../../src/components/StatusPicker'
import { UsersList } from '../../src/components/UsersList'
import { BASE_URL, login, setupMockBackend } from '../client/mock-backend'
import { fakeListboxLayout } from './UsersList/fixtures'

const { server } = setupMockBackend()

let undoLayout: () => void
beforeEach(() => {
  undoLayout = fakeListboxLayout(480)
})
afterEach(() => {
  undoLayout()
  vi.restoreAllMocks()
})

const BAD_TEXT = /undefined|\bnull\b|NaN|Invalid Date/
const until = (check: () => void) => vi.waitFor(check, { timeout: 3_000, interval: 5 })

async function renderSignedIn(children: React.ReactNode) {
  const { access } = await login('john_doe')
  return render(
    <UserStatusProvider token={access} apiBaseUrl={BASE_URL} endpoints={{ socket: null }}>
      {children}
    </UserStatusProvider>,
  )
}

describe('odd backend records', () => {
  it('ActivityFeed: nameless and blank-named users, times in 1970, 9999 and next year, a bad event and "hello 12": the rest listed', async () => {
    server.use(
      http.get(`${BASE_URL}/api/users/activity/`, () =>
        HttpResponse.json([
          { user: { id: 2, username: null }, event: 'online', at: new Date(Date.now() + 365 * 86_400_000).toISOString() },
          { user: { id: 3, username: '\u200b' }, event: 'away', at: '1970-01-01T00:00:00Z' },
          { user: { id: 4, username: 'x'.repeat(5_000) }, event: 'dnd', at: 1 },
          { user: { id: 5, username: '<b>bold</b>' }, event: 'offline', at: '9999-12-31T00:00:00Z' },
          { user: { id: 5, username: '<b>bold</b>' }, event: 'offline', at: '9999-12-31T00:00:00Z' },
          { user: { id: 6, username: 'busy_bee' }, event: 'busy', at: '2024-01-15T10:30:00Z' },
          { user: { id: 7, username: 'hello' }, event: 'online', at: 'hello 12' },
        ]),
      ),
    )
    await renderSignedIn(<ActivityFeed />)
    const region = screen.getByRole('region', { name: 'Recent activity' })
    await until(() => expect(region).toHaveAttribute('data-state', 'ready'))
    const rows = within(region).getAllByRole('listitem').map((row) => row.querySelector('p')!.textContent)
    expect(rows).toHaveLength(5)
    expect(rows[0]).toBe('User 2 came online')
    expect(rows[1]).toBe('User 3 went away')
    expect(rows[3]).toBe('<b>bold</b> went offline')
    expect(region.querySelector('b')).toBeNull()
    expect(rows.join(' ')).not.toMatch(/busy_bee|hello/)
    expect(region.textContent).not.toMatch(BAD_TEXT)
    for (const time of region.querySelectorAll('time')) expect(Number.isNaN(Date.parse(time.getAttribute('datetime')!))).toBe(false)
  })

  it('UsersList: a repeated conversation id, a peer that is no record, a last message that is text only, an unread count as text', async () => {
    server.use(
      http.get(`${BASE_URL}/api/chat/conversations/`, () =>
        HttpResponse.json([
          { id: 1, other_user: { id: 2, username: 'jane_smith', is_online: true }, last_message: { text: 'hi', sent_at: 'hello 12' }, unread_count: 2 },
          { id: '1', other_user: { id: 2, username: 'jane_copy', is_online: false } },
          { id: 2, other_user: null },
          { id: 3, other_user: { id: 905, username: null, is_online: 'false' }, last_message: 'hello', unread_count: '3' },
          { id: 4, other_user: { id: 906, username: '\u202eevil', online_status: 'away', status_message: 'm'.repeat(10_000) } },
        ]),
      ),
    )
    vi.spyOn(console, 'error').mockImplementation(() => {})
    await renderSignedIn(<UsersList />)
    await until(() => expect(document.querySelector('[data-slot="users-list"]')).toHaveAttribute('data-state', 'ready'))
    const names = screen.getAllByRole('option').map((option) => option.querySelector('[data-slot="users-list-name"]')!.textContent)
    expect(names).toEqual(['jane_smith', 'User 905', '\u202eevil'])
    // The name is isolated from the text after it.
    expect(screen.getAllByRole('option')[2]!.querySelector('[data-slot="users-list-name"]')).toHaveAttribute('dir', 'auto')
    // A last message time that is no time shows none.
    expect(screen.getAllByRole('option')[0]!.querySelector('time')).toBeNull()
    expect(document.body.textContent).not.toMatch(BAD_TEXT)
  })

  it('StatusPicker: my status message of 10,000 characters, an unknown mode and visibility, an expiry of "soon"', async () => {
    server.use(
      http.get(`${BASE_URL}/api/users/me/`, () =>
        HttpResponse.json({
          id: 1,
          username: 'john_doe',
          online_status: 'online',
          status_message: 'm'.repeat(10_000),
          status_expires_at: 'soon',
          last_seen_visibility: 'martians',
          mode: 'strange',
          is_admin: 'yes',
        }),
      ),
    )
    await renderSignedIn(<StatusPicker />)
    const input = await screen.findByRole('textbox')
    await until(() => expect((input as HTMLInputElement).value).toHaveLength(140))
    expect(screen.getByRole('radio', { name: /Online/ })).toBeChecked()
    expect(document.body.textContent).not.toMatch(BAD_TEXT)
  })
})
