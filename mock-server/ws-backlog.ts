import { randomBytes } from 'node:crypto'
import type { WebSocket } from 'ws'

/** Written since the last probe before the next one asks the client how far it has read. */
const PROBE_EVERY_BYTES = 256 * 1024

interface Ping {
  nonce: Buffer
  /** Bytes written before this ping: what its answer proves the client has read. */
  writtenAt: number
  /** A round of the liveness check, rather than a probe of the backlog. */
  liveness: boolean
}

/**
 * How much a `ws` socket's client has not read yet, learnt from its answers to the server's own pings (a pong
 * comes back only once everything sent before its ping was read). That counts what waits in the kernel's buffers
 * too, which `bufferedAmount` does not: the kernel takes megabytes from a client that stopped reading before
 * anything queues in the process. A pong counts only when it echoes a ping of ours: an unsolicited one proves
 * nothing, for liveness or for the backlog.
 */
export class Backlog {
  readonly #ws: WebSocket
  #written = 0
  #read = 0
  #lastProbe = 0
  #pings: Ping[] = []

  constructor(ws: WebSocket) {
    this.#ws = ws
    ws.on('pong', (data) => this.#answered(data))
  }

  /** Bytes sent that the client has not been seen to read. */
  get unread(): number {
    return this.#written - this.#read
  }

  /** After each frame sent: probes the backlog once enough went out since the last probe and none is pending. */
  sent(bytes: number): void {
    this.#written += bytes
    if (this.#written - this.#lastProbe < PROBE_EVERY_BYTES || this.#pings.some((p) => !p.liveness)) return
    this.#lastProbe = this.#written
    this.#ping(false)
  }

  /** A round of the liveness check: false when the previous round's ping went unanswered. */
  beat(): boolean {
    if (this.#pings.some((p) => p.liveness)) return false
    this.#ping(true)
    return true
  }

  #ping(liveness: boolean): void {
    const nonce = randomBytes(8)
    this.#pings.push({ nonce, writtenAt: this.#written, liveness })
    this.#ws.ping(nonce)
  }

  // A client may answer only the latest of several pings (RFC 6455, 5.5.3): it has read what preceded all of them.
  #answered(data: Buffer): void {
    const index = this.#pings.findIndex((p) => p.nonce.equals(data))
    if (index < 0) return
    this.#read = Math.max(this.#read, this.#pings[index]!.writtenAt)
    this.#pings.splice(0, index + 1)
  }
}
