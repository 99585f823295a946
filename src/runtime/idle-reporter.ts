import type { BroadcastChannelConstructorLike } from './beat-channel'
import { IdleDetector, type InputTargetLike } from './idle-detector'

/**
 * What the reporter needs of the runtime: its two ways of telling the server.
 *
 * @example
 * const host: IdleReporterHost = { sendFrame: (idle) => socket.send({ type: 'status', idle }), speaksForRest: () => true, patch }
 */
export interface IdleReporterHost {
  /** Tells this tab's open socket (its connection's idleness); `false` when there is no open socket to tell. */
  sendFrame(idle: boolean): boolean
  /**
   * Whether this tab speaks for the browser's REST presence: the heartbeat's leader, as only one tab keeps the
   * REST presence alive; or, without a heartbeat, any tab without an open socket.
   */
  speaksForRest(): boolean
  /** `PATCH /api/users/me/status/` `{idle}`. */
  patch(idle: boolean): Promise<unknown>
  /** Hears a report that failed (a network error); the next change reports again. */
  onError(error: unknown): void
}

/**
 * Options of {@link IdleReporter}: the provider's `idleAfterMs` and what tests inject.
 *
 * @example
 * const options: IdleReporterOptions = { idleAfterMs: 60_000 }
 */
export interface IdleReporterOptions {
  /** See `IdleDetectorOptions.idleAfterMs`. */
  idleAfterMs?: number
  target?: InputTargetLike | null
  BroadcastChannel?: BroadcastChannelConstructorLike | null
  now?: () => number
}

/**
 * Reports the browser's idleness (contract 6.1): each tab on its own socket, since the server counts every
 * connection on its own, and one tab (the heartbeat's leader) for the REST presence. A socket that opens while
 * the browser is idle is told at once (a new connection counts as active); so is a new REST speaker.
 *
 * @example
 * const reporter = new IdleReporter({ idleAfterMs: 600_000 }, host)
 * reporter.start('presence-kit:idle:http://localhost:8000:user:3')
 * socket.subscribe((event) => event.type === 'status' && event.status.state === 'open' && reporter.socketOpened())
 */
export class IdleReporter {
  readonly #options: IdleReporterOptions
  readonly #host: IdleReporterHost
  #detector: IdleDetector | null = null
  // What the REST presence was last told; `false` is what the server assumes of a client that said nothing.
  #restIdle = false

  constructor(options: IdleReporterOptions, host: IdleReporterHost) {
    this.#options = options
    this.#host = host
  }

  /** Whether the browser is idle now. */
  get idle(): boolean {
    return this.#detector?.idle ?? false
  }

  /** Starts detecting under the channel name (one per user and backend). Starting again with the same name does nothing. */
  start(channelName: string): void {
    if (this.#detector) return
    this.#restIdle = false
    this.#detector = new IdleDetector({ ...this.#options, channelName, onChange: (idle) => this.#report(idle) })
    this.#detector.start()
  }

  /** Stops detecting; the next start counts from scratch. */
  stop(): void {
    this.#detector?.stop()
    this.#detector = null
  }

  /** This tab's socket has just opened: a new connection counts as active, so an idle browser says so again. */
  socketOpened(): void {
    if (this.idle) this.#host.sendFrame(true)
  }

  /** This tab may have become the REST speaker (the heartbeat's leader): it tells what the others told. */
  speakerChanged(): void {
    if (this.#detector && this.#host.speaksForRest() && this.#restIdle !== this.idle) this.#patch(this.idle)
  }

  #report(idle: boolean): void {
    this.#host.sendFrame(idle)
    if (this.#host.speaksForRest() && this.#restIdle !== idle) this.#patch(idle)
  }

  #patch(idle: boolean): void {
    this.#restIdle = idle
    this.#host.patch(idle).catch((error: unknown) => {
      if (this.#restIdle === idle) this.#restIdle = !idle
      this.#host.onError(error)
    })
  }
}
