import type { WebSocketConstructorLike } from '../../src/client'
import { FakeWebSocket } from '../client/fake-websocket'

/**
 * A WebSocket class over the global one (which MSW intercepts) that counts what was made and what is still open.
 */
export function countingWebSocket() {
  const made: WebSocket[] = []
  const Counting = function (url: string) {
    const ws = new WebSocket(url)
    made.push(ws)
    return ws
  } as unknown as WebSocketConstructorLike
  return {
    Counting,
    made,
    get open() {
      return made.filter((ws) => ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING).length
    },
  }
}

/**
 * A healthy server over a fake socket: opens on a microtask, sends a snapshot, answers every ping with a pong.
 */
export class HealthyWebSocket extends FakeWebSocket {
  static snapshot: unknown[] = [{ id: 2, username: 'jane_smith', status: 'online' }]

  constructor(url: string) {
    super(url)
    queueMicrotask(() => {
      if (this.readyState !== 0) return
      this.open()
      this.receive({ type: 'online_users', onlineUsers: HealthyWebSocket.snapshot })
    })
  }

  override send(data: string): void {
    super.send(data)
    if ((JSON.parse(data) as { type: string }).type === 'ping') {
      queueMicrotask(() => this.readyState === 1 && this.receive({ type: 'pong', ts: new Date().toISOString() }))
    }
  }
}

/** A socket that never gets through: each attempt fails on a microtask. */
export class FailingWebSocket extends FakeWebSocket {
  constructor(url: string) {
    super(url)
    queueMicrotask(() => this.readyState === 0 && this.drop(1006))
  }
}

/** Every request that reached MSW, as "METHOD /path". */
export function recordRequests(server: { events: { on(type: 'request:start', listener: (args: { request: Request }) => void): void } }) {
  const seen: string[] = []
  server.events.on('request:start', ({ request }) => {
    seen.push(`${request.method} ${new URL(request.url).pathname}`)
  })
  return {
    seen,
    count: (entry: string) => seen.filter((s) => s === entry).length,
  }
}
