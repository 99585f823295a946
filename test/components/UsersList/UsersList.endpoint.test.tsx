import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import type { ReactNode } from 'react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { UserStatusProvider } from '../../../src'
import { UsersList } from '../../../src/components/UsersList'
import { BASE_URL, login, setupMockBackend } from '../../client/mock-backend'
import { fakeListboxLayout, spoken } from './fixtures'

const { server } = setupMockBackend()

let undoLayout: () => void
beforeEach(() => {
  undoLayout = fakeListboxLayout(480)
})
afterEach(() => {
  cleanup()
  undoLayout()
})

const signedIn = (token: string) =>
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <UserStatusProvider token={token} apiBaseUrl={BASE_URL} endpoints={{ socket: null }}>
        {children}
      </UserStatusProvider>
    )
  }

const state = () => document.querySelector('[data-slot="users-list"]')!.getAttribute('data-state')

describe('UsersList from the conversations endpoint', () => {
  it('shows a loading state, then the signed-in user’s conversations, most recent first', async () => {
    const { access } = await login('john_doe')
    render(<UsersList />, { wrapper: signedIn(access) })
    expect(state()).toBe('loading')
    expect(screen.getByRole('status').textContent).toBe('Loading conversations…')
    const options = await screen.findAllByRole('option')
    expect(state()).toBe('ready')
    expect(options.length).toBeGreaterThan(3)
    const times = options.map((o) => Date.parse(o.querySelector('time')?.getAttribute('datetime') ?? '1970-01-01'))
    expect([...times].sort((a, b) => b - a)).toEqual(times)
    // Statuses come from the store, which the endpoint filled: maria_garcia is online, li_wei away with a message.
    expect(screen.getByRole('option', { name: spoken(/^li_wei, Away — Lunch, back at 2,/) })).toBeTruthy()
  })

  it('an error offers a retry that loads the list', async () => {
    const { access } = await login('john_doe')
    let failures = 0
    server.use(
      http.get(`${BASE_URL}/api/chat/conversations/`, () => {
        if (failures++ > 0) return undefined // the next ones reach the mock backend
        return HttpResponse.json({ error: { code: 'forbidden', message: 'not now' } }, { status: 403 })
      }),
    )
    render(<UsersList />, { wrapper: signedIn(access) })
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain("Couldn't load your conversations.")
    expect(state()).toBe('error')
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(state()).toBe('ready'))
    expect(failures).toBe(2)
  })

  it('a user without conversations sees the empty state', async () => {
    const { access } = await login('admin')
    render(<UsersList />, { wrapper: signedIn(access) })
    await waitFor(() => expect(state()).toBe('empty'))
    expect(screen.getByText('No conversations yet.')).toBeTruthy()
  })
})
