import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, cleanup, render, renderHook, screen } from '@testing-library/react'
import { StrictMode, useEffect, useState, type Dispatch, type ReactNode, type SetStateAction } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  UserStatusProvider,
  useActivity,
  useConnectionState,
  useConversations,
  useHeartbeat,
  useIsOnline,
  useLastSeen,
  useMarkOffline,
  useMyStatus,
  useOnlineUsers,
  usePresenceEvents,
  usePresenceRuntime,
  useSetMyStatus,
  useUserStatus,
  type PresenceRuntime,
  type UserStatusProviderProps,
} from '../../src'
import { BASE_URL, login, setupMockBackend } from '../client/mock-backend'
import { countingWebSocket } from './helpers'

const { backend, server } = setupMockBackend()

afterEach(() => {
  cleanup()
  server.events.removeAllListeners()
})

const until = (check: () => void) => vi.waitFor(check, { timeout: 5_000, interval: 5 })

const seen: { runtime: PresenceRuntime | null; setToken: Dispatch<SetStateAction<UserStatusProviderProps['token']>> } = {
  runtime: null,
  setToken: () => {},
}
function Probe({ peer = 2 }: { peer?: number }) {
  const runtime = usePresenceRuntime()
  useEffect(() => {
    seen.runtime = runtime
  }, [runtime])
  const { data, isPending: isLoading } = useOnlineUsers({ includeSelf: true })
  const users = data?.users ?? []
  const { state, transport } = useConnectionState()
  const jane = useUserStatus(peer)
  return (
    <output data-testid="probe">
      {JSON.stringify({ loading: isLoading, state, transport, online: users.length, jane: jane.status, janeKnown: jane.user !== null })}
    </output>
  )
}
const probe = () => JSON.parse(screen.getByTestId('probe').textContent!) as Record<string, unknown>

function Harness(props: Partial<UserStatusProviderProps> & { initialToken: UserStatusProviderProps['token'] }) {
  const [token, setToken] = useState(() => props.initialToken)
  useEffect(() => {
    seen.setToken = setToken
  }, [])
  return (
    <UserStatusProvider apiBaseUrl={BASE_URL} {...props} token={token}>
      <Probe />
    </UserStatusProvider>
  )
}

describe('UserStatusProvider', () => {
  it('a token connects and fills the store; null closes everything and clears the store', async () => {
    const sockets = countingWebSocket()
    const { access } = await login('john_doe')
    backend.applyPresence(2, 'online')
    render(<Harness initialToken={access} WebSocket={sockets.Counting} />)
    await until(() => expect(probe()).toMatchObject({ loading: false, state: 'open', transport: 'socket', jane: 'online' }))
    expect(probe().online).toBeGreaterThan(3)
    act(() => seen.setToken(null))
    await until(() => expect(sockets.open).toBe(0))
    expect(probe()).toMatchObject({ loading: false, state: 'idle', transport: 'none', online: 0, jane: 'offline', janeKnown: false })
    expect(seen.runtime!.heartbeat.isRunning).toBe(false)
  })

  it('starts with token null: nothing runs, nothing loads', async () => {
    const sockets = countingWebSocket()
    render(<Harness initialToken={null} WebSocket={sockets.Counting} />)
    await act(async () => {})
    expect(sockets.made).toHaveLength(0)
    expect(probe()).toMatchObject({ loading: false, state: 'idle', transport: 'none' })
  })

  it('a new token: exactly one new socket, the old one closed', async () => {
    const sockets = countingWebSocket()
    const first = await login('john_doe')
    render(<Harness initialToken={first.access} WebSocket={sockets.Counting} />)
    await until(() => expect(probe().state).toBe('open'))
    expect(sockets.made).toHaveLength(1)
    const second = await login('john_doe')
    act(() => seen.setToken(second.access))
    await until(() => expect(probe().state).toBe('open'))
    await act(async () => {})
    expect(sockets.made).toHaveLength(2)
    expect(sockets.made[0]!.readyState).toBeGreaterThanOrEqual(WebSocket.CLOSING)
    expect(sockets.open).toBe(1)
  })

  it('StrictMode: one socket, one heartbeat', async () => {
    const sockets = countingWebSocket()
    const beats: string[] = []
    server.events.on('request:start', ({ request }) => request.url.endsWith('/heartbeat/') && beats.push(request.url))
    const { access } = await login('john_doe')
    render(
      <StrictMode>
        <Harness initialToken={access} WebSocket={sockets.Counting} />
      </StrictMode>,
    )
    await until(() => expect(probe().state).toBe('open'))
    await until(() => expect(beats).toHaveLength(1))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(sockets.made).toHaveLength(1)
    expect(beats).toHaveLength(1)
  })

  it('a token function, sync or async, is read for every request; the same value again does not reconnect', async () => {
    const sockets = countingWebSocket()
    const { access } = await login('john_doe')
    render(<Harness initialToken={async () => access} WebSocket={sockets.Counting} />)
    await until(() => expect(probe().state).toBe('open'))
    act(() => seen.setToken(() => () => access)) // a new function, the same token
    await act(async () => {})
    expect(sockets.made).toHaveLength(1)
  })

  it('onAuthError: a REST 401, and a 4401 close', async () => {
    const onAuthError = vi.fn()
    render(<Harness initialToken="expired-or-wrong" onAuthError={onAuthError} />)
    await until(() => expect(onAuthError).toHaveBeenCalledTimes(1))
    expect(onAuthError.mock.calls[0]![0]).toMatchObject({ status: 401 })

    const { access } = await login('john_doe')
    act(() => seen.setToken(access))
    await until(() => expect(probe().state).toBe('open'))
    act(() => backend.reset()) // every socket closed with 4401
    await until(() => expect(onAuthError).toHaveBeenCalledTimes(2))
    expect(probe().state).toBe('unauthorized')
  })

  it('uses the app’s QueryClient when there is one above it', async () => {
    const queryClient = new QueryClient()
    const { access } = await login('john_doe')
    function Activity() {
      const { data } = useActivity({ limit: 5 })
      return <output data-testid="activity">{data ? data.length : 'pending'}</output>
    }
    render(
      <QueryClientProvider client={queryClient}>
        <UserStatusProvider token={access} apiBaseUrl={BASE_URL}>
          <Activity />
        </UserStatusProvider>
      </QueryClientProvider>,
    )
    await until(() => expect(screen.getByTestId('activity').textContent).not.toBe('pending'))
    const presenceQueries = queryClient.getQueryCache().findAll({ queryKey: ['presence-kit'] })
    expect(presenceQueries.some((query) => Array.isArray(query.state.data))).toBe(true)
  })

  it('works without a QueryClient above it (its own)', async () => {
    const { access } = await login('john_doe')
    function Conversations() {
      const { data } = useConversations()
      return <output data-testid="conversations">{data ? data.length : 'pending'}</output>
    }
    render(
      <UserStatusProvider token={access} apiBaseUrl={BASE_URL}>
        <Conversations />
      </UserStatusProvider>,
    )
    await until(() => expect(Number(screen.getByTestId('conversations').textContent)).toBeGreaterThan(0))
  })
})

describe('hooks outside the provider', () => {
  const wrapper = ({ children }: { children: ReactNode }) => <>{children}</>
  it.each([
    ['useUserStatus', () => useUserStatus(1)],
    ['useOnlineUsers', () => useOnlineUsers()],
    ['useIsOnline', () => useIsOnline(1)],
    ['useConnectionState', () => useConnectionState()],
    ['useLastSeen', () => useLastSeen(1)],
    ['useMyStatus', () => useMyStatus()],
    ['useSetMyStatus', () => useSetMyStatus()],
    ['useActivity', () => useActivity()],
    ['useConversations', () => useConversations()],
    ['usePresenceEvents', () => usePresenceEvents({})],
    ['useMarkOffline', () => useMarkOffline()],
    ['usePresenceRuntime', () => usePresenceRuntime()],
  ])('%s throws a clear error', (name, use) => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => renderHook(use, { wrapper })).toThrow(`${name} must be used inside <UserStatusProvider>`)
    vi.mocked(console.error).mockRestore()
  })

  it('useHeartbeat throws too, unless it is given an endpoint', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => renderHook(() => useHeartbeat())).toThrow('useHeartbeat must be used inside <UserStatusProvider>')
    vi.mocked(console.error).mockRestore()
  })
})
