import { DEFAULT_BACKOFF, fullJitterDelay, type BackoffOptions } from './backoff'
import { ClockOffsetEstimator } from './clock-offset'
import { ConnectionState } from './connection-state'
import { Listeners } from './listeners'
import { parseServerMessage, type ClientMessage, type ServerMessage } from './messages'
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
 * Options of {@link PresenceSocket}. Every duration is in milliseconds.
 *
 * @example
 * const options: PresenceSocketOptions = {
 *   url: 'ws://localhost:8000/ws/user-status/',
 *   token: () => auth.accessToken,
 * }
 */
export interface PresenceSocketOptions {
  /** The WebSocket URL without the token, e.g. `ws://localhost:8000/ws/user-status/` (see `socketUrl`). */
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
  /** How often to send `{"type":"ping"}` while open; 0 sends none. Default 30 000. */
  pingIntervalMs?: number
  /**
   * How long to wait for any frame after a ping before the socket is taken for dead. Default 10 000. Enforced
   * once this backend has answered a ping with a pong: a seed's backend that ignores pings would otherwise be
   * reconnected every 40 s.
   */
  pongTimeoutMs?: number
  /** How long an attempt may stay unanswered before it is given up. Default 20 000. */
  connectTimeoutMs?: number
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
 * Everything observable about a {@link PresenceSocket} at one moment. A new frozen object on every change and the
 * same object otherwise, so it suits `useSyncExternalStore(socket.subscribe, socket.getStatus)`.
 *
 * @example
 * const { state, nextRetryAt } = socket.getStatus()
 * const seconds = nextRetryAt ? Math.ceil((nextRetryAt - Date.now()) / 1000) : null
 */
export interface SocketStatus {
  readonly state: ConnectionState
  /** Retries made since the last connection that stayed open long enough (`stableAfterMs`). */
  readonly attempt: number
  /** When the next attempt starts (epoch ms, local clock), while one is waiting; else `null`. */
  readonly nextRetryAt: number | null
  /** Server clock minus local clock, in ms, measured from `pong.ts`; `null` until measured. */
  readonly serverOffset: number | null
  /** The round trip of the ping that `serverOffset` comes from. */
  readonly roundTrip: number | null
  /** The last close, by the server or by a dead connection; `null` after `connect()`. */
  readonly lastClose: CloseInfo | null
}

/**
 * What a {@link PresenceSocket} tells its subscribers.
 *
 * - `status`: something in {@link SocketStatus} changed.
 * - `frame`: every frame as received, before it is read (for a caller speaking its own protocol).
 * - `message`: a valid frame from the server (pongs included).
 * - `invalid`: a frame or a record in it that was dropped, and why. Nothing is thrown.
 * - `unauthorized`: the server refused the token (close 4401) or there was none. The socket will not retry.
 * - `error`: the socket cannot work here at all (no WebSocket class, a URL that is not one).
 *
 * @example
 * socket.subscribe((event) => {
 *   if (event.type === 'unauthorized') onAuthError()
 * })
 */
export type PresenceSocketEvent =
  | { type: 'status'; status: SocketStatus; previous: SocketStatus }
  | { type: 'frame'; data: unknown }
  | { type: 'message'; message: Exclude<ServerMessage, { type: 'invalid' }> }
  | { type: 'invalid'; reason: string; data: unknown }
  | { type: 'unauthorized'; code: number; reason: string }
  | { type: 'error'; reason: string }

type Timer = ReturnType<typeof setTimeout>

const INITIAL: SocketStatus = Object.freeze({
  state: ConnectionState.Idle,
  attempt: 0,
  nextRetryAt: null,
  serverOffset: null,
  roundTrip: null,
  lastClose: null,
})

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
 * The presence WebSocket of the contract (§4), without React: connects with `?token=`, reads every frame into a
 * typed message, reconnects with exponential backoff and full jitter, never after a 4401, pings every 30 s and
 * takes a socket that stays silent after a ping for dead, and measures the server clock from the pongs.
 * Timers are the global ones, looked up at each use, so fake timers drive them.
 *
 * @example
 * const socket = new PresenceSocket({ url: 'ws://localhost:8000/ws/user-status/', token: () => auth.access })
 * const off = socket.subscribe((event) => {
 *   if (event.type === 'message' && event.message.type === 'change') console.log(event.message.user)
 * })
 * socket.connect()
 * window.addEventListener('online', () => socket.retryNow())
 * // later
 * off()
 * socket.close()
 */
export class PresenceSocket {
  readonly #options: PresenceSocketOptions
  readonly #backoff: BackoffOptions
  readonly #listeners = new Listeners<PresenceSocketEvent>()
  readonly #clock = new ClockOffsetEstimator()
  #status: SocketStatus = INITIAL
  #ws: WebSocketLike | null = null
  // Identifies the current attempt: an async token or an event from a socket of an older run is ignored.
  #run = 0
  #retryTimer: Timer | undefined
  #stableTimer: Timer | undefined
  #pingTimer: ReturnType<typeof setInterval> | undefined
  // Armed while waiting for the handshake, or for an answer to a ping.
  #livenessTimer: Timer | undefined
  // Offset samples need a pong paired with its ping: with more than one ping in flight the pairing is unknown.
  #pingSentAt: number | null = null
  #pingsInFlight = 0
  #answersPings = false

  constructor(options: PresenceSocketOptions) {
    this.#options = options
    this.#backoff = { ...DEFAULT_BACKOFF, ...options.backoff }
  }

  /**
   * The current {@link SocketStatus}; the same object until something changes.
   *
   * @example
   * const status = useSyncExternalStore(socket.subscribe, socket.getStatus, socket.getStatus)
   */
  getStatus = (): SocketStatus => this.#status

  /**
   * Listens to the socket's events; returns the function that stops listening.
   *
   * @example
   * const off = socket.subscribe((event) => event.type === 'status' && render(event.status))
   */
  subscribe = (listener: (event: PresenceSocketEvent) => void): (() => void) => this.#listeners.add(listener)

  /** The connection state. */
  get state(): ConnectionState {
    return this.#status.state
  }

  /** When the next attempt starts (epoch ms), or `null`. */
  get nextRetryAt(): number | null {
    return this.#status.nextRetryAt
  }

  /** Server clock minus local clock, in ms, or `null` until measured. */
  get serverOffset(): number | null {
    return this.#status.serverOffset
  }

  /**
   * Starts connecting, unless already connecting, open or waiting to reconnect. After `close()` or an
   * `unauthorized` it starts over with a fresh retry count (and reads the token again).
   *
   * @example
   * socket.connect()
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
   * Retries at once instead of waiting for the backoff: for the browser's `online` event and for the tab becoming
   * visible. While open it sends a ping instead, so a connection that died while the laptop slept is noticed
   * within the pong timeout. Does nothing while connecting, closed or unauthorized.
   *
   * @example
   * document.addEventListener('visibilitychange', () => document.hidden || socket.retryNow())
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
   * Sends a frame if the socket is open; returns whether it was sent. Nothing is queued while disconnected: on
   * reconnect the server sends a fresh snapshot, and a stale queued status could overwrite a newer one.
   *
   * @example
   * socket.send({ type: 'status', mode: 'away' })
   */
  send(message: ClientMessage): boolean {
    return this.sendText(JSON.stringify(message))
  }

  /**
   * Sends a text frame as it is, if the socket is open; returns whether it was sent. For a caller speaking its own
   * protocol over this socket (the generic `useWebSocket` hook).
   *
   * @example
   * socket.sendText('{"type":"typing","room":7}')
   */
  sendText(text: string): boolean {
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
   * Closes the socket for good (until `connect()`): no retry, no ping, no timer left behind. The returned promise
   * resolves once the connection has really closed (its `close` event: the server has seen the close), at once if
   * there was none; it never rejects, and a caller that needs a bound adds its own timeout. Seed 002's logout waits
   * for it, so that mark-offline reaches the server after the socket's close, not before.
   *
   * @example
   * socket.close()
   * await Promise.race([socket.close(), new Promise((r) => setTimeout(r, 1_000))])
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
    this.#arm(this.#options.connectTimeoutMs ?? 20_000, 'no answer to the handshake')
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
    }, this.#options.stableAfterMs ?? 60_000)
    const every = this.#options.pingIntervalMs ?? 30_000
    if (every > 0) {
      this.#pingTimer = setInterval(() => this.#ping(), every)
      // One ping at once, so that the clock offset is known within a round trip of connecting.
      this.#ping()
    }
  }

  #received(data: unknown): void {
    // Any frame proves the connection alive, whether or not it is the pong.
    this.#disarm()
    const run = this.#run
    this.#listeners.emit({ type: 'frame', data })
    // A listener may have closed the socket.
    if (run !== this.#run) return
    const message = parseServerMessage(data)
    switch (message.type) {
      case 'pong':
        this.#measure(message.ts)
        return this.#listeners.emit({ type: 'message', message })
      case 'snapshot':
        for (const reason of message.issues) {
          if (run !== this.#run) return
          this.#listeners.emit({ type: 'invalid', reason: `online_users: ${reason}`, data })
        }
        if (run === this.#run) this.#listeners.emit({ type: 'message', message })
        return
      case 'change':
      case 'error':
        return this.#listeners.emit({ type: 'message', message })
      case 'invalid':
        return this.#listeners.emit({ type: 'invalid', reason: message.reason, data })
      default:
        return message satisfies never
    }
  }

  #measure(serverTime: number | null): void {
    this.#answersPings = true
    const sentAt = this.#pingsInFlight === 1 ? this.#pingSentAt : null
    this.#pingsInFlight = Math.max(0, this.#pingsInFlight - 1)
    if (this.#pingsInFlight === 0) this.#pingSentAt = null
    if (sentAt === null || serverTime === null) return
    const changed = this.#clock.add({ sentAt, receivedAt: this.#now(), serverTime })
    if (changed) this.#update({ serverOffset: this.#clock.offset, roundTrip: this.#clock.roundTrip })
  }

  #ping(): void {
    if (this.#status.state !== 'open' || this.#livenessTimer !== undefined) return
    const sentAt = this.#now()
    if (!this.send({ type: 'ping' })) return
    this.#pingSentAt = sentAt
    this.#pingsInFlight++
    const timeout = this.#options.pongTimeoutMs ?? 10_000
    if (this.#answersPings) this.#arm(timeout, `no answer to a ping within ${timeout} ms`)
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
    this.#update({
      state: ConnectionState.Reconnecting,
      attempt: attempt + 1,
      nextRetryAt: this.#now() + delay,
      lastClose: info,
    })
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
    this.#pingSentAt = null
    this.#pingsInFlight = 0
  }

  #now(): number {
    return (this.#options.now ?? Date.now)()
  }

  #update(patch: Partial<SocketStatus>): void {
    const previous = this.#status
    const next = { ...previous, ...patch }
    const keys = Object.keys(next) as Array<keyof SocketStatus>
    if (keys.every((key) => Object.is(next[key], previous[key]))) return
    this.#status = Object.freeze(next)
    this.#listeners.emit({ type: 'status', status: this.#status, previous })
  }
}
