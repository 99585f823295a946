// UsersList against backends without a conversations endpoint: the preset has none, the app switched it off, or the
// server answers 404 for it. The list says the server does not offer conversations (no error, no retry that cannot
// help); a refusal (403) or a failure is still an error with a retry.
import { act, cleanup, render, screen } from '@testing-library/react'
import { focusManager, onlineManager } from '@tanstack/react-query'
import { describe, expect, it, vi } from 'vitest'
import { UserStatusProvider, UsersList, ar, es, type UserStatusProviderProps } from '../../../src'
import { FakeWebSocket } from '../../client/fake-websocket'
import { routeFetch, withTestClock } from '../provider-harness'

withTestClock()

const flush = () => act(() => vi.advanceTimersByTimeAsync(300))

function renderList(props: Partial<UserStatusProviderProps>) {
  render(
    <UserStatusProvider token="t" apiBaseUrl="http://backend.test" WebSocket={FakeWebSocket} userId={3} {...props}>
      <UsersList />
    </UserStatusProvider>,
  )
}

// Queried each time: the list's box is a new element once its state changes.
const theList = () => document.querySelector<HTMLElement>('[data-slot="users-list"]')!

const conversationCalls = (fetch: ReturnType<typeof routeFetch>) => fetch.mock.calls.filter(([url]) => String(url).includes('/conversations/')).length

function expectUnavailable(text = 'This server does not offer conversations.') {
  const list = theList()
  expect(list).toHaveAttribute('data-state', 'unavailable')
  expect(list).toHaveTextContent(text)
  expect(list).not.toHaveAttribute('aria-busy')
  expect(screen.queryByRole('alert')).toBeNull()
  expect(screen.queryByRole('button')).toBeNull()
}

describe('UsersList on a backend without conversations', () => {
  it('a preset without the endpoint (chat-polling): unavailable, never asked for', async () => {
    const fetch = routeFetch({ 'GET /api/chat/online-users/': () => Response.json({ online_users: [1] }) })
    renderList({ backend: 'chat-polling', fetch })
    await flush()
    expectUnavailable()
    expect(conversationCalls(fetch)).toBe(0)
  })

  it('endpoints={{ conversations: null }} on the contract: unavailable', async () => {
    const fetch = routeFetch({})
    renderList({ endpoints: { conversations: null, socket: null }, fetch })
    await flush()
    expectUnavailable()
    expect(conversationCalls(fetch)).toBe(0)
  })

  it('the server answers 404: unavailable, asked once', async () => {
    const fetch = routeFetch({})
    renderList({ endpoints: { socket: null }, fetch })
    await flush()
    expectUnavailable()
    await act(() => vi.advanceTimersByTimeAsync(60_000))
    expect(conversationCalls(fetch)).toBe(1)
  })

  it('the server answers 404: the window’s focus and the network’s return ask it no more, and the notice stays', async () => {
    const fetch = routeFetch({})
    renderList({ endpoints: { socket: null }, fetch })
    await flush()
    expectUnavailable()
    act(() => {
      focusManager.setFocused(false)
      focusManager.setFocused(true)
      onlineManager.setOnline(false)
      onlineManager.setOnline(true)
    })
    await flush()
    // Each read again would also show the error for as long as it ran (React Query clears the 404 meanwhile).
    expect(conversationCalls(fetch)).toBe(1)
    expectUnavailable()
  })

  it('in the provider’s language (es, ar)', async () => {
    renderList({ backend: 'chat-polling', fetch: routeFetch({}), messages: es })
    await flush()
    expectUnavailable(es.usersList.unavailable)
    cleanup()
    renderList({ backend: 'chat-polling', fetch: routeFetch({}), messages: ar })
    await flush()
    expectUnavailable(ar.usersList.unavailable)
  })

  it('a 403 is still an error with a retry', async () => {
    const fetch = routeFetch({ 'GET /api/chat/conversations/': () => Response.json({ error: { code: 'forbidden', message: 'no' } }, { status: 403 }) })
    renderList({ endpoints: { socket: null }, fetch })
    await flush()
    expect(theList()).toHaveAttribute('data-state', 'error')
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument()
  })
})
