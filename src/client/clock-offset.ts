// Server timestamps are whole milliseconds and timers are coarse; a difference this small is not a jump.
const JUMP_SLACK_MS = 5

/**
 * One ping/pong exchange: when the ping left and the pong came back (client clock), and the server's time in it.
 *
 * @example
 * estimator.add({ sentAt: 1_000, receivedAt: 1_100, serverTime: 6_050 }) // offset 5_000
 */
export interface ClockSample {
  sentAt: number
  receivedAt: number
  serverTime: number
}

/**
 * Estimates how far the server's clock is ahead of this one (`serverTime ≈ Date.now() + offset`), so that
 * "last seen" can be computed on the server's clock even when the client's is wrong. Each sample's offset is
 * `serverTime − midpoint(sentAt, receivedAt)`; of the recent samples the one with the shortest round trip is
 * trusted, because a long round trip is usually an asymmetric one, which skews the midpoint (NTP's reasoning).
 * A sample that contradicts the trusted one beyond both round trips means the server's clock jumped, and
 * restarts the estimate from that sample.
 *
 * @example
 * const estimator = new ClockOffsetEstimator()
 * estimator.add({ sentAt, receivedAt: Date.now(), serverTime: pong.ts })
 * const serverNow = Date.now() + (estimator.offset ?? 0)
 */
export class ClockOffsetEstimator {
  readonly #samples: Array<{ offset: number; roundTrip: number }> = []
  readonly #keep: number

  constructor(keep = 8) {
    this.#keep = Math.max(1, keep)
  }

  /** Adds a sample; a sample that went backwards in time is ignored. Returns whether the estimate changed. */
  add(sample: ClockSample): boolean {
    const roundTrip = sample.receivedAt - sample.sentAt
    if (!Number.isFinite(roundTrip) || roundTrip < 0 || !Number.isFinite(sample.serverTime)) return false
    const before = this.offset
    const next = { offset: sample.serverTime - (sample.sentAt + sample.receivedAt) / 2, roundTrip }
    // Each sample bounds the true offset within ± half its round trip. A sample whose bounds miss the trusted
    // one's means the server's clock jumped (the mock's `/__mock__/clock`, an NTP step): the old samples are void.
    const best = this.#best()
    if (best && Math.abs(next.offset - best.offset) > (next.roundTrip + best.roundTrip) / 2 + JUMP_SLACK_MS) {
      this.#samples.length = 0
    }
    this.#samples.push(next)
    if (this.#samples.length > this.#keep) this.#samples.shift()
    return this.offset !== before
  }

  #best() {
    let best: { offset: number; roundTrip: number } | undefined
    for (const sample of this.#samples) if (!best || sample.roundTrip < best.roundTrip) best = sample
    return best
  }

  /** Milliseconds to add to the local clock to get the server's; `null` before the first sample. */
  get offset(): number | null {
    const best = this.#best()
    return best ? Math.round(best.offset) : null
  }

  /** The round trip of the trusted sample, in ms; `null` before the first sample. */
  get roundTrip(): number | null {
    return this.#best()?.roundTrip ?? null
  }
}
