'use client'
import { useCallback, useMemo } from 'react'
import { useStore } from 'zustand'
import type { ConnectionState } from '../client'
import { usePresenceContext } from '../provider/PresenceContext'
import type { Transport } from '../runtime'
import { selectTransport } from '../store'

/**
 * How the provider is connected, as {@link useConnectionState} returns it.
 *
 * @example
 * const { state, transport }: ConnectionInfo = useConnectionState()
 */
export interface ConnectionInfo {
  /** The WebSocket's state (`idle` when there is no socket at all). */
  state: ConnectionState
  /** How presence arrives now: `socket`, `polling` (the fallback), or `none`. */
  transport: Transport
  /** When the socket's next attempt starts (epoch ms), while one is waiting. */
  nextRetryAt: number | null
  /** Whether the backend has a presence socket at all; without one, polling is how presence always arrives. */
  hasSocket: boolean
  /** How often the online list is polled while polling, in ms (the backend's `listIntervalMs`). */
  pollIntervalMs: number
  /**
   * Whether the last poll of the online list failed (offline, say; the store's `syncError`): polling goes on at
   * `pollIntervalMs`, but nothing is being refreshed until a poll succeeds.
   */
  pollFailing: boolean
  /** Retries the socket at once (and polls at once while polling). */
  retryNow(): void
}

/**
 * The provider's connection: the socket's state, whether presence arrives over the socket or by polling, and when
 * the next reconnect attempt is, for a "Reconnecting in 8 s — Retry now" banner.
 *
 * @example
 * function ConnectionBanner() {
 *   const { state, transport, nextRetryAt, retryNow } = useConnectionState()
 *   if (state === 'open') return null
 *   return (
 *     <p role="status">
 *       {transport === 'polling' ? 'Live updates paused; refreshing every 10 s.' : 'Reconnecting…'}
 *       {nextRetryAt && <button onClick={retryNow}>Retry now</button>}
 *     </p>
 *   )
 * }
 */
export function useConnectionState(): ConnectionInfo {
  const { runtime } = usePresenceContext('useConnectionState')
  const state = useStore(runtime.store, (s) => s.connection.state)
  const transport = useStore(runtime.store, selectTransport)
  const nextRetryAt = useStore(runtime.store, (s) => s.connection.nextRetryAt)
  const hasSocket = runtime.backend.endpoints.socket !== null
  const pollIntervalMs = runtime.backend.listIntervalMs
  const pollFailing = useStore(runtime.store, (s) => s.syncError !== null)
  const retryNow = useCallback(() => runtime.retryNow(), [runtime])
  return useMemo(
    () => ({ state, transport, nextRetryAt, hasSocket, pollIntervalMs, pollFailing, retryNow }),
    [state, transport, nextRetryAt, hasSocket, pollIntervalMs, pollFailing, retryNow],
  )
}
