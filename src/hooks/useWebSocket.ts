'use client'
import { useCallback, useEffect, useEffectEvent, useMemo, useState, useSyncExternalStore } from 'react'
import {
  ConnectionState,
  Listeners,
  onWake,
  ReconnectingSocket,
  type CloseInfo,
  type ReconnectingSocketStatus,
  type WebSocketConstructorLike,
} from '../client'
import { BACKOFF, SOCKET } from '../defaults'

/**
 * Options of {@link useWebSocket}. The callbacks need not be memoised.
 *
 * @example
 * const options: UseWebSocketOptions = { onMessage: (data) => console.log(data), ping: { intervalMs: 15_000 } }
 */
export interface UseWebSocketOptions {
  /** Subprotocols for the WebSocket constructor. */
  protocols?: string | string[]
  /** Every frame but the answers to the hook's own pings: parsed when it is JSON, else the raw data. */
  onMessage?(data: unknown): void
  onOpen?(): void
  /** The connection closed or failed (not when the component unmounts). */
  onClose?(event: CloseInfo): void
  /** The server closed with 4401: no reconnect until the URL (e.g. its token) changes. */
  onUnauthorized?(event: CloseInfo): void
  /**
   * App-level liveness: sends `{"type":"ping"}` every `intervalMs` while open, and once the server has answered a
   * ping, takes a socket silent for `timeoutMs` after one for dead and reconnects. `false`: no pings.
   */
  ping?: { intervalMs?: number; timeoutMs?: number } | false
  /** Full-jitter exponential backoff: `baseMs` 1 000, `capMs` 30 000, reset after `stableAfterMs` 60 000 open. */
  backoff?: { baseMs?: number; capMs?: number; stableAfterMs?: number }
  /** `false` closes the socket (and opens none). Default `true`. */
  enabled?: boolean
  /** The WebSocket class. Default the global one. Keep it stable: a new one reconnects. */
  WebSocket?: WebSocketConstructorLike
  /** The jitter's random source, in [0, 1) (tests). Keep it stable: a new one reconnects. */
  random?: () => number
}

/**
 * What {@link useWebSocket} returns.
 *
 * @example
 * const { state, send }: UseWebSocketResult = useWebSocket(url)
 */
export interface UseWebSocketResult {
  /**
   * The socket's {@link ConnectionState}, the same type as the provider's; never `idle` (the hook's socket is
   * connecting from the moment it exists).
   */
  state: ConnectionState
  /** Sends a string as it is, or an object as JSON, if open; returns whether it was sent (nothing is queued). */
  send(data: string | object): boolean
  /** When the next reconnect attempt starts (epoch ms), while one is waiting. */
  nextRetryAt: number | null
  /** Reconnects at once instead of waiting (or, while open, probes the connection with a ping). */
  retryNow(): void
  /** The last frame, as `onMessage` got it; `undefined` before the first. */
  lastMessage: unknown
}

interface Snapshot {
  readonly status: ReconnectingSocketStatus | null
  readonly lastMessage: unknown
}

const DETACHED: Snapshot = Object.freeze({ status: null, lastMessage: undefined })

// The socket of one hook instance, as an external store. It holds no socket until the effect attaches one, so that
// nothing is opened during render.
class SocketHandle {
  readonly #listeners = new Listeners<void>()
  #snapshot: Snapshot = DETACHED
  #socket: ReconnectingSocket | null = null

  subscribe = (listener: () => void) => this.#listeners.add(listener)
  getSnapshot = () => this.#snapshot

  set(patch: Partial<Snapshot>): void {
    this.#snapshot = Object.freeze({ ...this.#snapshot, ...patch })
    this.#listeners.emit()
  }

  get socket(): ReconnectingSocket | null {
    return this.#socket
  }

  attach(socket: ReconnectingSocket): void {
    this.#socket = socket
    this.set({ status: socket.getStatus(), lastMessage: undefined })
  }

  detach(): void {
    this.#socket = null
    this.set(DETACHED)
  }
}

// Created and about to connect on the next microtask: to the hook's user that is already connecting.
const toState = (state: ConnectionState): ConnectionState => (state === ConnectionState.Idle ? ConnectionState.Connecting : state)

function readFrame(data: unknown): unknown {
  if (typeof data !== 'string') return data
  try {
    return JSON.parse(data) as unknown
  } catch {
    return data
  }
}

const PING = JSON.stringify({ type: 'ping' })

const isPong = (message: unknown) =>
  typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'pong'

/**
 * A WebSocket that stays up, for any JSON-over-WebSocket server; no provider needed. Reconnects with exponential
 * backoff and full jitter (1 s base, 30 s cap, reset after a minute open); retries at once when the browser comes
 * back online or the tab becomes visible; never reconnects after close code 4401 (reports it instead); pings at the
 * application level so that a dead connection is noticed; never reconnects after unmount. Exactly one socket under
 * React StrictMode: the socket is made by the effect and opened on the next microtask, so the double effect's first
 * run is undone before it opens anything. `url: null` (or `enabled: false`) keeps it closed.
 *
 * @example
 * function Ticker({ token }: { token: string | null }) {
 *   const [price, setPrice] = useState<number | null>(null)
 *   const { state, send, nextRetryAt, retryNow } = useWebSocket(token ? `wss://api.example.com/ws/?token=${token}` : null, {
 *     onMessage: (data) => setPrice((data as { price: number }).price),
 *     onUnauthorized: () => refreshToken(),
 *   })
 *   return (
 *     <div>
 *       {state === 'open' ? price : <button onClick={retryNow}>Reconnect{nextRetryAt ? ' now' : ''}</button>}
 *       <button onClick={() => send({ type: 'subscribe', symbol: 'ACME' })}>Subscribe</button>
 *     </div>
 *   )
 * }
 */
export function useWebSocket(url: string | null, options: UseWebSocketOptions = {}): UseWebSocketResult {
  const { enabled = true, WebSocket, random } = options
  const [handle] = useState(() => new SocketHandle())
  const snapshot = useSyncExternalStore(handle.subscribe, handle.getSnapshot, handle.getSnapshot)
  const active = enabled && url !== null

  // Option objects are often written inline: compare them by value.
  const protocolsKey = JSON.stringify(options.protocols ?? null)
  const pingKey = JSON.stringify(options.ping ?? {})
  const backoffKey = JSON.stringify(options.backoff ?? {})

  const onMessage = useEffectEvent((data: unknown) => options.onMessage?.(data))
  const onOpen = useEffectEvent(() => options.onOpen?.())
  const onClose = useEffectEvent((event: CloseInfo) => options.onClose?.(event))
  const onUnauthorized = useEffectEvent((event: CloseInfo) => options.onUnauthorized?.(event))

  useEffect(() => {
    if (!active) return
    const protocols = JSON.parse(protocolsKey) as string | string[] | null
    const ping = JSON.parse(pingKey) as { intervalMs?: number; timeoutMs?: number } | false
    const backoff = JSON.parse(backoffKey) as { baseMs?: number; capMs?: number; stableAfterMs?: number }
    const socket = new ReconnectingSocket({
      url,
      WebSocket,
      random,
      protocols: protocols ?? undefined,
      backoff: { baseMs: backoff.baseMs ?? BACKOFF.baseMs, capMs: backoff.capMs ?? BACKOFF.capMs },
      stableAfterMs: backoff.stableAfterMs,
      ping:
        ping === false
          ? undefined
          : { data: PING, intervalMs: ping.intervalMs ?? SOCKET.pingIntervalMs, timeoutMs: ping.timeoutMs, isAnswer: (data) => isPong(readFrame(data)) },
    })
    handle.attach(socket)
    const off = socket.subscribe((event) => {
      switch (event.type) {
        case 'status': {
          handle.set({ status: event.status })
          const { state, lastClose } = event.status
          if (state === 'open' && event.previous.state !== 'open') onOpen()
          if (lastClose && lastClose !== event.previous.lastClose && state !== 'unauthorized') onClose(lastClose)
          return
        }
        case 'frame': {
          const message = readFrame(event.data)
          if (ping !== false && isPong(message)) return
          handle.set({ lastMessage: message })
          return onMessage(message)
        }
        case 'unauthorized':
          return onUnauthorized({ code: event.code, reason: event.reason })
        case 'ping':
        case 'error':
          return
        default:
          return event satisfies never
      }
    })
    const offWake = onWake(() => socket.retryNow())
    let cancelled = false
    // StrictMode runs this effect, its cleanup and the effect again before any microtask: only the last connects.
    queueMicrotask(() => {
      if (!cancelled) socket.connect()
    })
    return () => {
      cancelled = true
      offWake()
      off()
      socket.close()
      handle.detach()
    }
  }, [active, url, WebSocket, random, protocolsKey, pingKey, backoffKey, handle])

  const send = useCallback((data: string | object) => {
    const socket = handle.socket
    if (!socket) return false
    return socket.send(typeof data === 'string' ? data : JSON.stringify(data))
  }, [handle])
  const retryNow = useCallback(() => handle.socket?.retryNow(), [handle])

  const { status, lastMessage } = snapshot
  const state = !active ? ConnectionState.Closed : status ? toState(status.state) : ConnectionState.Connecting
  const nextRetryAt = active ? (status?.nextRetryAt ?? null) : null
  return useMemo(() => ({ state, send, nextRetryAt, retryNow, lastMessage }), [state, send, nextRetryAt, retryNow, lastMessage])
}
