// The kinds of runtime state the store holds. Defined here, below the runtime, so that the store can hold them; the
// runtime re-exports them where they have always been public.

/**
 * How presence reaches this tab: the WebSocket, the polling fallback, or nothing (stopped, connecting for the
 * first time, or refused).
 *
 * @example
 * if (transport === Transport.Polling) showBanner('Live updates are delayed')
 */
export const Transport = {
  Socket: 'socket',
  Polling: 'polling',
  None: 'none',
} as const

/**
 * One of the {@link Transport} values.
 *
 * @example
 * const label: Record<Transport, string> = { socket: 'live', polling: 'every 10 s', none: 'offline' }
 */
export type Transport = (typeof Transport)[keyof typeof Transport]

/**
 * Where a runtime is in its life.
 *
 * - `stopped`: no token; nothing runs and the store is empty.
 * - `running`: a token was given; the socket (or polling) and the heartbeat run.
 * - `offline`: `markOffline()` was called: this tab's socket is closed and nothing announces the user, until
 *   `start()` is called again.
 *
 * @example
 * if (runtime.store.getState().lifecycle === RuntimeLifecycle.Running) render()
 */
export const RuntimeLifecycle = {
  Stopped: 'stopped',
  Running: 'running',
  Offline: 'offline',
} as const

/**
 * One of the {@link RuntimeLifecycle} values.
 *
 * @example
 * const running = (lifecycle: RuntimeLifecycle) => lifecycle === 'running'
 */
export type RuntimeLifecycle = (typeof RuntimeLifecycle)[keyof typeof RuntimeLifecycle]

/**
 * What a heartbeat is doing.
 *
 * - `idle`: not started, or waiting while another tab (or another caller in this tab) beats.
 * - `beating`: this tab sends the heartbeats, and the last one went through.
 * - `paused`: the page is hidden; a heartbeat-and-polling backend (`/api/chat/heartbeat/`) pauses it then.
 * - `stopped`: the backend has no heartbeat endpoint (a 404, kept as `error`: `isMissingEndpoint(error)`): stopped for good.
 * - `error`: the last beat failed: a 401 (reported, no more beats until restarted with a new token) or a
 *   network error / 5xx (retried with backoff).
 *
 * @example
 * if (status.state === HeartbeatState.Error) showWarning()
 */
export const HeartbeatState = {
  Idle: 'idle',
  Beating: 'beating',
  Paused: 'paused',
  Stopped: 'stopped',
  Error: 'error',
} as const

/**
 * One of the {@link HeartbeatState} values.
 *
 * @example
 * const label: Record<HeartbeatState, string> = { idle: '', beating: '♥', paused: '…', stopped: '', error: '!' }
 */
export type HeartbeatState = (typeof HeartbeatState)[keyof typeof HeartbeatState]

/**
 * Everything observable about a heartbeat; a new frozen object on every change, the same one otherwise.
 *
 * @example
 * const { lastBeatAt, isLeader } = manager.getStatus()
 */
export interface HeartbeatStatus {
  readonly state: HeartbeatState
  /** The last beat of this user from this browser: sent by this tab, or heard from another tab (epoch ms). */
  readonly lastBeatAt: number | null
  /** Whether this tab is the one sending the heartbeats. */
  readonly isLeader: boolean
  /** The last failure; `null` after a success. */
  readonly error: unknown
}

/**
 * A heartbeat that has not started.
 *
 * @example
 * store.setState({ heartbeat: IDLE_HEARTBEAT })
 */
export const IDLE_HEARTBEAT: HeartbeatStatus = Object.freeze({ state: HeartbeatState.Idle, lastBeatAt: null, isLeader: false, error: null })
