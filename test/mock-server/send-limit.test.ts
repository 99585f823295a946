import { afterEach, describe, expect, it } from 'vitest'
import { MockBackend, SEND_LIMIT_BYTES } from '../../mock-server/backend'
import { openSession } from '../../mock-server/session'

let backend: MockBackend | undefined
afterEach(() => backend?.dispose())

const bytes = (text: string) => new TextEncoder().encode(text).length

/** A socket whose client never reads: every byte sent stays queued. */
function nonReading() {
  const socket = {
    queued: 0,
    frames: [] as string[],
    closes: [] as Array<[number, string]>,
    sendsAfterClose: 0,
    get bufferedAmount() {
      return socket.queued
    },
    send(data: string) {
      if (socket.closes.length) socket.sendsAfterClose++
      socket.frames.push(data)
      socket.queued += bytes(data)
    },
    close(code: number, reason: string) {
      socket.closes.push([code, reason])
    },
  }
  return socket
}

describe('the send limit of a socket (6.5)', () => {
  it('a client that never reads is closed with 1013 before its queue passes 1 MiB, and nothing is queued after', () => {
    backend = new MockBackend()
    const b = backend
    const login = b.tokens.issue(2, b.clock.now())
    const socket = nonReading()
    const session = openSession(b, socket, new URL(`ws://mock.test/ws/user-status/?token=${login.access}`), 'http://mock.test')
    let changes = 0
    while (!socket.closes.length && changes < 10_000) {
      b.presence.setStatus(3, { statusMessage: `${changes++} ${'🚀'.repeat(130)}` })
      b.hub.flush()
    }
    expect(socket.closes).toEqual([[1013, expect.any(String)]])
    expect(socket.queued).toBeLessThanOrEqual(SEND_LIMIT_BYTES)
    // It was filled up to the limit: the next frame would not have fitted.
    expect(socket.queued + bytes(socket.frames.at(-1)!)).toBeGreaterThan(SEND_LIMIT_BYTES)
    for (let i = 0; i < 100; i++) {
      b.presence.setStatus(3, { statusMessage: `after ${i}` })
      b.hub.flush()
    }
    session.receive('{"type":"ping"}')
    expect(socket.sendsAfterClose).toBe(0)
    expect(b.hub.size).toBe(0)
    expect(b.presence.user(2)!.connections.size).toBe(0)
  })

  it('a client that reads is never closed, and a transport without a send queue (MSW) has no limit', () => {
    backend = new MockBackend()
    const b = backend
    const login = b.tokens.issue(2, b.clock.now())
    // A reading client's queue drains as fast as it fills: `bufferedAmount` stays 0.
    const reading = { frames: 0, closes: 0, bufferedAmount: 0, send: () => void reading.frames++, close: () => void reading.closes++ }
    const inProcess = { frames: 0, closes: 0, send: () => void inProcess.frames++, close: () => void inProcess.closes++ }
    const url = new URL(`ws://mock.test/ws/user-status/?token=${login.access}`)
    openSession(b, reading, url, 'http://mock.test')
    openSession(b, inProcess, url, 'http://mock.test')
    for (let i = 0; i < 3000; i++) {
      b.presence.setStatus(3, { statusMessage: `${i} ${'🚀'.repeat(130)}` })
      b.hub.flush()
    }
    expect(reading.closes).toBe(0)
    expect(inProcess.closes).toBe(0)
    expect(reading.frames).toBeGreaterThan(3000)
    expect(inProcess.frames).toBeGreaterThan(3000)
  })

  it('the limit follows sendLimitBytes', () => {
    backend = new MockBackend({ sendLimitBytes: 64 * 1024 })
    const b = backend
    const login = b.tokens.issue(2, b.clock.now())
    const socket = nonReading()
    openSession(b, socket, new URL(`ws://mock.test/ws/user-status/?token=${login.access}`), 'http://mock.test')
    for (let i = 0; i < 1000 && !socket.closes.length; i++) {
      b.presence.setStatus(3, { statusMessage: `${i}` })
      b.hub.flush()
    }
    expect(socket.closes[0]?.[0]).toBe(1013)
    expect(socket.queued).toBeLessThanOrEqual(64 * 1024)
  })
})
