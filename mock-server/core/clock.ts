/** The server's sense of time. The mock's own clock can be moved forward; nothing else reads `Date.now()`. */
export interface Clock {
  now(): number
}

/** How far ahead of the real time the mock's clock may run: 100 years (section 6.5), far inside what a `Date` holds. */
export const MAX_AHEAD_MS = 100 * 365.25 * 24 * 3600 * 1000

export class MockClock implements Clock {
  #offset = 0
  readonly #source: () => number

  constructor(source: () => number = Date.now) {
    this.#source = source
  }

  now(): number {
    return this.#source() + this.#offset
  }

  /** How far ahead of the real time it runs, in ms. */
  get aheadMs(): number {
    return this.#offset
  }

  /** Whether it may move forward by `ms` without running past `MAX_AHEAD_MS`. */
  canAdvance(ms: number): boolean {
    return ms >= 0 && this.#offset + ms <= MAX_AHEAD_MS
  }

  advance(ms: number): void {
    if (!this.canAdvance(ms)) throw new RangeError(`the clock may run at most 100 years ahead of the real time`)
    this.#offset += ms
  }

  reset(): void {
    this.#offset = 0
  }
}
