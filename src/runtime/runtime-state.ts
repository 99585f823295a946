import { createStore, type StoreApi } from 'zustand/vanilla'
import type { PresenceMode } from '../client'
import { HeartbeatState, type HeartbeatStatus } from './heartbeat-manager'

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
 * if (runtime.state.getState().lifecycle === RuntimeLifecycle.Running) render()
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
 * What a runtime knows beyond the presence records: how they arrive, the heartbeat, the caller's mode.
 *
 * @example
 * const { transport, heartbeat } = runtime.state.getState()
 */
export interface RuntimeState {
  lifecycle: RuntimeLifecycle
  /** Counts the tokens this runtime has run with; part of the query keys, so a new user gets fresh queries. */
  session: number
  transport: Transport
  /** When the socket's next attempt starts (epoch ms), while one is waiting. */
  nextRetryAt: number | null
  /** The caller's mode, once known (from `/api/users/me/`, a status change, or the caller's own status). */
  mode: PresenceMode | null
  heartbeat: HeartbeatStatus
  /** The first auth error of this session (a REST 401 or a 4401 close); `null` until then. */
  authError: unknown
  /** The last failed poll of the online users; `null` after a good one. */
  syncError: unknown
  /**
   * The token source the last `stop()` was for (`null`, or a function that gave no token); `undefined` before any
   * stop. Lets a render tell "this token was found to be none" from "this token has not been started yet".
   */
  stoppedFor: unknown
}

/**
 * A zustand vanilla store of {@link RuntimeState}.
 *
 * @example
 * runtime.state.subscribe((state) => console.log(state.transport))
 */
export type RuntimeStateStore = StoreApi<RuntimeState>

/**
 * The state of a runtime that is not running.
 *
 * @example
 * state.setState(stoppedState(session))
 */
export const stoppedState = (session: number, stoppedFor: unknown = undefined): Omit<RuntimeState, 'heartbeat'> => ({
  lifecycle: RuntimeLifecycle.Stopped,
  session,
  transport: Transport.None,
  nextRetryAt: null,
  mode: null,
  authError: null,
  syncError: null,
  stoppedFor,
})

/**
 * Creates the store of a runtime's {@link RuntimeState}.
 *
 * @example
 * const state = createRuntimeState()
 */
export function createRuntimeState(): RuntimeStateStore {
  return createStore<RuntimeState>()(() => ({
    ...stoppedState(0),
    heartbeat: { state: HeartbeatState.Idle, lastBeatAt: null, isLeader: false, error: null },
  }))
}
