/** The server's sense of time. The mock's own clock can be moved forward; nothing else reads `Date.now()`. */
export interface Clock {
  now(): number
}

export class MockClock implements Clock {
  #offset = 0
  readonly #source: () => number

  constructor(source: () => number = Date.now) {
    this.#source = source
  }

  now(): number {
    return this.#source() + this.#offset
  }

  advance(ms: number): void {
    this.#offset += ms
  }

  reset(): void {
    this.#offset = 0
  }
}
