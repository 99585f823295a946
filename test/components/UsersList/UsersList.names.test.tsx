// UsersList inside a provider gives its peers' names to the store: a ChatHeader for the same user shows the name the
// conversations carry ("John Doe"), not "User 3", whether the store had never heard of the peer or knew them by id only.
import { act, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { ChatHeader, UserStatusProvider, UsersList, type UserStatusProviderProps } from '../../../src'
import { FakeWebSocket } from '../../client/fake-websocket'
import { routeFetch, withTestClock } from '../provider-harness'

withTestClock()

const flush = () => act(() => vi.advanceTimersByTimeAsync(300))

const conversations = () =>
  Response.json([{ id: 10, other_user: { id: 3, username: 'John Doe', profile_image: null, is_online: true }, last_message: null, unread_count: 0 }])

function renderBoth(props: Partial<UserStatusProviderProps>) {
  render(
    <UserStatusProvider token="t" apiBaseUrl="http://backend.test" WebSocket={FakeWebSocket} userId={1} {...props}>
      <UsersList />
      <ChatHeader userId={3} />
    </UserStatusProvider>,
  )
}

const headerName = () => document.querySelector('[data-slot="chat-header"]')!.textContent

describe('UsersList names its peers for the rest of the page', () => {
  it('a peer the store had never heard of (contract, no socket)', async () => {
    renderBoth({
      endpoints: { socket: null },
      fetch: routeFetch({ 'GET /api/chat/conversations/': conversations, 'GET /api/chat/online-users/': () => Response.json({ success: true, onlineUsers: [] }) }),
    })
    await flush()
    expect(screen.getAllByRole('option')[0]).toHaveTextContent('John Doe')
    expect(headerName()).toContain('John Doe')
  })

  it('a peer the store knew by id only (chat-polling ids, with a conversations endpoint)', async () => {
    renderBoth({
      backend: 'chat-polling',
      endpoints: { conversations: '/api/chat/conversations/' },
      fetch: routeFetch({ 'GET /api/chat/conversations/': conversations, 'GET /api/chat/online-users/': () => Response.json({ online_users: [3] }) }),
    })
    await flush()
    await flush()
    expect(screen.getAllByRole('option')[0]).toHaveTextContent('John Doe')
    expect(headerName()).toContain('John Doe')
    expect(headerName()).not.toContain('User 3')
  })
})
