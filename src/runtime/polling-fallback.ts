import { visibilityManager, type VisibilityManager } from './visibility-manager'

/**
 * Options of {@link PollingFallback}.
 *
 * @example
 * const options: PollingFallbackOptions = { poll: (signal) => refreshOnlineUsers(signal), intervalMs: 10_000 }
 */
export interface PollingFallbackOptions {
  /** One poll: fetch who is online and apply it. */
  poll: (signal: AbortSignal) => Promise<void>
  /** Between the starts of two polls, in ms. Default 10 000 (seed 002 polls every 8–10 s). */
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
  #running = false
  #generation = 0
  #timer: ReturnType<typeof setTimeout> | undefined
  #inFlight: AbortController | null = null
  #lastStartedAt: number | null = null
  #stopListening: (() => void) | null = null

  constructor(options: PollingFallbackOptions) {
    this.#options = options
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
    const visibility = this.#options.visibility ?? visibilityManager
    this.#stopListening = visibility.subscribe((visible) => (visible ? this.#resume() : this.#clearTimer()))
    if (visibility.isVisible()) this.#poll()
  }

  /** Stops polling: no timer, the poll in flight aborted and its answer ignored. */
  stop(): void {
    if (!this.#running) return
    this.#running = false
    this.#generation++
    this.#clearTimer()
    this.#inFlight?.abort()
    this.#inFlight = null
    this.#stopListening?.()
    this.#stopListening = null
    this.#options.onChange?.(false)
  }

  /** Polls now instead of waiting (the user asked to retry). Does nothing when not running or already polling. */
  pollNow(): void {
    if (this.#running) this.#poll()
  }

  get #intervalMs(): number {
    return this.#options.intervalMs ?? 10_000
  }

  #resume(): void {
    if (!this.#running || this.#inFlight) return
    const last = this.#lastStartedAt
    const wait = last === null ? 0 : last + this.#intervalMs - Date.now()
    if (wait <= 0) this.#poll()
    else this.#schedule(wait)
  }

  #poll(): void {
    if (this.#inFlight) return
    this.#clearTimer()
    const generation = this.#generation
    const controller = new AbortController()
    this.#inFlight = controller
    this.#lastStartedAt = Date.now()
    let promise: Promise<void>
    try {
      promise = this.#options.poll(controller.signal)
    } catch (error) {
      promise = Promise.reject(error)
    }
    promise
      .then(
        () => 'continue' as const,
        (error: unknown) => (generation === this.#generation ? (this.#options.onError?.(error) ?? 'continue') : 'stop'),
      )
      .then((next) => {
        if (generation !== this.#generation) return
        this.#inFlight = null
        if (next === 'stop') return this.stop()
        const visible = (this.#options.visibility ?? visibilityManager).isVisible()
        if (visible) this.#schedule(this.#lastStartedAt! + this.#intervalMs - Date.now())
      })
  }

  #schedule(ms: number): void {
    this.#clearTimer()
    this.#timer = setTimeout(() => {
      this.#timer = undefined
      this.#poll()
    }, Math.max(0, ms))
  }

  #clearTimer(): void {
    clearTimeout(this.#timer)
    this.#timer = undefined
  }
}
