import { afterEach, describe, expect, it, vi } from 'vitest'
import { Hub } from '../../mock-server/hub'

const socket = () => {
  const sent: string[] = []
  return { sent, send: (data: string) => void sent.push(data), close: vi.fn() }
}

afterEach(() => vi.restoreAllMocks())

describe('the hub isolates each frame', () => {
  it('a frame that cannot be built is logged and dropped; the other users, the other sockets and the process live on', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const hub = new Hub({
      frame: (userId) => {
        if (userId === 1) return new Date(9e15).toISOString() // RangeError: Invalid time value
        return `frame of ${userId}`
      },
    })
    const a = socket()
    const b = socket()
    hub.add(1, { socket: a, userId: 10, origin: 'http://a.test' })
    hub.add(2, { socket: b, userId: 11, origin: 'http://b.test' })
    // Published from a request: flushed in a microtask, where a throw would be an uncaught exception.
    hub.publish(1, 'others')
    hub.publish(2, 'others')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(a.sent).toEqual(['frame of 2'])
    expect(b.sent).toEqual(['frame of 2'])
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('frame of user 1'), expect.any(RangeError))
    // The next change of the same user goes through the same path once it can be built again.
    hub.publish(2, 'others')
    hub.flush()
    expect(a.sent).toEqual(['frame of 2', 'frame of 2'])
    hub.dispose()
  })
})
