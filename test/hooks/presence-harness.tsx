import { useEffect, type ReactNode } from 'react'
import { UserStatusProvider, usePresenceRuntime, type PresenceRuntime, type UserStatusProviderProps } from '../../src'
import type { PresencePatch } from '../../src/client'
import { FakeWebSocket } from '../client/fake-websocket'

/** The runtime of the last rendered {@link OfflineProvider} or {@link FakeSocketProvider}. */
export const captured: { runtime: PresenceRuntime | null } = { runtime: null }

/** Hands the provider's runtime to the test. */
export function Capture() {
  const runtime = usePresenceRuntime()
  useEffect(() => {
    captured.runtime = runtime
  }, [runtime])
  return null
}

/**
 * A provider with no backend at all: no token, so nothing runs; a test fills its store directly.
 */
export function OfflineProvider({ children }: { children: ReactNode }) {
  return (
    <UserStatusProvider token={null}>
      <Capture />
      {children}
    </UserStatusProvider>
  )
}

/**
 * A provider whose only backend is a {@link FakeWebSocket} the test plays (no REST: the caller is user 1).
 */
export function FakeSocketProvider({ children, ...props }: Partial<UserStatusProviderProps> & { children: ReactNode }) {
  return (
    <UserStatusProvider
      token="t"
      apiBaseUrl="http://mock.test"
      WebSocket={FakeWebSocket}
      userId={1}
      endpoints={{ me: null, heartbeat: null, onlineFriends: null }}
      {...props}
    >
      <Capture />
      {children}
    </UserStatusProvider>
  )
}

/** A user as the socket sends one. */
export const presence = (id: number, fields: Record<string, unknown> = {}) => ({
  id,
  username: `user${id}`,
  status: 'online',
  statusMessage: null,
  lastSeen: null,
  ...fields,
})

/** An offline user's record, as a store patch. */
export const offline = (id: number, lastSeen: number | null): PresencePatch => ({
  id: String(id),
  username: `user${id}`,
  status: 'offline',
  statusMessage: null,
  lastSeen,
})
