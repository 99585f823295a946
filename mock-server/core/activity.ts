import type { VisibleStatus } from './types'

export interface ActivityEntry {
  userId: number
  event: VisibleStatus
  at: number
}

/** The log of status changes as others saw them, newest last, bounded. */
export class ActivityLog {
  #entries: ActivityEntry[] = []
  readonly #capacity: number

  constructor(capacity = 5000) {
    this.#capacity = capacity
  }

  record(entry: ActivityEntry): void {
    this.#entries.push(entry)
    if (this.#entries.length > this.#capacity) this.#entries.splice(0, this.#entries.length - this.#capacity)
  }

  /** Newest first, at most `limit` entries that pass `keep`. */
  newest(limit: number, keep: (entry: ActivityEntry) => boolean = () => true): ActivityEntry[] {
    const out: ActivityEntry[] = []
    for (let i = this.#entries.length - 1; i >= 0 && out.length < limit; i--) {
      const entry = this.#entries[i]!
      if (keep(entry)) out.push(entry)
    }
    return out
  }

  clear(): void {
    this.#entries = []
  }
}
