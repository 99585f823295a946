import { act, cleanup, render, renderHook } from '@testing-library/react'
import { StrictMode, useState } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useWebSocket, type UseWebSocketOptions } from '../../src'
import { FakeWebSocket } from '../client/fake-websocket'

const URL_ = 'ws://example.test/ws/ticker/'
const SECOND = 1_000

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2030-01-01T00:00:00Z') })
  FakeWebSocket.reset()
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

// Runs what React and the socket scheduled: the microtask that connects, and the effects.
const flush = () => act(async () => {})

function hook(options: UseWebSocketOptions = {}, url: string | null = URL_) {
  return renderHook((props: { url: string | null; options: UseWebSocketOptions }) => useWebSocket(props.url, props.options), {
    initialProps: { url, options: { WebSocket: FakeWebSocket, ...options } },
  })
}

const open = () => act(() => FakeWebSocket.last.open())
const drop = (code = 1006) => act(() => FakeWebSocket.last.drop(code))

describe('useWebSocket', () => {
  it('opens exactly one socket under StrictMode, none during render', async () => {
    const states: string[] = []
    function Probe() {
      const { state } = useWebSocket(URL_, { WebSocket: FakeWebSocket })
      states.push(state)
      return null
    }
    render(
      <StrictMode>
        <Probe />
      </StrictMode>,
    )
    expect(FakeWebSocket.instances).toHaveLength(0)
    await flush()
    expect(FakeWebSocket.instances).toHaveLength(1)
    await open()
    expect(states.at(-1)).toBe('open')
    expect(states.every((state) => state === 'connecting' || state === 'open')).toBe(true)
  })

  it('backoff: each delay is full jitter within [0, ceiling), ceilings 1 s doubling to the 30 s cap', async () => {
    const { result } = hook()
    await flush()
    const delays: number[] = []
    for (let i = 0; i < 12; i++) {
      await drop()
      expect(result.current.state).toBe('reconnecting')
      delays.push(result.current.nextRetryAt! - Date.now())
      await act(() => vi.advanceTimersByTimeAsync(result.current.nextRetryAt! - Date.now()))
      expect(FakeWebSocket.instances).toHaveLength(i + 2)
    }
    const ceilings = [1, 2, 4, 8, 16, 30, 30, 30, 30, 30, 30, 30].map((s) => s * SECOND)
    delays.forEach((delay, i) => {
      expect(delay).toBeGreaterThanOrEqual(0)
      expect(delay).toBeLessThan(ceilings[i]!)
    })
  })

  it('backoff with the random source at its top: the delays are the ceilings, capped at 30 s', async () => {
    const { result } = hook({ random: () => 0.9999 })
    await flush()
    const delays: number[] = []
    for (let i = 0; i < 7; i++) {
      await drop()
      delays.push(result.current.nextRetryAt! - Date.now())
      await act(() => vi.advanceTimersToNextTimerAsync())
    }
    expect(delays.map((ms) => Math.round(ms / SECOND))).toEqual([1, 2, 4, 8, 16, 30, 30])
  })

  it('backoff resets after a connection that stayed open for a minute', async () => {
    const { result } = hook({ random: () => 0.9999 })
    await flush()
    for (let i = 0; i < 4; i++) {
      await drop()
      await act(() => vi.advanceTimersToNextTimerAsync())
    }
    await open()
    await act(() => vi.advanceTimersByTimeAsync(59 * SECOND))
    await drop()
    expect(result.current.nextRetryAt! - Date.now()).toBeGreaterThan(8 * SECOND) // not stable yet: no reset
    await act(() => vi.advanceTimersToNextTimerAsync())
    await open()
    await act(() => vi.advanceTimersByTimeAsync(60 * SECOND))
    await drop()
    expect(result.current.nextRetryAt! - Date.now()).toBeLessThan(1 * SECOND)
  })

  it('4401 ends the retries and is reported; nothing runs afterwards', async () => {
    const onUnauthorized = vi.fn()
    const onClose = vi.fn()
    const { result } = hook({ onUnauthorized, onClose })
    await flush()
    await open()
    await drop(4401)
    expect(result.current.state).toBe('unauthorized')
    expect(result.current.nextRetryAt).toBeNull()
    expect(onUnauthorized).toHaveBeenCalledExactlyOnceWith({ code: 4401, reason: '' })
    expect(onClose).not.toHaveBeenCalled()
    expect(vi.getTimerCount()).toBe(0)
    await act(() => vi.advanceTimersByTimeAsync(3_600 * SECOND))
    expect(FakeWebSocket.instances).toHaveLength(1)
  })

  it.each([
    ['the browser comes back online', () => window.dispatchEvent(new Event('online'))],
    ['the tab becomes visible', () => document.dispatchEvent(new Event('visibilitychange'))],
  ])('retries at once when %s', async (_when, wake) => {
    const { result } = hook({ random: () => 0.9999 })
    await flush()
    for (let i = 0; i < 5; i++) {
      await drop()
      await act(() => vi.advanceTimersToNextTimerAsync())
    }
    await drop()
    expect(result.current.nextRetryAt! - Date.now()).toBeGreaterThan(20 * SECOND)
    expect(FakeWebSocket.instances).toHaveLength(6)
    await act(() => wake())
    expect(FakeWebSocket.instances).toHaveLength(7)
    expect(result.current.state).toBe('reconnecting')
    expect(result.current.nextRetryAt).toBeNull()
  })

  it('unmount leaves no timer and no socket, and never reconnects', async () => {
    const { unmount } = hook()
    await flush()
    await open()
    await drop()
    expect(vi.getTimerCount()).toBeGreaterThan(0)
    unmount()
    expect(vi.getTimerCount()).toBe(0)
    await act(() => vi.advanceTimersByTimeAsync(3_600 * SECOND))
    expect(FakeWebSocket.instances).toHaveLength(1)
    // Also while open: the socket is closed normally.
    FakeWebSocket.reset()
    const second = hook()
    await flush()
    await open()
    second.unmount()
    expect(FakeWebSocket.last.closedWith).toEqual({ code: 1000, reason: 'closed by the client' })
    expect(vi.getTimerCount()).toBe(0)
  })

  it('pings every 30 s while open; once the server answers pings, a silent socket is given up after 10 s', async () => {
    const { result } = hook()
    await flush()
    await open()
    const ws = FakeWebSocket.last
    expect(ws.pings).toBe(1)
    act(() => ws.receive({ type: 'pong', ts: Date.now() }))
    await act(() => vi.advanceTimersByTimeAsync(30 * SECOND))
    expect(ws.pings).toBe(2)
    await act(() => vi.advanceTimersByTimeAsync(10 * SECOND))
    expect(result.current.state).toBe('reconnecting')
    expect(ws.closedWith?.code).toBe(4000)
  })

  it('ping: false sends none', async () => {
    hook({ ping: false })
    await flush()
    await open()
    await act(() => vi.advanceTimersByTimeAsync(5 * 60 * SECOND))
    expect(FakeWebSocket.last.pings).toBe(0)
  })

  it('send: strings as they are, objects as JSON, only while open', async () => {
    const { result } = hook()
    await flush()
    expect(result.current.send('early')).toBe(false)
    await open()
    expect(result.current.send('hello')).toBe(true)
    expect(result.current.send({ type: 'subscribe', room: 7 })).toBe(true)
    expect(FakeWebSocket.last.sent.slice(-2)).toEqual(['hello', '{"type":"subscribe","room":7}'])
  })

  it('onMessage: the latest callback (unmemoised), parsed JSON or the raw text, never the pongs; lastMessage follows', async () => {
    const got: Array<[number, unknown]> = []
    function Probe() {
      const [n, setN] = useState(0)
      const { lastMessage } = useWebSocket(URL_, { WebSocket: FakeWebSocket, onMessage: (data) => got.push([n, data]) })
      return (
        <button onClick={() => setN(n + 1)} data-last={JSON.stringify(lastMessage ?? null)}>
          {n}
        </button>
      )
    }
    const { getByRole } = render(<Probe />)
    await flush()
    await open()
    act(() => FakeWebSocket.last.receive({ type: 'price', value: 1 }))
    act(() => getByRole('button').click())
    act(() => FakeWebSocket.last.receive('plain text'))
    act(() => FakeWebSocket.last.receive({ type: 'pong', ts: Date.now() }))
    expect(got).toEqual([
      [0, { type: 'price', value: 1 }],
      [1, 'plain text'],
    ])
    expect(getByRole('button').dataset.last).toBe('"plain text"')
  })

  it('url null or enabled: false: closed, no socket; turning it on connects, off closes', async () => {
    const { result, rerender } = hook({}, null)
    await flush()
    expect(result.current.state).toBe('closed')
    expect(FakeWebSocket.instances).toHaveLength(0)
    rerender({ url: URL_, options: { WebSocket: FakeWebSocket, enabled: false } })
    await flush()
    expect(FakeWebSocket.instances).toHaveLength(0)
    rerender({ url: URL_, options: { WebSocket: FakeWebSocket } })
    await flush()
    expect(FakeWebSocket.instances).toHaveLength(1)
    rerender({ url: URL_, options: { WebSocket: FakeWebSocket, enabled: false } })
    expect(result.current.state).toBe('closed')
    expect(FakeWebSocket.last.closedWith?.code).toBe(1000)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('subprotocols reach the constructor', async () => {
    hook({ protocols: ['v1.presence'] })
    await flush()
    expect(FakeWebSocket.last.protocols).toEqual(['v1.presence'])
  })
})
