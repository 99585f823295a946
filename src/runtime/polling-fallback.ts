import { POLL } from '../defaults'
import { PeriodicTask, type RunOutcome } from './periodic-task'
import { visibilityOf, type VisibilityManager } from './visibility-manager'

/**
 * Options of {@link PollingFallback}.
 *
 * @example
 * const options: PollingFallbackOptions = { poll: (signal) => refreshOnlineUsers(signal), intervalMs: 10_000 }
 */
export interface PollingFallbackOptions {
  /** One poll: fetch who is online and apply it. */
  poll: (signal: AbortSignal) => Promise<void>
  /** Between the starts of two polls, in ms. Default 10 000 (the heartbeat backend's app polls every 8–10 s). */
  intervalMs?: number
  /** Default the page's {@link visibilityManager}. */
  visibility?: VisibilityManager
  /** Decides after a failed poll whether to go on (a network error, a 5xx) or stop (a 401, no such endpoint). */
  onError?: (error: unknown) => 'continue' | 'stop'
  /** Called when it starts or stops running (including when `onError` stopped it). */
  onChange?: (running: boolean) => void
}

/**
 * Polls while the WebSocket cannot be had: at once on start, then every `intervalMs`. Like TanStack Query's
 * `refetchInterval` without `refetchIntervalInBackground`, it waits while the page is hidden and, on becoming
 * visible, polls at once if the last poll is more than an interval old. One poll at a time; `stop()` aborts the
 * one in flight, and its answer is dropped, so that a late poll never overwrites the socket's fresher snapshot.
 *
 * @example
 * const polling = new PollingFallback({ poll: async (signal) => store.getState().applySnapshot(await list(signal)) })
 * polling.start()
 * // the socket is back
 * polling.stop()
 */
export class PollingFallback {
  readonly #options: PollingFallbackOptions
  readonly #task: PeriodicTask
  readonly #visibility: VisibilityManager
  #running = false
  #lastStartedAt: number | null = null
  // Set by a refresh during a poll: asked when that poll settles whether one more is needed.
  #again: (() => boolean) | null = null
  #stopListening: (() => void) | null = null

  constructor(options: PollingFallbackOptions) {
    this.#options = options
    this.#visibility = visibilityOf(options)
    this.#task = new PeriodicTask(
      (signal) => {
        this.#lastStartedAt = Date.now()
        return options.poll(signal)
      },
      (outcome) => this.#settled(outcome),
    )
  }

  /** Whether it is polling (or waiting for the page to be shown to poll). */
  get isRunning(): boolean {
    return this.#running
  }

  /** Starts polling, at once (if the page is visible). Does nothing if running. */
  start(): void {
    if (this.#running) return
    this.#running = true
    this.#lastStartedAt = null
    this.#options.onChange?.(true)
    this.#stopListening = this.#visibility.subscribe((visible) => (visible ? this.#resume() : this.#task.clear()))
    if (this.#visibility.isVisible()) this.#task.runNow()
  }

  /** Stops polling: no timer, the poll in flight aborted and its answer ignored. */
  stop(): void {
    if (!this.#running) return
    this.#running = false
    this.#again = null
    this.#task.cancel()
    this.#stopListening?.()
    this.#stopListening = null
    this.#options.onChange?.(false)
  }

  /** Polls now instead of waiting (the user asked to retry). Does nothing when not running or already polling. */
  pollNow(): void {
    if (this.#running) this.#task.runNow()
  }

  /**
   * Polls once more, after the poll in flight or now if none is, unless `needed()` (asked then) says that the last
   * answer already has it: the caller knows of a change that a poll sent earlier may have been answered without.
   * Does nothing when not running.
   */
  refresh(needed: () => boolean): void {
    if (!this.#running) return
    if (this.#task.inFlight) this.#again = needed
    else if (this.#visibility.isVisible() && needed()) this.#task.runNow()
  }

  get #intervalMs(): number {
    return this.#options.intervalMs ?? POLL.intervalMs
  }

  #resume(): void {
    if (!this.#running || this.#task.inFlight) return
    const last = this.#lastStartedAt
    const wait = last === null ? 0 : last + this.#intervalMs - Date.now()
    if (wait <= 0) this.#task.runNow()
    else this.#task.after(wait)
  }

  #settled(outcome: RunOutcome): void {
    const next = outcome.ok ? 'continue' : (this.#options.onError?.(outcome.error) ?? 'continue')
    if (next === 'stop') return this.stop()
    const again = this.#again
    this.#again = null
    if (!this.#visibility.isVisible()) return
    if (again?.()) this.#task.runNow()
    else this.#task.after(this.#lastStartedAt! + this.#intervalMs - Date.now())
  }
}
