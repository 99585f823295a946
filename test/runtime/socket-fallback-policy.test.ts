import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PresenceSocket } from '../../src/client'
import { SocketFallbackPolicy } from '../../src/runtime'
import { FakeWebSocket } from '../client/fake-websocket'

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2030-01-01T00:00:00Z') })
  FakeWebSocket.reset()
})
afterEach(() => {
  vi.useRealTimers()
})

function watched(options: ConstructorParameters<typeof SocketFallbackPolicy>[0] = {}) {
  const changes: boolean[] = []
  const policy = new SocketFallbackPolicy(options, (poll) => changes.push(poll))
  const socket = new PresenceSocket({ url: 'ws://mock.test/ws/', token: 't', WebSocket: FakeWebSocket, random: () => 0.5 })
  socket.subscribe((event) => event.type === 'status' && policy.observe(event.status, event.previous))
  return { policy, socket, changes }
}

describe('SocketFallbackPolicy', () => {
  it('polls after 3 attempts in a row that never opened, and stops when the socket opens', async () => {
    const { socket, changes, policy } = watched()
    socket.connect()
    FakeWebSocket.last.drop()
    await vi.advanceTimersToNextTimerAsync()
    FakeWebSocket.last.drop()
    expect(changes).toEqual([])
    await vi.advanceTimersToNextTimerAsync()
    FakeWebSocket.last.drop()
    expect(changes).toEqual([true])
    await vi.advanceTimersToNextTimerAsync()
    FakeWebSocket.last.open()
    expect(changes).toEqual([true, false])
    expect(policy.shouldPoll).toBe(false)
    socket.close()
  })

  it('drops of an open socket do not count; 30 s without being open does', async () => {
    const { socket, changes } = watched()
    socket.connect()
    for (let i = 0; i < 5; i++) {
      FakeWebSocket.last.open()
      FakeWebSocket.last.drop()
      await vi.advanceTimersToNextTimerAsync()
    }
    expect(changes).toEqual([])
    // A handshake that hangs: the 20 s connect timeout gives it up once, and the 30 s bound is reached first.
    await vi.advanceTimersByTimeAsync(30_000)
    expect(changes).toEqual([true])
    socket.close()
  })

  it('a refused token stops polling (polling would be refused too); giveUp() polls at once', () => {
    const { socket, changes, policy } = watched()
    policy.giveUp()
    expect(changes).toEqual([true])
    socket.connect()
    FakeWebSocket.last.drop(4401, 'unauthorized')
    expect(changes).toEqual([true, false])
    expect(vi.getTimerCount()).toBe(0)
  })
})
