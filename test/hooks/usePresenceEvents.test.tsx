import { act, cleanup, render } from '@testing-library/react'
import { useEffect, useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { usePresenceEvents, type Presence } from '../../src'
import { FakeWebSocket } from '../client/fake-websocket'
import { FakeSocketProvider, presence } from './presence-harness'

afterEach(() => {
  cleanup()
  FakeWebSocket.reset()
  vi.useRealTimers()
})

const log: string[] = []
const control = { rerender: () => {} }

function Notifier({ userIds }: { userIds?: number[] }) {
  const [generation, setGeneration] = useState(0)
  useEffect(() => {
    control.rerender = () => setGeneration((n) => n + 1)
  }, [])
  // Inline, unmemoised callbacks that close over the render's state: the latest must be called.
  usePresenceEvents({
    userIds,
    onOnline: (user: Presence) => log.push(`${generation}:online:${user.username}`),
    onOffline: (user: Presence) => log.push(`${generation}:offline:${user.username}`),
  })
  return null
}

// Let the batcher's frame (a 250 ms bound in a test without frames) apply what the socket received.
const frame = () => act(() => vi.advanceTimersByTimeAsync(300))

async function setup(userIds?: number[]) {
  log.length = 0
  vi.useFakeTimers({ now: Date.parse('2030-01-01T00:00:00Z') })
  render(
    <FakeSocketProvider runtimeOptions={{ socket: { random: () => 0 } }}>
      <Notifier userIds={userIds} />
    </FakeSocketProvider>,
  )
  await act(async () => {})
  const ws = FakeWebSocket.last
  act(() => ws.open())
  act(() => ws.receive({ type: 'online_users', onlineUsers: [presence(1), presence(2), presence(3)] }))
  await frame()
  return ws
}

const change = (ws: FakeWebSocket, id: number, status: string) => act(() => ws.receive({ type: 'user.status.changed', user: presence(id, { status }) }))

describe('usePresenceEvents', () => {
  it('nothing for the first snapshot; joins and leaves of the chosen users only', async () => {
    const ws = await setup([2, 4])
    expect(log).toEqual([])
    change(ws, 4, 'online') // joins
    change(ws, 5, 'online') // not chosen
    change(ws, 2, 'away') // online → away is not a transition
    await frame()
    change(ws, 2, 'offline')
    await frame()
    expect(log).toEqual(['0:online:user4', '0:offline:user2'])
  })

  it('calls the latest callbacks without resubscribing; everyone but oneself when no ids are given', async () => {
    const ws = await setup()
    act(() => control.rerender())
    act(() => control.rerender())
    change(ws, 7, 'dnd')
    change(ws, 1, 'offline') // oneself
    await frame()
    expect(log).toEqual(['2:online:user7'])
  })

  it('nothing for a reconnect snapshot in which nothing changed; news when something did', async () => {
    const ws = await setup([2, 3, 4])
    act(() => ws.drop())
    await act(() => vi.advanceTimersByTimeAsync(0)) // retry at once (random 0)
    const second = FakeWebSocket.last
    expect(second).not.toBe(ws)
    act(() => second.open())
    act(() => second.receive({ type: 'online_users', onlineUsers: [presence(1), presence(2), presence(3)] }))
    await frame()
    expect(log).toEqual([])
    act(() => second.drop())
    await act(() => vi.advanceTimersByTimeAsync(0))
    act(() => FakeWebSocket.last.open())
    act(() => FakeWebSocket.last.receive({ type: 'online_users', onlineUsers: [presence(1), presence(2), presence(4)] }))
    await frame()
    expect(log.sort()).toEqual(['0:offline:user3', '0:online:user4'])
  })
})
