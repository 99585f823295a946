import { cleanup, render, screen, waitFor } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import type { ReactNode } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { UserStatusProvider } from '../../../src'
import type { Conversation } from '../../../src/client'
import { UsersList } from '../../../src/components/UsersList'
import { BASE_URL, login, setupMockBackend } from '../../client/mock-backend'
import { fakeListboxLayout, named, spoken } from './fixtures'

const { server } = setupMockBackend()

let undoLayout: () => void
beforeEach(() => {
  undoLayout = fakeListboxLayout(480)
})
afterEach(() => {
  cleanup()
  undoLayout()
  vi.restoreAllMocks()
})

const signedIn = (token: string) =>
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <UserStatusProvider token={token} apiBaseUrl={BASE_URL} endpoints={{ socket: null }}>
        {children}
      </UserStatusProvider>
    )
  }

const root = () => document.querySelector('[data-slot="users-list"]')

describe('UsersList survives one bad record', () => {
  it('a conversation whose last message was sent at 9e15 (past what a Date holds) keeps the list mounted', async () => {
    const { access } = await login('john_doe')
    server.use(
      http.get(`${BASE_URL}/api/chat/conversations/`, () =>
        HttpResponse.json([
          {
            id: 1,
            other_user: { id: 2, username: 'jane_smith', is_online: true, online_status: 'online' },
            last_message: { text: 'hi', sent_at: 9e15, sender_id: 2 },
            unread_count: 0,
          },
          {
            id: 2,
            other_user: { id: 5, username: 'li_wei', is_online: false, online_status: 'offline' },
            last_message: { text: 'see you', sent_at: '2024-01-15T14:05:00Z', sender_id: 5 },
            unread_count: 1,
          },
        ]),
      ),
    )
    vi.spyOn(console, 'error').mockImplementation(() => {})
    render(<UsersList />, { wrapper: signedIn(access) })
    await waitFor(() => expect(root()?.getAttribute('data-state')).toBe('ready'))
    const options = screen.getAllByRole('option')
    expect(options).toHaveLength(2)
    // The message is kept; only its impossible time is dropped.
    expect(screen.getByRole('option', { name: spoken(/^jane_smith, [^,]+, hi$/) }).querySelector('time')).toBeNull()
    expect(screen.getByRole('option', { name: spoken(/^li_wei, /) }).querySelector('time')?.getAttribute('datetime')).toBe(
      '2024-01-15T14:05:00.000Z',
    )
  })

  it('data handed straight to the component with an impossible time still renders every row', () => {
    const [a, b] = named(['ahmad', 'jane_smith'])
    const odd: Conversation[] = [
      { ...a!, lastMessage: { text: 'hi', sentAt: 9e15, senderId: 'u1' } },
      { ...b!, lastMessage: { text: 'nan', sentAt: Number.NaN, senderId: 'u2' } },
    ]
    vi.spyOn(console, 'error').mockImplementation(() => {})
    render(<UsersList conversations={odd} />)
    expect(root()).not.toBeNull()
    expect(screen.getAllByRole('option')).toHaveLength(2)
    expect(document.querySelector('time')).toBeNull()
  })

  it('a conversation id holding half a surrogate pair (JSON can carry one) does not break the option ids', () => {
    const [a, b] = named(['ahmad', 'jane_smith'])
    render(<UsersList conversations={[{ ...a!, id: '\ud83d' }, b!]} />)
    const options = screen.getAllByRole('option')
    expect(options).toHaveLength(2)
    expect(new Set(options.map((o) => o.id)).size).toBe(2)
  })
})
