import { act, render } from '@testing-library/react'
import type { ReactNode } from 'react'
import { vi } from 'vitest'
import { UserStatusProvider, type UserStatusProviderProps } from '../../../src'
import { FakeWebSocket } from '../../client/fake-websocket'

// Store updates on a microtask rather than the next frame, so that fake timers do not hold them.
const microtask = (callback: () => void) => {
  let live = true
  queueMicrotask(() => live && callback())
  return () => {
    live = false
  }
}

export const user = (id: number, username: string, status = 'online', fields: Record<string, unknown> = {}) => ({
  id,
  username,
  profileImage: null,
  status,
  statusMessage: null,
  lastSeen: null,
  isOnline: status !== 'offline' && status !== 'invisible',
  ...fields,
})

/** Lets queued microtasks and due timers run, inside act. */
export const flush = () => act(() => vi.advanceTimersByTimeAsync(0))

/**
 * Renders under a provider whose only backend is a {@link FakeWebSocket} the test plays (the caller is user 1), and
 * opens it with a first list of who is online.
 */
export async function renderLive(children: ReactNode, props: Partial<UserStatusProviderProps> = {}) {
  FakeWebSocket.reset()
  const view = render(
    <UserStatusProvider
      token="t"
      apiBaseUrl="http://mock.test"
      WebSocket={FakeWebSocket}
      userId={1}
      endpoints={{ me: null, heartbeat: null, onlineFriends: null }}
      runtimeOptions={{ schedule: microtask }}
      {...props}
    >
      {children}
    </UserStatusProvider>,
  )
  await flush()
  const socket = FakeWebSocket.last
  act(() => {
    socket.open()
    socket.receive({ type: 'online_users', onlineUsers: [user(1, 'me'), user(4, 'maria_garcia')] })
  })
  await flush()
  const send = async (...users: Array<ReturnType<typeof user>>) => {
    act(() => {
      for (const u of users) socket.receive({ type: 'user.status.changed', user: u })
    })
    await flush()
  }
  return { ...view, socket, send }
}
