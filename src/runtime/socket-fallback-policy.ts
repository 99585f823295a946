import { FALLBACK } from '../defaults'
import type { SocketStatus } from '../client'

/**
 * When to give up on the WebSocket for now and poll instead. The socket keeps retrying in the background either
 * way; polling stops as soon as it opens.
 *
 * @example
 * const options: SocketFallbackOptions = { maxFailedAttempts: 3, maxNotOpenMs: 30_000 }
 */
export interface SocketFallbackOptions {
  /** Attempts in a row that failed without ever opening. Default 3. */
  maxFailedAttempts?: number
  /** How long the socket may stay not open (connecting or reconnecting) in one stretch. Default 30 000 ms. */
  maxNotOpenMs?: number
}

/**
 * Watches a `PresenceSocket`'s status and says when polling should take over: after `maxFailedAttempts` attempts
 * in a row that never opened, after `maxNotOpenMs` without being open, or at once when the socket cannot work here
 * at all (`giveUp()`). It says "stop polling" when the socket opens, and when the token is refused (polling with the
 * same token would be refused too).
 *
 * @example
 * const policy = new SocketFallbackPolicy({}, (poll) => (poll ? polling.start() : polling.stop()))
 * socket.subscribe((event) => event.type === 'status' && policy.observe(event.status, event.previous))
 */
export class SocketFallbackPolicy {
  readonly #options: SocketFallbackOptions
  readonly #onChange: (poll: boolean) => void
  #failures = 0
  #timer: ReturnType<typeof setTimeout> | undefined
  #poll = false

  constructor(options: SocketFallbackOptions, onChange: (poll: boolean) => void) {
    this.#options = options
    this.#onChange = onChange
  }

  /** Whether polling should run now. */
  get shouldPoll(): boolean {
    return this.#poll
  }

  /** Feeds one status change of the socket. */
  observe(status: SocketStatus, previous: SocketStatus): void {
    switch (status.state) {
      case 'open':
        this.#failures = 0
        this.#clearTimer()
        return this.#set(false)
      case 'unauthorized':
        this.#clearTimer()
        return this.#set(false)
      case 'idle':
      case 'closed':
        return this.#clearTimer()
      case 'connecting':
      case 'reconnecting':
        this.#armTimer()
        // A retry was scheduled after an attempt that never opened (a drop from `open` does not count).
        if (status.attempt > previous.attempt && previous.state !== 'open') {
          this.#failures++
          if (this.#failures >= (this.#options.maxFailedAttempts ?? FALLBACK.maxFailedAttempts)) this.#set(true)
        }
        return
      default:
        return status.state satisfies never
    }
  }

  /** The socket cannot work in this environment (no WebSocket class, no usable URL): poll at once. */
  giveUp(): void {
    this.#clearTimer()
    this.#set(true)
  }

  /** Forgets everything, silently: for a stop or a new session. */
  reset(): void {
    this.#clearTimer()
    this.#failures = 0
    this.#poll = false
  }

  #armTimer(): void {
    if (this.#timer !== undefined || this.#poll) return
    this.#timer = setTimeout(() => {
      this.#timer = undefined
      this.#set(true)
    }, this.#options.maxNotOpenMs ?? FALLBACK.maxNotOpenMs)
  }

  #clearTimer(): void {
    clearTimeout(this.#timer)
    this.#timer = undefined
  }

  #set(poll: boolean): void {
    if (poll === this.#poll) return
    this.#poll = poll
    if (poll) this.#clearTimer()
    this.#onChange(poll)
  }
}
