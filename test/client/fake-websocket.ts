import type { WebSocketLike } from '../../src/client'

/**
 * A WebSocket whose server side the test plays: `open()`, `receive()`, `drop()`. Every instance is recorded, so a
 * test can count connection attempts.
 */
export class FakeWebSocket extends EventTarget implements WebSocketLike {
  static instances: FakeWebSocket[] = []
  static reset(): void {
    FakeWebSocket.instances = []
  }
  static get last(): FakeWebSocket {
    const last = FakeWebSocket.instances.at(-1)
    if (!last) throw new Error('no socket was created')
    return last
  }

  readyState = 0
  readonly sent: string[] = []
  closedWith: { code?: number; reason?: string } | null = null

  constructor(
    readonly url: string,
    readonly protocols?: string | string[],
  ) {
    super()
    FakeWebSocket.instances.push(this)
  }

  send(data: string): void {
    if (this.readyState !== 1) throw new Error('not open')
    this.sent.push(data)
  }

  close(code?: number, reason?: string): void {
    this.closedWith = { code, reason }
    this.readyState = 3
  }

  get pings(): number {
    return this.sent.filter((frame) => (JSON.parse(frame) as { type: string }).type === 'ping').length
  }

  open(): void {
    this.readyState = 1
    this.dispatchEvent(new Event('open'))
  }

  receive(data: unknown): void {
    this.dispatchEvent(Object.assign(new Event('message'), { data: typeof data === 'string' ? data : JSON.stringify(data) }))
  }

  drop(code = 1006, reason = ''): void {
    this.readyState = 3
    this.dispatchEvent(Object.assign(new Event('close'), { code, reason }))
  }
}
