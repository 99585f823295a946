import { afterEach, describe, expect, it, vi } from 'vitest'
import { onNetworkLost, onWake, PresenceSocket } from '../../src/client'
import { FakeWebSocket } from './fake-websocket'

afterEach(() => {
  vi.useRealTimers()
  FakeWebSocket.reset()
})

const setVisibility = (state: 'visible' | 'hidden') => {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true })
  document.dispatchEvent(new Event('visibilitychange'))
}

describe('onWake', () => {
  it('fires on `online` and when the tab becomes visible, not when it hides; stops when asked', () => {
    const wake = vi.fn()
    const stop = onWake(wake)
    window.dispatchEvent(new Event('online'))
    setVisibility('hidden')
    setVisibility('visible')
    expect(wake).toHaveBeenCalledTimes(2)
    stop()
    window.dispatchEvent(new Event('online'))
    expect(wake).toHaveBeenCalledTimes(2)
  })

  it('with a socket waiting to reconnect: coming back online retries at once', () => {
    vi.useFakeTimers()
    const socket = new PresenceSocket({ url: 'ws://x.test/ws/', WebSocket: FakeWebSocket, random: () => 0.99 })
    const stop = onWake(() => socket.retryNow())
    socket.connect()
    FakeWebSocket.last.drop()
    expect(socket.state).toBe('reconnecting')
    window.dispatchEvent(new Event('online'))
    expect(FakeWebSocket.instances).toHaveLength(2)
    stop()
    socket.close()
  })
})

describe('onNetworkLost', () => {
  it('fires on `offline` only; stops when asked', () => {
    const lost = vi.fn()
    const stop = onNetworkLost(lost)
    window.dispatchEvent(new Event('online'))
    window.dispatchEvent(new Event('offline'))
    expect(lost).toHaveBeenCalledTimes(1)
    stop()
    window.dispatchEvent(new Event('offline'))
    expect(lost).toHaveBeenCalledTimes(1)
  })

  it('checkAlive on an open socket pings at once, and a socket that stays silent is given up within the pong timeout', () => {
    vi.useFakeTimers()
    const socket = new PresenceSocket({ url: 'ws://x.test/ws/', WebSocket: FakeWebSocket, random: () => 0.99 })
    const stop = onNetworkLost(() => socket.checkAlive())
    socket.connect()
    const ws = FakeWebSocket.last
    ws.open()
    expect(ws.pings).toBe(1) // the ping on open
    ws.receive({ type: 'pong', ts: new Date().toISOString() }) // this backend answers pings
    window.dispatchEvent(new Event('offline'))
    expect(ws.pings).toBe(2)
    vi.advanceTimersByTime(10_000) // the pong timeout, far sooner than the next scheduled ping
    expect(socket.state).toBe('reconnecting')
    // Not open: checkAlive neither pings nor retries while the network is gone.
    window.dispatchEvent(new Event('offline'))
    expect(FakeWebSocket.instances).toHaveLength(1)
    stop()
    socket.close()
  })
})
