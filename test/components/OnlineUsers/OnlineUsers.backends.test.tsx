// The OnlineUsers card against backends that are not the contract: it loads (never a skeleton forever), shows the
// names and pictures the backend or the app's resolver gives, and says plainly when there is no list for this user.
import { act, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { OnlineUsers, UserStatusProvider, ar, es, useOnlineUsers, type UserStatusProviderProps } from '../../../src'
import { FakeWebSocket } from '../../client/fake-websocket'
import { routeFetch, withTestClock } from '../provider-harness'

withTestClock()

const flush = () => act(() => vi.advanceTimersByTimeAsync(300))

// The hook's reason beside the card, as the card's provider sees it.
function Reason({ filter }: { filter?: 'friends' }) {
  const { unavailableReason } = useOnlineUsers({ filter })
  return <span data-testid="reason">{String(unavailableReason)}</span>
}

function renderCard(props: Partial<UserStatusProviderProps>) {
  render(
    <UserStatusProvider
      token="t"
      apiBaseUrl="http://backend.test"
      WebSocket={FakeWebSocket}
      userId={3}
      runtimeOptions={{ heartbeat: { locks: null, BroadcastChannel: null } }}
      {...props}
    >
      <OnlineUsers />
      <Reason />
    </UserStatusProvider>,
  )
  return document.querySelector<HTMLElement>('[data-slot="online-users"]')!
}

const heartbeat = () => Response.json({ message: 'Heartbeat recorded', online_status: 'online' })

describe('OnlineUsers against each kind of backend', () => {
  it('users-heartbeat-admin, a non-admin: says there is no list for this user, once; no skeleton, no error, no banner', async () => {
    const fetch = routeFetch({
      'POST /api/users/heartbeat/': heartbeat,
      'GET /api/users/admin/users/online/': () => Response.json({ error: { code: 'forbidden', message: 'admins only' } }, { status: 403 }),
    })
    const card = renderCard({ backend: 'users-heartbeat-admin', fetch })
    expect(card).toHaveAttribute('data-state', 'loading')
    await flush()
    expect(card).toHaveAttribute('data-state', 'unavailable')
    expect(card).toHaveTextContent('This server does not share who is online with your account.')
    expect(card).not.toHaveAttribute('aria-busy')
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.queryByRole('status')).toBeNull()
    await act(() => vi.advanceTimersByTimeAsync(120_000))
    expect(fetch.mock.calls.filter(([url]) => String(url).includes('/admin/')).length).toBe(1)
    expect(card).toHaveAttribute('data-state', 'unavailable')
    expect(screen.getByTestId('reason')).toHaveTextContent('refused')
  })

  it('chat-polling with resolveUsers: the app’s names and pictures, the caller left out; no polling banner', async () => {
    const fetch = routeFetch({
      'POST /api/chat/heartbeat/': heartbeat,
      'GET /api/chat/online-users/': () => Response.json({ online_users: [1, 2, 3] }),
    })
    const resolveUsers = vi.fn(async (ids: string[]) => ids.map((id) => ({ id, username: `user-${id}`, profileImage: `http://app.test/${id}.png` })))
    const card = renderCard({ backend: 'chat-polling', fetch, resolveUsers })
    await flush()
    expect(card).toHaveAttribute('data-state', 'ready')
    expect(screen.getByRole('button', { name: 'user-1, Online' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'user-2, Online' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /user-3/ })).toBeNull()
    expect(card).toHaveTextContent('2 online')
    expect(card.querySelector('img[src="http://app.test/2.png"]')).not.toBeNull()
    expect(screen.queryByRole('status')).toBeNull()
    expect(resolveUsers).toHaveBeenCalledTimes(1)
  })

  it('chat-polling without a resolver: the ids as placeholders', async () => {
    const fetch = routeFetch({
      'POST /api/chat/heartbeat/': heartbeat,
      'GET /api/chat/online-users/': () => Response.json({ online_users: [1, 3] }),
    })
    const card = renderCard({ backend: 'chat-polling', fetch })
    await flush()
    expect(card).toHaveAttribute('data-state', 'ready')
    expect(screen.getByRole('button', { name: 'User 1, Online' })).toBeInTheDocument()
  })

  it('chat-list-activity: the online peers of the chat list', async () => {
    const fetch = routeFetch({
      'GET /api/chat/conversations/': () =>
        Response.json([
          { id: 10, other_user: { id: 1, username: 'alice', profile_image: 'http://backend.test/avatars/1.svg', is_online: true }, last_message: null, unread_count: 0 },
          { id: 11, other_user: { id: 2, username: 'bob', profile_image: null, is_online: false }, last_message: null, unread_count: 0 },
        ]),
    })
    const card = renderCard({ backend: 'chat-list-activity', fetch })
    await flush()
    expect(card).toHaveAttribute('data-state', 'ready')
    expect(card).toHaveTextContent('1 online')
    expect(screen.getByRole('button', { name: 'alice, Online' })).toBeInTheDocument()
    expect(screen.getByTestId('reason')).toHaveTextContent('null')
  })

  it('user-status-socket: loads from the list once the socket opens (no snapshot ever comes)', async () => {
    const fetch = routeFetch({
      'GET /api/users/online/': () => Response.json([{ id: 1, username: 'alice', profile_image: 'http://backend.test/avatars/1.svg', is_online: true }]),
    })
    const card = renderCard({ backend: 'user-status-socket', fetch })
    await flush()
    expect(card).toHaveAttribute('data-state', 'loading')
    act(() => FakeWebSocket.last.open())
    await flush()
    expect(card).toHaveAttribute('data-state', 'ready')
    expect(screen.getByRole('button', { name: 'alice, Online' })).toBeInTheDocument()
  })

  it('a friends card on a backend without friends says so instead of an error', async () => {
    const fetch = routeFetch({ 'GET /api/chat/online-users/': () => Response.json({ success: true, onlineUsers: [] }) })
    render(
      <UserStatusProvider token="t" apiBaseUrl="http://backend.test" WebSocket={FakeWebSocket} userId={3} backend="chat-socket" fetch={fetch}>
        <OnlineUsers filter="friends" />
        <Reason filter="friends" />
      </UserStatusProvider>,
    )
    await flush()
    act(() => {
      FakeWebSocket.last.open()
      FakeWebSocket.last.receive({ type: 'online_users', onlineUsers: ['3'] })
    })
    await flush()
    const card = document.querySelector('[data-slot="online-users"]')!
    expect(card).toHaveAttribute('data-state', 'unavailable')
    expect(card).toHaveTextContent('This server does not share which of your friends are online.')
    // No friends endpoint: missing, and the friends wording stays.
    expect(screen.getByTestId('reason')).toHaveTextContent('missing')
  })
})

// A list the backend does not have (none configured, or a 404) is not one it refuses this account (403): the card
// says the server does not offer it, and the hook's unavailableReason tells the two apart.
describe('OnlineUsers: a missing list is not a refused one', () => {
  const notOffered = 'This server does not offer a list of who is online.'

  it('no list endpoint and no socket (endpoints: null): missing, never asked for', async () => {
    const fetch = routeFetch({ 'POST /api/chat/heartbeat/': heartbeat })
    const card = renderCard({ endpoints: { onlineUsers: null, socket: null }, fetch })
    await flush()
    expect(card).toHaveAttribute('data-state', 'unavailable')
    expect(card).toHaveTextContent(notOffered)
    expect(card).not.toHaveTextContent('with your account')
    expect(screen.getByTestId('reason')).toHaveTextContent('missing')
    expect(fetch.mock.calls.filter(([url]) => String(url).includes('/online-users/')).length).toBe(0)
  })

  it('the server answers 404 for the list: missing, asked once', async () => {
    const fetch = routeFetch({ 'POST /api/chat/heartbeat/': heartbeat })
    const card = renderCard({ endpoints: { socket: null }, fetch })
    await flush()
    expect(card).toHaveAttribute('data-state', 'unavailable')
    expect(card).toHaveTextContent(notOffered)
    expect(screen.getByTestId('reason')).toHaveTextContent('missing')
    expect(screen.queryByRole('alert')).toBeNull()
    await act(() => vi.advanceTimersByTimeAsync(60_000))
    expect(fetch.mock.calls.filter(([url]) => String(url).includes('/online-users/')).length).toBe(1)
  })

  it('a 403 on the contract: refused, the account wording', async () => {
    const fetch = routeFetch({
      'POST /api/chat/heartbeat/': heartbeat,
      'GET /api/chat/online-users/': () => Response.json({ error: { code: 'forbidden', message: 'no' } }, { status: 403 }),
    })
    const card = renderCard({ endpoints: { socket: null }, fetch })
    await flush()
    expect(card).toHaveTextContent('This server does not share who is online with your account.')
    expect(screen.getByTestId('reason')).toHaveTextContent('refused')
  })

  it.each([
    ['es', es],
    ['ar', ar],
  ])('in %s', async (_, messages) => {
    const card = renderCard({ endpoints: { onlineUsers: null, socket: null }, fetch: routeFetch({}), messages })
    await flush()
    expect(card).toHaveTextContent(messages.onlineUsers.notOffered)
    expect(card).not.toHaveTextContent(messages.onlineUsers.unavailable)
  })
})
