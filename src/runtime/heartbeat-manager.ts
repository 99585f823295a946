import { fullJitterDelay, isAuthError, isMissingEndpoint, Listeners, type BackoffOptions } from '../client'
import { HEARTBEAT } from '../defaults'
import { HeartbeatState, IDLE_HEARTBEAT, type HeartbeatStatus } from '../store'
import { openBeatChannel, type BeatChannel, type BroadcastChannelConstructorLike } from './beat-channel'
import { defaultLocks, joinElection, type LockManagerLike } from './leader-election'
import { PeriodicTask, type RunOutcome } from './periodic-task'
import { visibilityOf, type VisibilityManager } from './visibility-manager'

export { HeartbeatState, type HeartbeatStatus } from '../store'

/**
 * Where a heartbeat's status lives: the manager's own (the default), or a runtime's store, so that the status is
 * held in one place and the manager reads and writes it there.
 *
 * @example
 * const status: HeartbeatStatusCell = {
 *   get: () => store.getState().heartbeat,
 *   set: (heartbeat) => store.setState({ heartbeat }),
 *   subscribe: (listener) => store.subscribe((state, previous) => state.heartbeat !== previous.heartbeat && listener()),
 * }
 */
export interface HeartbeatStatusCell {
  get(): HeartbeatStatus
  set(status: HeartbeatStatus): void
  subscribe(listener: () => void): () => void
}

function ownCell(): HeartbeatStatusCell {
  let status = IDLE_HEARTBEAT
  const listeners = new Listeners<void>()
  return {
    get: () => status,
    set: (next) => {
      status = next
      listeners.emit()
    },
    subscribe: (listener) => listeners.add(listener),
  }
}

/**
 * Options of {@link HeartbeatManager}. Durations in milliseconds.
 *
 * @example
 * const options: HeartbeatManagerOptions = { beat: (signal) => rest.heartbeat({ signal }), intervalMs: 120_000 }
 */
export interface HeartbeatManagerOptions {
  /** Sends one heartbeat; rejects with a `PresenceApiError` (404: no such endpoint; 401: bad token). */
  beat: (signal: AbortSignal) => Promise<unknown>
  /** Between two beats. Default 120 000 (the `chat-polling` backend's 2 minutes). */
  intervalMs?: number
  /** On becoming visible, a beat goes out at once if the last one is older than this. Default 60 000 (half the default interval). */
  resumeAfterMs?: number
  /** Retry delays after a network error or a 5xx: full jitter from `baseMs` (default 10 000) up to `intervalMs`. */
  retry?: Partial<BackoffOptions>
  /**
   * The name under which the tabs of one user agree on one heartbeat (a Web Lock and a BroadcastChannel); read at
   * each start. `null` or absent: this manager beats on its own.
   */
  coordinationKey?: () => string | null
  /** The Web Locks API; default `navigator.locks` when it exists. `null` switches leader election off. */
  locks?: LockManagerLike | null
  /** The BroadcastChannel class; default the global one. `null` switches beat sharing off. */
  BroadcastChannel?: BroadcastChannelConstructorLike | null
  /** Default the page's {@link visibilityManager}. */
  visibility?: VisibilityManager
  /** Called once for a 401. */
  onAuthError?: (error: unknown) => void
  /** Random source of the retry jitter, in [0, 1). */
  random?: () => number
  /** Where the status is held; default the manager's own. */
  status?: HeartbeatStatusCell
}

// Without Web Locks, a tab skips its beat when another tab's beat went out less than this before its own was due.
const SUPPRESS_SLACK_MS = 1_000

/**
 * The `POST …/heartbeat/` sign of life, once per user per browser: one beat at once on start, then one every `intervalMs`; paused
 * while the page is hidden, and on becoming visible one at once if the last is more than `resumeAfterMs` old; a 404
 * stops it (state `stopped`, the 404 as the status's `error`), a 401 reports an auth error and stops it, a network error or a 5xx is retried with backoff.
 *
 * One heartbeat across tabs: with the Web Locks API only the tab holding the lock beats, and a tab lets the lock go
 * while hidden, so the leader is always a visible tab when there is one. Without Web Locks but with a
 * BroadcastChannel, each tab announces its beats and skips its own when another tab's went out less than an
 * interval ago. With neither (SSR, old browsers, happy-dom) each tab beats on its own. Several callers in one tab
 * share one manager (`retain`).
 *
 * @example
 * const heartbeat = new HeartbeatManager({ beat: (signal) => rest.heartbeat({ signal }), coordinationKey: () => 'me:3' })
 * heartbeat.start()
 * heartbeat.subscribe(() => console.log(heartbeat.getStatus()))
 * // later
 * heartbeat.stop()
 */
export class HeartbeatManager {
  readonly #options: HeartbeatManagerOptions
  readonly #status: HeartbeatStatusCell
  readonly #task: PeriodicTask
  #running = false
  // One per start, aborted by stop(): an election won after a stop is ignored (the task drops a beat's answer).
  #session: AbortController | null = null
  // Stopped for this run by a 404 or a 401: visibility no longer restarts it.
  #halted = false
  #leader = false
  // Whether leadership is exclusive (a Web Lock) rather than assumed (each tab on its own, skipping heard beats).
  #exclusive = false
  #leave: (() => void) | null = null
  #channel: BeatChannel | null = null
  #stopListening: Array<() => void> = []
  #failures = 0
  #ownAt: number | null = null
  #heardAt: number | null = null
  #retains = 0
  #pendingRelease = false

  constructor(options: HeartbeatManagerOptions) {
    this.#options = options
    this.#status = options.status ?? ownCell()
    this.#task = new PeriodicTask(
      (signal) => this.#options.beat(signal),
      (outcome) => this.#landed(outcome),
    )
  }

  /** The interval between two beats, in ms. */
  get intervalMs(): number {
    return this.#options.intervalMs ?? HEARTBEAT.intervalMs
  }

  /** The current {@link HeartbeatStatus}; the same object until something changes. */
  getStatus = (): HeartbeatStatus => this.#status.get()

  /** Listens to status changes; returns the function that stops listening. */
  subscribe = (listener: (status: HeartbeatStatus) => void): (() => void) => this.#status.subscribe(() => listener(this.#status.get()))

  /** Whether it has been started and not stopped. */
  get isRunning(): boolean {
    return this.#running
  }

  /**
   * Starts it (if not running). A beat goes out at once unless one went out less than `resumeAfterMs` ago (a
   * restart within a StrictMode double effect does not beat twice).
   */
  start(): void {
    if (this.#running) return
    this.#running = true
    this.#session = new AbortController()
    this.#halted = false
    this.#failures = 0
    const visibility = this.#visibility
    const key = this.#options.coordinationKey?.() ?? null
    const Channel = this.#options.BroadcastChannel
    this.#channel = key === null || Channel === null ? null : openBeatChannel(key, Channel)
    this.#stopListening = [
      visibility.subscribe((visible) => (visible ? this.#join() : this.#pause())),
      this.#channel?.subscribe((at) => this.#heard(at)) ?? (() => {}),
    ]
    this.#update({ state: HeartbeatState.Idle, error: null })
    if (visibility.isVisible()) this.#join()
    else this.#pause()
  }

  /**
   * Stops it: no timer, no beat in flight, the lock let go. `forget` also drops the time of the last beat, so that
   * the next start beats at once (a new token may be another user).
   */
  stop(options: { forget?: boolean } = {}): void {
    this.#pendingRelease = false
    if (!this.#running && !options.forget) return
    this.#running = false
    this.#session?.abort()
    this.#session = null
    this.#leaveElection()
    this.#task.cancel()
    for (const stop of this.#stopListening.splice(0)) stop()
    this.#channel?.close()
    this.#channel = null
    if (options.forget) this.#ownAt = this.#heardAt = null
    this.#update({ state: HeartbeatState.Idle, isLeader: false, lastBeatAt: this.#lastBeatAt() })
  }

  /**
   * Counts one more user of this heartbeat and starts it with the first; the returned function counts it out, and
   * the last one out stops it. The stop waits for a microtask, so that React StrictMode's unmount-and-remount of an
   * effect neither stops nor beats twice.
   *
   * @example
   * useEffect(() => manager.retain(), [manager])
   */
  retain(): () => void {
    this.#retains++
    this.#pendingRelease = false
    this.start()
    let released = false
    return () => {
      if (released) return
      released = true
      if (--this.#retains > 0) return
      this.#pendingRelease = true
      queueMicrotask(() => {
        if (this.#pendingRelease && this.#retains === 0) this.stop()
      })
    }
  }

  get #visibility(): VisibilityManager {
    return visibilityOf(this.#options)
  }

  #join(): void {
    if (!this.#running || this.#halted || this.#leave) return
    const key = this.#options.coordinationKey?.() ?? null
    const locks = this.#options.locks === undefined ? defaultLocks() : this.#options.locks
    if (key !== null && locks) {
      const session = this.#session
      this.#exclusive = true
      this.#update({ state: HeartbeatState.Idle, isLeader: false })
      this.#leave = joinElection(locks, key, () => {
        if (session !== this.#session || !this.#running || this.#halted) return
        this.#leader = true
        this.#lead()
      })
    } else {
      this.#exclusive = false
      this.#leave = () => {}
      this.#leader = true
      this.#lead()
    }
  }

  // Now the leader: beat at once, unless this user's last beat (from any tab) is recent; then when it falls due.
  #lead(): void {
    const last = this.#lastBeatAt()
    const now = Date.now()
    if (last === null || now - last > (this.#options.resumeAfterMs ?? HEARTBEAT.resumeAfterMs)) return this.#beat()
    this.#update({ state: HeartbeatState.Beating, isLeader: true })
    this.#schedule(last + this.intervalMs - now)
  }

  #pause(): void {
    if (!this.#running || this.#halted) return
    this.#leaveElection()
    this.#update({ state: HeartbeatState.Paused, isLeader: false })
  }

  // Lets the lock go and drops the timer; a beat in flight still lands.
  #leaveElection(): void {
    this.#task.clear()
    this.#leave?.()
    this.#leave = null
    this.#leader = false
  }

  #schedule(ms: number): void {
    this.#task.after(ms, () => this.#due())
  }

  #due(): void {
    if (!this.#leader) return
    const heard = this.#heardAt
    const now = Date.now()
    // Assumed leadership only: another tab's beat went out recently, so this one is not needed yet.
    if (!this.#exclusive && heard !== null && now - heard < this.intervalMs - SUPPRESS_SLACK_MS) {
      this.#update({ state: HeartbeatState.Idle, isLeader: false })
      return this.#schedule(heard + this.intervalMs - now)
    }
    this.#beat()
  }

  #beat(): void {
    if (this.#task.inFlight) return
    // Announced when it leaves, not when it lands, so that a tab whose timer is due a moment later skips its own.
    this.#channel?.post(Date.now())
    this.#update({ isLeader: true })
    this.#task.runNow()
  }

  #landed(outcome: RunOutcome): void {
    if (!outcome.ok) return this.#failed(outcome.error)
    this.#failures = 0
    this.#ownAt = Date.now()
    // The page may have been hidden while the beat was in flight.
    const state = this.#leader ? HeartbeatState.Beating : this.#visibility.isVisible() ? HeartbeatState.Idle : HeartbeatState.Paused
    this.#update({ state, lastBeatAt: this.#lastBeatAt(), error: null })
    if (this.#leader) this.#schedule(this.intervalMs)
  }

  #failed(error: unknown): void {
    if (isMissingEndpoint(error)) return this.#halt(HeartbeatState.Stopped, error)
    if (isAuthError(error)) {
      this.#halt(HeartbeatState.Error, error)
      return this.#options.onAuthError?.(error)
    }
    const delay = fullJitterDelay(
      this.#failures++,
      { baseMs: this.#options.retry?.baseMs ?? HEARTBEAT.retryBaseMs, capMs: this.#options.retry?.capMs ?? this.intervalMs },
      this.#options.random,
    )
    this.#update({ state: HeartbeatState.Error, error })
    if (this.#leader) this.#schedule(delay)
  }

  #halt(state: HeartbeatState, error: unknown): void {
    this.#halted = true
    this.#leaveElection()
    this.#update({ state, error, isLeader: false })
  }

  #heard(at: number): void {
    if (this.#heardAt !== null && at <= this.#heardAt) return
    this.#heardAt = at
    this.#update({ lastBeatAt: this.#lastBeatAt() })
  }

  #lastBeatAt(): number | null {
    if (this.#ownAt === null) return this.#heardAt
    if (this.#heardAt === null) return this.#ownAt
    return Math.max(this.#ownAt, this.#heardAt)
  }

  #update(patch: Partial<HeartbeatStatus>): void {
    const previous = this.#status.get()
    const next = { ...previous, ...patch }
    const keys = Object.keys(next) as Array<keyof HeartbeatStatus>
    if (keys.every((key) => Object.is(next[key], previous[key]))) return
    this.#status.set(Object.freeze(next))
  }
}
