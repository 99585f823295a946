import { afterEach, describe, expect, it, vi } from 'vitest'
import { onWake, PresenceSocket } from '../../src/client'
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
