/**
 * How one run of a {@link PeriodicTask} ended.
 *
 * @example
 * const outcome: RunOutcome = { ok: false, error: new Error('offline') }
 */
export type RunOutcome = { ok: true } | { ok: false; error: unknown }

/**
 * One abortable job run again and again — the heartbeat's beats, the polling fallback's reads — with the timer and
 * the run in flight in one place: at most one run at a time, at most one timer, and `cancel()` aborts the run in
 * flight and drops its outcome, so an answer that lands after a stop changes nothing. Each run has its own
 * `AbortSignal`; that signal is the generation: a run whose signal is aborted is stale. When to run next is the
 * owner's call (`settled` decides, from the outcome); timers are the global ones, looked up at each use, so fake
 * timers drive them.
 *
 * @example
 * const task = new PeriodicTask(
 *   (signal) => fetch('/api/users/online/', { signal }),
 *   (outcome) => task.after(outcome.ok ? 10_000 : 30_000),
 * )
 * task.runNow()
 * // later
 * task.cancel()
 */
export class PeriodicTask {
  readonly #run: (signal: AbortSignal) => Promise<unknown>
  readonly #settled: (outcome: RunOutcome) => void
  #timer: ReturnType<typeof setTimeout> | undefined
  #inFlight: AbortController | null = null

  /**
   * @param run One run; rejects to report a failure. Called with the run's own signal.
   * @param settled Called after a run that was not cancelled, with how it ended.
   */
  constructor(run: (signal: AbortSignal) => Promise<unknown>, settled: (outcome: RunOutcome) => void) {
    this.#run = run
    this.#settled = settled
  }

  /** Whether a run is in flight. */
  get inFlight(): boolean {
    return this.#inFlight !== null
  }

  /** Runs now (the timer, if any, is dropped); does nothing while a run is in flight. */
  runNow(): void {
    if (this.#inFlight) return
    this.clear()
    const controller = new AbortController()
    this.#inFlight = controller
    let promise: Promise<unknown>
    try {
      promise = this.#run(controller.signal)
    } catch (error) {
      promise = Promise.reject(error)
    }
    promise.then(
      () => this.#finish(controller, { ok: true }),
      (error: unknown) => this.#finish(controller, { ok: false, error }),
    )
  }

  /** Calls `due` (default: `runNow`) once after `ms` (at once for 0 or less), replacing the timer there was. */
  after(ms: number, due: () => void = () => this.runNow()): void {
    this.clear()
    this.#timer = setTimeout(() => {
      this.#timer = undefined
      due()
    }, Math.max(0, ms))
  }

  /** Drops the timer; a run in flight goes on. */
  clear(): void {
    clearTimeout(this.#timer)
    this.#timer = undefined
  }

  /** Drops the timer and aborts the run in flight; its outcome is never reported. */
  cancel(): void {
    this.clear()
    this.#inFlight?.abort()
    this.#inFlight = null
  }

  #finish(controller: AbortController, outcome: RunOutcome): void {
    if (controller.signal.aborted || this.#inFlight !== controller) return
    this.#inFlight = null
    this.#settled(outcome)
  }
}
