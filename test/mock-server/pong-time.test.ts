import { afterEach, describe, expect, it } from 'vitest'
import { MockBackend } from '../../mock-server/backend'
import { openSession } from '../../mock-server/session'

let backend: MockBackend | undefined
afterEach(() => backend?.dispose())

describe('a ping is one moment', () => {
  it("the pong's ts is the last seen the ping set, even when the clock moves between two readings", () => {
    // A wall clock that moves 1 ms on every reading: what a busy machine does now and then to a real one.
    let wall = Date.UTC(2026, 0, 1)
    backend = new MockBackend({ now: () => wall++ })
    const b = backend
    const login = b.tokens.issue(2, b.clock.now())
    const frames: string[] = []
    const session = openSession(b, { bufferedAmount: 0, send: (data: string) => frames.push(data), close() {} }, new URL(`ws://mock.test/ws/user-status/?token=${login.access}`), 'http://mock.test')
    frames.length = 0
    session.receive('{"type":"ping"}')
    const pong = frames.map((frame) => JSON.parse(frame)).find((frame) => frame.type === 'pong')
    expect(pong).toBeDefined()
    expect(pong.ts).toBe(new Date(b.presence.user(2)!.lastActivity!).toISOString())
  })
})
