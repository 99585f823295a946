import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { UserStatusProvider, useConnectionState, useOnlineUsers } from '../../src'
import { FakeWebSocket } from '../client/fake-websocket'
import { BASE_URL, login, setupMockBackend } from '../client/mock-backend'
import { recordRequests } from './helpers'

const { server } = setupMockBackend({ tokenTtlSeconds: 24 * 3600 })

const POLL = 'GET /api/chat/online-users/'
let token = ''

beforeEach(async () => {
  token = (await login('john_doe')).access
  FakeWebSocket.reset()
  vi.useFakeTimers({ now: Date.now() })
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
  server.events.removeAllListeners()
})

function Probe() {
  const { state, transport } = useConnectionState()
  const { data, isPending: isLoading } = useOnlineUsers()
  const users = data?.users ?? []
  return <output data-testid="probe">{JSON.stringify({ state, transport, online: users.length, isLoading })}</output>
}
const probe = () => JSON.parse(screen.getByTestId('probe').textContent!) as { state: string; transport: string; online: number; isLoading: boolean }
const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms))

/** Fails every attempt until `healthy` is set; then a server that opens, sends a snapshot and answers pings. */
class FlakyWebSocket extends FakeWebSocket {
  static healthy = false
  static hang = false
  constructor(url: string) {
    super(url)
    queueMicrotask(() => {
      if (this.readyState !== 0 || FlakyWebSocket.hang) return
      if (!FlakyWebSocket.healthy) return this.drop(1006)
      this.open()
      this.receive({ type: 'online_users', onlineUsers: [{ id: 4, username: 'maria_garcia', status: 'online' }] })
    })
  }
  override send(data: string): void {
    super.send(data)
    if (data.includes('"ping"')) queueMicrotask(() => this.receive({ type: 'pong', ts: new Date().toISOString() }))
  }
}

describe('polling fallback', () => {
  it('a backend without a socket (endpoint null): polls the online users at once and every 10 s', async () => {
    const requests = recordRequests(server)
    render(
      <UserStatusProvider token={token} apiBaseUrl={BASE_URL} endpoints={{ socket: null }}>
        <Probe />
      </UserStatusProvider>,
    )
    await advance(0)
    await advance(0)
    expect(requests.count(POLL)).toBe(1)
    expect(probe()).toMatchObject({ transport: 'polling', isLoading: false })
    expect(probe().online).toBeGreaterThan(3)
    await advance(60_000)
    expect(requests.count(POLL)).toBe(7)
  })

  it('the chat-polling preset (seed 002: no socket at all) polls the same way', async () => {
    const requests = recordRequests(server)
    render(
      <UserStatusProvider token={token} apiBaseUrl={BASE_URL} backend="chat-polling" userId={3}>
        <Probe />
      </UserStatusProvider>,
    )
    await advance(30_000)
    expect(requests.count(POLL)).toBe(4)
    expect(probe().transport).toBe('polling')
  })

  it('a socket that keeps failing: polling after 3 failed attempts; back to the socket, and polling stops', async () => {
    FlakyWebSocket.healthy = false
    FlakyWebSocket.hang = false
    const requests = recordRequests(server)
    render(
      <UserStatusProvider token={token} apiBaseUrl={BASE_URL} WebSocket={FlakyWebSocket}>
        <Probe />
      </UserStatusProvider>,
    )
    await advance(0)
    expect(requests.count(POLL)).toBe(0)
    // Retries wait at most 1 s, 2 s, 4 s (full jitter): the third failure is within 7 s.
    await advance(7_000)
    expect(FakeWebSocket.instances.length).toBeGreaterThanOrEqual(3)
    expect(requests.count(POLL)).toBeGreaterThanOrEqual(1)
    expect(probe()).toMatchObject({ transport: 'polling', state: 'reconnecting', isLoading: false })
    const pollsBefore = requests.count(POLL)
    await advance(20_000)
    expect(requests.count(POLL)).toBeGreaterThan(pollsBefore)

    FlakyWebSocket.healthy = true
    await advance(30_000) // the next retry comes within the 30 s cap
    expect(probe()).toMatchObject({ transport: 'socket', state: 'open' })
    const pollsAtSocket = requests.count(POLL)
    await advance(10 * 60_000)
    expect(requests.count(POLL)).toBe(pollsAtSocket)
  })

  it('a socket that stays not open for 30 s (a hanging handshake): polling', async () => {
    FlakyWebSocket.healthy = false
    FlakyWebSocket.hang = true
    const requests = recordRequests(server)
    render(
      <UserStatusProvider token={token} apiBaseUrl={BASE_URL} WebSocket={FlakyWebSocket}>
        <Probe />
      </UserStatusProvider>,
    )
    await advance(29_000)
    expect(requests.count(POLL)).toBe(0)
    await advance(1_000)
    expect(requests.count(POLL)).toBe(1)
    expect(probe().transport).toBe('polling')
  })
})
