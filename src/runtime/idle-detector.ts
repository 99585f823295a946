import { defaultBroadcastChannel, type BroadcastChannelConstructorLike } from './beat-channel'

/** Ten minutes, as Slack and Teams use (contract 6.1). */
export const DEFAULT_IDLE_AFTER_MS = 600_000

/** The inputs that count as the user being there (contract 6.1). Focus, scroll and mouse-over alone do not. */
export const IDLE_INPUTS = ['pointerdown', 'pointermove', 'keydown', 'touchstart', 'wheel'] as const

/**
 * The part of `EventTarget` the detector listens on.
 *
 * @example
 * const target: InputTargetLike = window
 */
export interface InputTargetLike {
  addEventListener(type: string, listener: () => void, options?: { capture?: boolean; passive?: boolean }): void
  removeEventListener(type: string, listener: () => void, options?: { capture?: boolean }): void
}

/**
 * Options of {@link IdleDetector}.
 *
 * @example
 * const options: IdleDetectorOptions = { idleAfterMs: 600_000, channelName: 'presence-kit:idle:3', onChange: report }
 */
export interface IdleDetectorOptions {
  /** Without input for this long, the browser is idle. Default {@link DEFAULT_IDLE_AFTER_MS}. */
  idleAfterMs?: number
  /** Where the inputs are heard; default the page's `window`. */
  target?: InputTargetLike | null
  /** Shares the idle clock with the other tabs of this browser; `null` keeps it to this tab. Default the global one. */
  BroadcastChannel?: BroadcastChannelConstructorLike | null
  /** The channel's name: one per user and backend, so that two accounts do not share a clock. */
  channelName: string
  /** The clock; default `Date.now`. */
  now?: () => number
  /** Hears every change between idle and active. */
  onChange: (idle: boolean) => void
}

type Channel = InstanceType<BroadcastChannelConstructorLike>

/**
 * Whether the user has left the keyboard, for every tab of one browser at once: any pointer, key, touch or wheel
 * input in any tab resets one shared clock (the tabs tell each other over a `BroadcastChannel`), and without input
 * for `idleAfterMs` every tab turns idle; the next input anywhere makes them all active again. A tab that opens
 * learns the others' last input when it first hears from them, and counts as active until then (a new connection
 * is active, contract 6.1).
 *
 * Telling the others costs one message per `idleAfterMs / 8` at most, however fast the pointer moves.
 *
 * @example
 * const detector = new IdleDetector({ channelName: 'presence-kit:idle:3', onChange: (idle) => console.log({ idle }) })
 * detector.start()
 * // later
 * detector.stop()
 */
export class IdleDetector {
  readonly #options: IdleDetectorOptions
  readonly #idleAfterMs: number
  readonly #now: () => number
  #lastInput = 0
  #lastPosted = -Infinity
  #idle = false
  #timer: ReturnType<typeof setTimeout> | undefined
  #channel: Channel | null = null
  #target: InputTargetLike | null = null
  #running = false

  constructor(options: IdleDetectorOptions) {
    this.#options = options
    const ms = options.idleAfterMs ?? DEFAULT_IDLE_AFTER_MS
    if (!(ms > 0) || !Number.isFinite(ms)) throw new RangeError(`idleAfterMs must be a positive number of ms, not ${String(ms)}`)
    this.#idleAfterMs = ms
    this.#now = options.now ?? Date.now
  }

  /** Whether the browser is idle now. */
  get idle(): boolean {
    return this.#idle
  }

  /** Starts listening; counts from now. Starting twice does nothing. */
  start(): void {
    if (this.#running) return
    this.#running = true
    this.#lastInput = this.#now()
    this.#target = this.#options.target === undefined ? defaultTarget() : this.#options.target
    for (const type of IDLE_INPUTS) this.#target?.addEventListener(type, this.#onInput, { capture: true, passive: true })
    const Channel = this.#options.BroadcastChannel === undefined ? defaultBroadcastChannel() : this.#options.BroadcastChannel
    try {
      this.#channel = Channel ? new Channel(this.#options.channelName) : null
    } catch {
      this.#channel = null
    }
    this.#channel?.addEventListener('message', this.#onMessage)
    this.#schedule()
  }

  /** Stops listening and forgets the idle state (without telling `onChange`). */
  stop(): void {
    if (!this.#running) return
    this.#running = false
    for (const type of IDLE_INPUTS) this.#target?.removeEventListener(type, this.#onInput, { capture: true })
    this.#target = null
    clearTimeout(this.#timer)
    this.#channel?.close()
    this.#channel = null
    this.#idle = false
    this.#lastPosted = -Infinity
  }

  readonly #onInput = (): void => {
    if (!this.#running) return
    const now = this.#now()
    this.#lastInput = now
    // The others must hear at once when the browser comes back; otherwise often enough to keep their clocks close.
    if (this.#idle || now - this.#lastPosted >= this.#idleAfterMs / 8) {
      this.#lastPosted = now
      this.#post(now)
    }
    this.#setIdle(false)
    this.#schedule()
  }

  readonly #onMessage = (event: { data?: unknown }): void => {
    const data = event.data as { type?: unknown; at?: unknown } | null | undefined
    if (!this.#running || data?.type !== 'input' || typeof data.at !== 'number' || !Number.isFinite(data.at)) return
    // Another tab's clock may be a little ahead: an input is never later than now here.
    const at = Math.min(data.at, this.#now())
    if (at <= this.#lastInput) return
    this.#lastInput = at
    this.#setIdle(false)
    this.#schedule()
  }

  #post(at: number): void {
    try {
      this.#channel?.postMessage({ type: 'input', at })
    } catch {
      // A closed channel: this tab keeps its own clock.
    }
  }

  #schedule(): void {
    clearTimeout(this.#timer)
    if (!this.#running || this.#idle) return
    const due = this.#lastInput + this.#idleAfterMs - this.#now()
    if (due <= 0) return this.#setIdle(true)
    this.#timer = setTimeout(() => this.#schedule(), due)
  }

  #setIdle(idle: boolean): void {
    if (this.#idle === idle) return
    this.#idle = idle
    this.#options.onChange(idle)
  }
}

function defaultTarget(): InputTargetLike | null {
  const target = (globalThis as { window?: InputTargetLike }).window
  return typeof target?.addEventListener === 'function' ? target : null
}
