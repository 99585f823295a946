/**
 * Where a {@link PresenceSocket} is in its life. A const object rather than a TypeScript `enum` so that plain
 * strings compare equal (`state === 'open'`) and the module stays erasable syntax.
 *
 * - `idle`: created, never connected.
 * - `connecting`: the first attempt after `connect()` is under way.
 * - `open`: the socket is open and (as far as the last ping tells) alive.
 * - `reconnecting`: the connection was lost; waiting for the next attempt, or making it.
 * - `closed`: `close()` was called, or no WebSocket exists in this environment. Nothing runs.
 * - `unauthorized`: the server closed with 4401 (or there was no token). No retry until `connect()` is called
 *   again, normally with a new token.
 *
 * @example
 * import { ConnectionState } from 'presence-kit'
 * if (socket.getStatus().state === ConnectionState.Unauthorized) refreshToken()
 */
export const ConnectionState = {
  Idle: 'idle',
  Connecting: 'connecting',
  Open: 'open',
  Reconnecting: 'reconnecting',
  Closed: 'closed',
  Unauthorized: 'unauthorized',
} as const

/**
 * One of the {@link ConnectionState} values.
 *
 * @example
 * const label = (state: ConnectionState) => (state === 'open' ? 'live' : 'offline')
 */
export type ConnectionState = (typeof ConnectionState)[keyof typeof ConnectionState]
