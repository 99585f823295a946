// A timer this short is a sign of a clock at a unit's edge; never spin faster than this.
const MIN_DELAY_MS = 250
// Wake at least hourly: a suspended laptop's timers run late, and setTimeout cannot wait more than ~24.8 days.
const MAX_DELAY_MS = 60 * 60 * 1_000

interface Entry {
  /** When this subscriber's text next changes (local clock, epoch ms). */
  due: () => number
  notify: () => void
  at: number
}

const entries = new Set<Entry>()
let timer: ReturnType<typeof setTimeout> | undefined
let timerAt = Infinity

function schedule(at: number): void {
  if (timer !== undefined && timerAt <= at) return
  clearTimeout(timer)
  timerAt = at
  const delay = Math.min(MAX_DELAY_MS, Math.max(MIN_DELAY_MS, at - Date.now()))
  timer = setTimeout(tick, delay)
}

function tick(): void {
  timer = undefined
  timerAt = Infinity
  const now = Date.now()
  let next = Infinity
  for (const entry of [...entries]) {
    if (entry.at <= now) {
      entry.notify()
      entry.at = entry.due()
    }
    next = Math.min(next, entry.at)
  }
  if (entries.size) schedule(next)
}

/**
 * One timer for every "last seen" text on the page. Each subscriber says when its text next changes (`due`, on the
 * local clock); the ticker sleeps until the soonest of them, wakes those that are due, and sleeps again. It runs only
 * while someone subscribes, and a page of old "last seen 3 days ago" texts wakes it about once an hour.
 *
 * @example
 * const stop = subscribeTicker(() => lastSeenChangesAt(lastSeen, Date.now()), () => rerender())
 * // later
 * stop()
 */
export function subscribeTicker(due: () => number, notify: () => void): () => void {
  const entry: Entry = { due, notify, at: due() }
  entries.add(entry)
  schedule(entry.at)
  return () => {
    entries.delete(entry)
    if (entries.size === 0) {
      clearTimeout(timer)
      timer = undefined
      timerAt = Infinity
    }
  }
}

/**
 * How many subscribers the ticker has (for tests and debugging).
 *
 * @example
 * tickerSize() // 0 once every "last seen" text is unmounted
 */
export function tickerSize(): number {
  return entries.size
}
