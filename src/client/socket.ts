import { SOCKET } from '../defaults'
import type { BackoffOptions } from './backoff'
import { ClockOffsetEstimator } from './clock-offset'
import { ConnectionState } from './connection-state'
import { Listeners } from './listeners'
import { parseServerMessage, type ClientMessage, type ServerMessage } from './messages'
import { ReconnectingSocket, type ReconnectingSocketEvent, type ReconnectingSocketStatus } from './reconnecting-socket'
import type { TokenSource } from './token'
import type { WebSocketConstructorLike } from './websocket-like'

export { DEAD_CONNECTION_CLOSE_CODE, UNAUTHORIZED_CLOSE_CODE, type CloseInfo } from './reconnecting-socket'

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
   * once this backend has answered a ping with a pong: a backend that ignores pings would otherwise be
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
 * Everything observable about a {@link PresenceSocket} at one moment. A new frozen object on every change and the
 * same object otherwise, so it suits `useSyncExternalStore(socket.subscribe, socket.getStatus)`.
 *
 * @example
 * const { state, nextRetryAt } = socket.getStatus()
 * const seconds = nextRetryAt ? Math.ceil((nextRetryAt - Date.now()) / 1000) : null
 */
export interface SocketStatus extends ReconnectingSocketStatus {
  /** Server clock minus local clock, in ms, measured from `pong.ts`; `null` until measured. */
  readonly serverOffset: number | null
  /** The round trip of the ping that `serverOffset` comes from. */
  readonly roundTrip: number | null
}

/**
 * What a {@link PresenceSocket} tells its subscribers.
 *
 * - `status`: something in {@link SocketStatus} changed.
 * - `frame`: every frame as received, before it is read.
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

const INITIAL: SocketStatus = Object.freeze({
  state: ConnectionState.Idle,
  attempt: 0,
  nextRetryAt: null,
  serverOffset: null,
  roundTrip: null,
  lastClose: null,
})

const PING = JSON.stringify({ type: 'ping' } satisfies ClientMessage)

/**
 * The presence protocol of the contract (§4) on a {@link ReconnectingSocket}, without React: every frame read into
 * a typed message, `{"type":"ping"}` every 30 s (a socket silent after one is taken for dead), and the server clock
 * measured from the pongs. Connecting, the token, backoff and liveness are the reconnecting socket's.
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
  readonly #socket: ReconnectingSocket
  readonly #listeners = new Listeners<PresenceSocketEvent>()
  readonly #clock = new ClockOffsetEstimator()
  #status: SocketStatus = INITIAL
  #measured: Pick<SocketStatus, 'serverOffset' | 'roundTrip'> = { serverOffset: null, roundTrip: null }
  // Offset samples need a pong paired with its ping: with more than one ping in flight the pairing is unknown.
  #pingSentAt: number | null = null
  #pingsInFlight = 0
  // The last frame read, so that the liveness check (is it a pong?) and the reading parse it once.
  #lastRead: { data: unknown; message: ServerMessage } | null = null
  readonly #now: () => number

  constructor(options: PresenceSocketOptions) {
    this.#now = options.now ?? Date.now
    const { pingIntervalMs, pongTimeoutMs, ...rest } = options
    this.#socket = new ReconnectingSocket({
      ...rest,
      ping: {
        data: PING,
        intervalMs: pingIntervalMs ?? SOCKET.pingIntervalMs,
        timeoutMs: pongTimeoutMs,
        isAnswer: (data) => this.#read(data).type === 'pong',
      },
    })
    this.#socket.subscribe((event) => this.#relay(event))
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

  /**
   * Starts connecting, unless already connecting, open or waiting to reconnect (see `ReconnectingSocket.connect`).
   *
   * @example
   * socket.connect()
   */
  connect(): void {
    this.#socket.connect()
  }

  /**
   * Retries at once instead of waiting for the backoff; while open it pings instead, so a connection that died
   * while the laptop slept is noticed within the pong timeout. Does nothing while connecting, closed or
   * unauthorized.
   *
   * @example
   * document.addEventListener('visibilitychange', () => document.hidden || socket.retryNow())
   */
  retryNow(): void {
    this.#socket.retryNow()
  }

  /**
   * While open, pings at once, so that a connection lost with the network is noticed within the pong timeout;
   * does nothing otherwise (no reconnect attempt while the network is gone).
   *
   * @example
   * window.addEventListener('offline', () => socket.checkAlive())
   */
  checkAlive(): void {
    this.#socket.checkAlive()
  }

  /**
   * Sends a frame if the socket is open; returns whether it was sent. Nothing is queued while disconnected: on
   * reconnect the server sends a fresh snapshot, and a stale queued status could overwrite a newer one.
   *
   * @example
   * socket.send({ type: 'status', mode: 'away' })
   */
  send(message: ClientMessage): boolean {
    return this.#socket.send(JSON.stringify(message))
  }

  /**
   * Closes the socket for good (until `connect()`). The returned promise resolves once the connection has really
   * closed (the server has seen the close), at once if there was none; it never rejects. Logout waits for it, so
   * that mark-offline reaches the server after the socket's close, not before.
   *
   * @example
   * await Promise.race([socket.close(), new Promise((r) => setTimeout(r, 1_000))])
   */
  close(code = 1000, reason = 'closed by the client'): Promise<void> {
    return this.#socket.close(code, reason)
  }

  #relay(event: ReconnectingSocketEvent): void {
    switch (event.type) {
      case 'status':
        // Pings in flight belong to the connection that is gone.
        if (event.status.state !== 'open') {
          this.#pingSentAt = null
          this.#pingsInFlight = 0
        }
        return this.#update()
      case 'ping':
        this.#pingSentAt = event.sentAt
        this.#pingsInFlight++
        return
      case 'frame':
        return this.#received(event.data)
      case 'unauthorized':
      case 'error':
        return this.#listeners.emit(event)
      default:
        return event satisfies never
    }
  }

  #read(data: unknown): ServerMessage {
    let read = this.#lastRead
    if (read === null || read.data !== data) this.#lastRead = read = { data, message: parseServerMessage(data) }
    return read.message
  }

  #received(data: unknown): void {
    const message = this.#read(data)
    this.#lastRead = null
    const status = this.#socket.getStatus()
    const live = () => this.#socket.getStatus() === status && this.#socket.state === 'open'
    this.#listeners.emit({ type: 'frame', data })
    // A listener may have closed the socket.
    if (!live()) return
    switch (message.type) {
      case 'pong':
        this.#measure(message.ts)
        return this.#listeners.emit({ type: 'message', message })
      case 'snapshot':
        for (const reason of message.issues) {
          if (!live()) return
          this.#listeners.emit({ type: 'invalid', reason: `online_users: ${reason}`, data })
        }
        if (live()) this.#listeners.emit({ type: 'message', message })
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
    const sentAt = this.#pingsInFlight === 1 ? this.#pingSentAt : null
    this.#pingsInFlight = Math.max(0, this.#pingsInFlight - 1)
    if (this.#pingsInFlight === 0) this.#pingSentAt = null
    if (sentAt === null || serverTime === null) return
    const changed = this.#clock.add({ sentAt, receivedAt: this.#now(), serverTime })
    if (changed) {
      this.#measured = { serverOffset: this.#clock.offset, roundTrip: this.#clock.roundTrip }
      this.#update()
    }
  }

  #update(): void {
    const previous = this.#status
    const next: SocketStatus = { ...this.#socket.getStatus(), ...this.#measured }
    const keys = Object.keys(next) as Array<keyof SocketStatus>
    if (keys.every((key) => Object.is(next[key], previous[key]))) return
    this.#status = Object.freeze(next)
    this.#listeners.emit({ type: 'status', status: this.#status, previous })
  }
}
