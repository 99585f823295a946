import { BACKOFF, SOCKET } from '../defaults'
import { fullJitterDelay, type BackoffOptions } from './backoff'
import { ConnectionState } from './connection-state'
import { Listeners } from './listeners'
import { readToken, type TokenSource } from './token'
import { WS_CLOSED, WS_OPEN, type WebSocketConstructorLike, type WebSocketLike } from './websocket-like'

/**
 * The close code of the contract for a missing, expired or revoked token.
 *
 * @example
 * if (status.lastClose?.code === UNAUTHORIZED_CLOSE_CODE) askForLogin()
 */
export const UNAUTHORIZED_CLOSE_CODE = 4401
/**
 * The code this client closes a connection with when it gave it up as dead: a ping or a handshake went
 * unanswered (4000–4999 is the application's range).
 *
 * @example
 * if (status.lastClose?.code === DEAD_CONNECTION_CLOSE_CODE) console.info('the connection went silent')
 */
export const DEAD_CONNECTION_CLOSE_CODE = 4000

/**
 * App-level liveness of a {@link ReconnectingSocket}: a frame sent every `intervalMs` while open and, once the
 * server has answered one (`isAnswer`), a socket silent for `timeoutMs` after one is taken for dead.
 *
 * @example
 * const ping: SocketPing = { data: '{"type":"ping"}', isAnswer: (data) => String(data).includes('"pong"') }
 */
export interface SocketPing {
  /** The frame to send. */
  data: string
  /** Whether a received frame answers a ping. */
  isAnswer(data: unknown): boolean
  /** Between two pings while open; 0 sends none. Default 30 000. */
  intervalMs?: number
  /** How long to wait for any frame after a ping. Default 10 000. */
  timeoutMs?: number
}

/**
 * Options of {@link ReconnectingSocket}. Every duration is in milliseconds.
 *
 * @example
 * const options: ReconnectingSocketOptions = { url: 'wss://example.com/live', backoff: { baseMs: 500 } }
 */
export interface ReconnectingSocketOptions {
  /** The WebSocket URL without the token; a relative or `http(s)` URL is resolved against the page. */
  url: string
  /**
   * The access token, added as `?token=` and read again before every attempt. When this option is given and the
   * token is `null`, the socket does not connect and goes `unauthorized`. Leave it out for a URL that needs none.
   */
  token?: TokenSource
  /** The WebSocket class; default the global one, looked up when connecting (none exists during SSR). */
  WebSocket?: WebSocketConstructorLike
  /** Subprotocols, passed to the WebSocket constructor as its second argument. */
  protocols?: string | string[]
  /** Reconnect delays; default 1 s base, 30 s cap, full jitter. */
  backoff?: Partial<BackoffOptions>
  /** How long a connection must stay open before the retry count starts over. Default 60 000. */
  stableAfterMs?: number
  /** How long an attempt may stay unanswered before it is given up. Default 20 000. */
  connectTimeoutMs?: number
  /** Pings while open; none by default. */
  ping?: SocketPing
  /** The random source of the jitter, in [0, 1). Default `Math.random`. */
  random?: () => number
  /** The wall clock, epoch ms. Default `Date.now`. */
  now?: () => number
}

/**
 * How a connection ended.
 *
 * @example
 * if (status.lastClose?.code === 1008) console.warn('rate limited')
 */
export interface CloseInfo {
  code: number
  reason: string
}

/**
 * Everything observable about a {@link ReconnectingSocket} at one moment; a new frozen object on every change.
 *
 * @example
 * const { state, nextRetryAt } = socket.getStatus()
 */
export interface ReconnectingSocketStatus {
  readonly state: ConnectionState
  /** Retries made since the last connection that stayed open long enough (`stableAfterMs`). */
  readonly attempt: number
  /** When the next attempt starts (epoch ms, local clock), while one is waiting; else `null`. */
  readonly nextRetryAt: number | null
  /** The last close, by the server or by a dead connection; `null` after `connect()`. */
  readonly lastClose: CloseInfo | null
}

/**
 * What a {@link ReconnectingSocket} tells its subscribers.
 *
 * - `status`: something in its status changed.
 * - `frame`: a frame as received.
 * - `ping`: a ping went out (when, by the socket's clock), for a protocol that measures round trips.
 * - `unauthorized`: the server refused the token (close 4401) or there was none. The socket will not retry.
 * - `error`: the socket cannot work here at all (no WebSocket class, a URL that is not one).
 *
 * @example
 * socket.subscribe((event) => event.type === 'frame' && console.log(event.data))
 */
export type ReconnectingSocketEvent =
  | { type: 'status'; status: ReconnectingSocketStatus; previous: ReconnectingSocketStatus }
  | { type: 'frame'; data: unknown }
  | { type: 'ping'; sentAt: number }
  | { type: 'unauthorized'; code: number; reason: string }
  | { type: 'error'; reason: string }

type Timer = ReturnType<typeof setTimeout>

const INITIAL: ReconnectingSocketStatus = Object.freeze({ state: ConnectionState.Idle, attempt: 0, nextRetryAt: null, lastClose: null })

const field = <T>(event: unknown, key: string, guard: (value: unknown) => value is T): T | undefined => {
  const value = typeof event === 'object' && event !== null ? (event as Record<string, unknown>)[key] : undefined
  return guard(value) ? value : undefined
}
const isNumber = (value: unknown): value is number => typeof value === 'number'
const isString = (value: unknown): value is string => typeof value === 'string'
const isAnything = (_value: unknown): _value is unknown => true

// Resolves on the socket's `close` event, or at once for a socket that is closed already (some fakes close
// synchronously without an event).
function closeEvent(ws: WebSocketLike): Promise<void> {
  if (ws.readyState === WS_CLOSED) return Promise.resolve()
  return new Promise((resolve) => {
    ws.addEventListener('close', () => resolve())
    queueMicrotask(() => ws.readyState === WS_CLOSED && resolve())
  })
}

function closeQuietly(ws: WebSocketLike | null, code: number, reason: string) {
  try {
    ws?.close(code, reason)
  } catch {
    // Closing a socket that never opened may throw in some implementations; it is gone either way.
  }
}

/**
 * A WebSocket that stays connected, speaking no protocol of its own: connects with `?token=`, reconnects with
 * exponential backoff and full jitter, never after a 4401, gives up an attempt left unanswered, and optionally
 * pings and takes a socket that stays silent after a ping for dead. Frames are handed over as received. The
 * presence protocol (`PresenceSocket`) and the generic `useWebSocket` hook both run on it. Timers are the global
 * ones, looked up at each use, so fake timers drive them.
 *
 * @example
 * const socket = new ReconnectingSocket({ url: 'wss://example.com/live', token: () => auth.access })
 * socket.subscribe((event) => event.type === 'frame' && console.log(event.data))
 * socket.connect()
 * socket.send('{"type":"hello"}')
 * // later
 * socket.close()
 */
export class ReconnectingSocket {
  readonly #options: ReconnectingSocketOptions
  readonly #backoff: BackoffOptions
  readonly #listeners = new Listeners<ReconnectingSocketEvent>()
  #status: ReconnectingSocketStatus = INITIAL
  #ws: WebSocketLike | null = null
  // Identifies the current attempt: an async token or an event from a socket of an older run is ignored.
  #run = 0
  #retryTimer: Timer | undefined
  #stableTimer: Timer | undefined
  #pingTimer: ReturnType<typeof setInterval> | undefined
  // Armed while waiting for the handshake, or for an answer to a ping.
  #livenessTimer: Timer | undefined
  #answersPings = false

  constructor(options: ReconnectingSocketOptions) {
    this.#options = options
    this.#backoff = { ...BACKOFF, ...options.backoff }
  }

  /** The current status; the same object until something changes. */
  getStatus = (): ReconnectingSocketStatus => this.#status

  /** Listens to the socket's events; returns the function that stops listening. */
  subscribe = (listener: (event: ReconnectingSocketEvent) => void): (() => void) => this.#listeners.add(listener)

  /** The connection state. */
  get state(): ConnectionState {
    return this.#status.state
  }

  /**
   * Starts connecting, unless already connecting, open or waiting to reconnect. After `close()` or an
   * `unauthorized` it starts over with a fresh retry count (and reads the token again).
   */
  connect(): void {
    const { state } = this.#status
    if (state === 'connecting' || state === 'open' || state === 'reconnecting') return
    const run = this.#run
    this.#update({ attempt: 0, lastClose: null })
    // A listener may have called close() or connect() from inside that update.
    if (run === this.#run) this.#attempt(ConnectionState.Connecting)
  }

  /**
   * Retries at once instead of waiting for the backoff; while open it pings instead (when it pings at all), so a
   * connection that died while the laptop slept is noticed within the pong timeout.
   */
  retryNow(): void {
    if (this.#retryTimer !== undefined) {
      clearTimeout(this.#retryTimer)
      this.#retryTimer = undefined
      this.#attempt(ConnectionState.Reconnecting)
    } else if (this.#status.state === 'open') {
      this.#ping()
    }
  }

  /**
   * While open, pings at once (when it pings at all), so that a connection lost with the network is noticed within
   * the pong timeout; otherwise does nothing (no retry while the network is gone: `retryNow` is for its return).
   */
  checkAlive(): void {
    if (this.#status.state === 'open') this.#ping()
  }

  /** Sends a text frame as it is, if the socket is open; returns whether it was sent. Nothing is queued. */
  send(text: string): boolean {
    const ws = this.#ws
    if (!ws || this.#status.state !== 'open' || ws.readyState !== WS_OPEN) return false
    try {
      ws.send(text)
      return true
    } catch {
      return false
    }
  }

  /**
   * Closes the socket for good (until `connect()`): no retry, no ping, no timer left behind. Resolves once the
   * connection has really closed (its `close` event), at once if there was none; never rejects.
   */
  close(code = 1000, reason = 'closed by the client'): Promise<void> {
    this.#run++
    this.#stopTimers()
    const ws = this.#ws
    this.#ws = null
    const closed = ws ? closeEvent(ws) : Promise.resolve()
    closeQuietly(ws, code, reason)
    this.#update({ state: ConnectionState.Closed, nextRetryAt: null, attempt: 0 })
    return closed
  }

  #attempt(state: 'connecting' | 'reconnecting'): void {
    const run = ++this.#run
    this.#update({ state, nextRetryAt: null })
    if (run !== this.#run) return
    let token: string | null | Promise<string | null>
    try {
      token = this.#options.token === undefined ? null : readToken(this.#options.token)
    } catch {
      return this.#lost(run, { code: 0, reason: 'the token source failed' })
    }
    if (token instanceof Promise) {
      token.then(
        (value) => this.#open(run, value),
        () => this.#lost(run, { code: 0, reason: 'the token source failed' }),
      )
    } else {
      this.#open(run, token)
    }
  }

  #open(run: number, token: string | null): void {
    if (run !== this.#run) return
    if (this.#options.token !== undefined && token === null) {
      return this.#unauthorized({ code: UNAUTHORIZED_CLOSE_CODE, reason: 'no token' })
    }
    const Socket = this.#options.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructorLike }).WebSocket
    if (typeof Socket !== 'function') return this.#fail('no WebSocket implementation in this environment')
    let url: URL
    try {
      const page = (globalThis as { location?: { href?: string } }).location?.href
      url = new URL(this.#options.url, page)
      url.protocol = url.protocol.replace(/^http/, 'ws')
      if (url.protocol !== 'ws:' && url.protocol !== 'wss:') throw new TypeError(url.protocol)
    } catch {
      return this.#fail(`not a WebSocket URL: ${this.#options.url}`)
    }
    if (token !== null) url.searchParams.set('token', token)

    let ws: WebSocketLike
    try {
      ws = this.#options.protocols === undefined ? new Socket(url.href) : new Socket(url.href, this.#options.protocols)
    } catch {
      return this.#lost(run, { code: 0, reason: 'the WebSocket could not be created' })
    }
    this.#ws = ws
    this.#arm(this.#options.connectTimeoutMs ?? SOCKET.connectTimeoutMs, 'no answer to the handshake')
    ws.addEventListener('open', () => this.#ws === ws && this.#opened())
    ws.addEventListener('message', (event) => this.#ws === ws && this.#received(field(event, 'data', isAnything)))
    ws.addEventListener('close', (event) => {
      if (this.#ws !== ws) return
      this.#closed({ code: field(event, 'code', isNumber) ?? 1006, reason: field(event, 'reason', isString) ?? '' })
    })
    // Every error is followed by a close event, which does the work; the listener keeps Node's `ws` from
    // treating the error as unhandled.
    ws.addEventListener('error', () => {})
  }

  #opened(): void {
    this.#disarm()
    const run = this.#run
    this.#update({ state: ConnectionState.Open, nextRetryAt: null })
    if (run !== this.#run) return
    this.#stableTimer = setTimeout(() => {
      this.#stableTimer = undefined
      this.#update({ attempt: 0 })
    }, this.#options.stableAfterMs ?? SOCKET.stableAfterMs)
    const every = this.#options.ping ? (this.#options.ping.intervalMs ?? SOCKET.pingIntervalMs) : 0
    if (every > 0) {
      this.#pingTimer = setInterval(() => this.#ping(), every)
      // One ping at once, so that a protocol measuring the round trip knows it within one of connecting.
      this.#ping()
    }
  }

  #received(data: unknown): void {
    // Any frame proves the connection alive, whether or not it is the answer to a ping.
    this.#disarm()
    if (this.#options.ping?.isAnswer(data)) this.#answersPings = true
    this.#listeners.emit({ type: 'frame', data })
  }

  #ping(): void {
    const ping = this.#options.ping
    if (!ping || this.#status.state !== 'open' || this.#livenessTimer !== undefined) return
    const sentAt = this.#now()
    if (!this.send(ping.data)) return
    this.#listeners.emit({ type: 'ping', sentAt })
    const timeout = ping.timeoutMs ?? SOCKET.pongTimeoutMs
    // Enforced once this backend has answered a ping: one that ignores pings would otherwise be reconnected
    // every interval.
    if (this.#answersPings && this.#status.state === 'open') this.#arm(timeout, `no answer to a ping within ${timeout} ms`)
  }

  #closed(info: CloseInfo): void {
    this.#ws = null
    if (info.code === UNAUTHORIZED_CLOSE_CODE) return this.#unauthorized(info)
    this.#retryLater(info)
  }

  #lost(run: number, info: CloseInfo): void {
    if (run !== this.#run) return
    const ws = this.#ws
    this.#ws = null
    closeQuietly(ws, DEAD_CONNECTION_CLOSE_CODE, info.reason)
    this.#retryLater(info)
  }

  #retryLater(info: CloseInfo): void {
    this.#stopTimers()
    const { attempt } = this.#status
    const delay = fullJitterDelay(attempt, this.#backoff, this.#options.random)
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined
      this.#attempt(ConnectionState.Reconnecting)
    }, delay)
    this.#update({ state: ConnectionState.Reconnecting, attempt: attempt + 1, nextRetryAt: this.#now() + delay, lastClose: info })
  }

  #unauthorized(info: CloseInfo): void {
    this.#stopTimers()
    this.#ws = null
    this.#update({ state: ConnectionState.Unauthorized, nextRetryAt: null, attempt: 0, lastClose: info })
    this.#listeners.emit({ type: 'unauthorized', code: info.code, reason: info.reason })
  }

  #fail(reason: string): void {
    this.#stopTimers()
    this.#ws = null
    this.#update({ state: ConnectionState.Closed, nextRetryAt: null, lastClose: { code: 0, reason } })
    this.#listeners.emit({ type: 'error', reason })
  }

  // The liveness timer: when it fires, the current socket is given up and a retry scheduled.
  #arm(ms: number, reason: string): void {
    this.#disarm()
    const run = this.#run
    this.#livenessTimer = setTimeout(() => {
      this.#livenessTimer = undefined
      this.#lost(run, { code: DEAD_CONNECTION_CLOSE_CODE, reason })
    }, ms)
  }

  #disarm(): void {
    if (this.#livenessTimer === undefined) return
    clearTimeout(this.#livenessTimer)
    this.#livenessTimer = undefined
  }

  #stopTimers(): void {
    this.#disarm()
    clearTimeout(this.#retryTimer)
    clearTimeout(this.#stableTimer)
    clearInterval(this.#pingTimer)
    this.#retryTimer = this.#stableTimer = this.#pingTimer = undefined
  }

  #now(): number {
    return (this.#options.now ?? Date.now)()
  }

  #update(patch: Partial<ReconnectingSocketStatus>): void {
    const previous = this.#status
    const next = { ...previous, ...patch }
    const keys = Object.keys(next) as Array<keyof ReconnectingSocketStatus>
    if (keys.every((key) => Object.is(next[key], previous[key]))) return
    this.#status = Object.freeze(next)
    this.#listeners.emit({ type: 'status', status: this.#status, previous })
  }
}
