/**
 * The part of a WebSocket that {@link PresenceSocket} uses. The browser's `WebSocket`, the `ws` package's and
 * MSW's interceptor all fit; so does a small fake in tests. Listeners are declared as a method so that the
 * browser's typed event listeners are accepted without casts.
 *
 * @example
 * class FakeWebSocket extends EventTarget implements WebSocketLike {
 *   readyState = 0
 *   constructor(readonly url: string) { super() }
 *   send(_data: string) {}
 *   close() {}
 * }
 */
export interface WebSocketLike {
  /** 0 connecting, 1 open, 2 closing, 3 closed. */
  readonly readyState: number
  send(data: string): void
  close(code?: number, reason?: string): void
  addEventListener(type: 'open' | 'message' | 'close' | 'error', listener: (event: unknown) => void): void
}

/**
 * A WebSocket class: `new (url, protocols?) => socket`. A class taking only the URL fits too.
 *
 * @example
 * import WebSocket from 'ws'
 * new PresenceSocket({ url, WebSocket })
 */
export type WebSocketConstructorLike = new (url: string, protocols?: string | string[]) => WebSocketLike

/**
 * `WebSocket.OPEN`, without touching the global (absent during server-side rendering).
 *
 * @example
 * if (ws.readyState === WS_OPEN) ws.send(text)
 */
export const WS_OPEN = 1

/**
 * `WebSocket.CLOSED`, without touching the global.
 *
 * @example
 * if (ws.readyState === WS_CLOSED) forget(ws)
 */
export const WS_CLOSED = 3
