'use client'
import { useContext, useEffect, useEffectEvent, useMemo, useSyncExternalStore } from 'react'
import { PresenceContext } from '../provider/PresenceContext'
import { sharedHeartbeat, type HeartbeatState } from '../runtime'

/**
 * Options of {@link useHeartbeat}.
 *
 * @example
 * const options: HeartbeatOptions = { endpoint: '/api/chat/heartbeat/', intervalMs: 120_000 }
 */
export interface HeartbeatOptions {
  /**
   * Between two beats, without a provider. Default 120 000. Inside a provider it throws: the provider's
   * `heartbeatIntervalMs` sets it.
   */
  intervalMs?: number
  /**
   * `false`: only observe, send nothing (without a provider). Default `true`. Inside a provider `false` throws: the
   * provider runs the heartbeat while it has a token (give it `token={null}` to stop it).
   */
  enabled?: boolean
  /**
   * The heartbeat URL, without a provider (an app that posts to its own same-origin route, which authenticates by
   * cookie). Inside a provider it throws: the provider's heartbeat endpoint is used.
   */
  endpoint?: string
  /** Called when a beat is refused with a 401 (inside a provider: when the token is refused anywhere). */
  onAuthError?: () => void
}

/**
 * What {@link useHeartbeat} returns.
 *
 * @example
 * const { lastBeatAt, state, isLeader }: HeartbeatInfo = useHeartbeat()
 */
export interface HeartbeatInfo {
  /** The last beat of this user from this browser (this tab's or another's), epoch ms. */
  lastBeatAt: number | null
  state: HeartbeatState
  /** Whether this tab sends the heartbeats (one tab does, for all). */
  isLeader: boolean
}

/**
 * The heartbeat: one beat at once, then every 2 minutes; paused while the tab is hidden; on coming back, a beat
 * at once if the last is more than a minute old; a 404 stops it (`state` `stopped`, `error` the 404: `isMissingEndpoint(error)`), a 401 reports, other failures back off.
 * However many components call it and however many tabs are open, one heartbeat goes out (the Web Locks API elects
 * one visible tab; a BroadcastChannel shares the beats where locks are missing).
 *
 * Inside `<UserStatusProvider>` the provider already runs the heartbeat; this hook shows its state, and an option
 * that would set it up differently (`endpoint`, `intervalMs`, `enabled: false`) throws rather than being ignored.
 * Without a provider, give it an `endpoint` and it runs one heartbeat for all its callers.
 *
 * @example
 * // a dashboard layout, without a provider
 * function DashboardLayout({ children }: { children: React.ReactNode }) {
 *   useHeartbeat({ endpoint: '/api/chat/heartbeat/' })
 *   return <>{children}</>
 * }
 *
 * @example
 * // inside a provider: show it
 * function HeartbeatDot() {
 *   const { state, lastBeatAt } = useHeartbeat()
 *   return <span title={lastBeatAt ? new Date(lastBeatAt).toLocaleTimeString() : 'never'}>{state}</span>
 * }
 */
export function useHeartbeat(options: HeartbeatOptions = {}): HeartbeatInfo {
  const { intervalMs, enabled = true, endpoint } = options
  const context = useContext(PresenceContext)
  const runtime = context?.runtime ?? null
  if (runtime) {
    // The provider's heartbeat is the one: an option for another would silently not apply.
    const refused = endpoint !== undefined ? 'endpoint' : intervalMs !== undefined ? 'intervalMs' : enabled ? null : 'enabled: false'
    if (refused) throw new Error(`useHeartbeat: ${refused} applies only without a provider; set the provider's props instead`)
  }
  // Without a provider: the page's shared heartbeat for this endpoint (made here, started by the effect below).
  const shared = useMemo(
    () => (runtime || endpoint === undefined ? null : sharedHeartbeat(endpoint, { intervalMs })),
    [runtime, endpoint, intervalMs],
  )
  const reportAuthError = useEffectEvent(() => options.onAuthError?.())

  useEffect(() => {
    if (shared && enabled) return shared.manager.retain()
  }, [shared, enabled])

  useEffect(() => {
    if (runtime) return runtime.subscribe((event) => event.type === 'auth-error' && reportAuthError())
    if (shared) return shared.onAuthError(() => reportAuthError())
  }, [runtime, shared])

  const manager = runtime?.heartbeat ?? shared?.manager
  if (!manager) throw new Error('useHeartbeat must be used inside <UserStatusProvider> (or be given an endpoint)')
  const status = useSyncExternalStore(manager.subscribe, manager.getStatus, manager.getStatus)
  return useMemo(() => ({ lastBeatAt: status.lastBeatAt, state: status.state, isLeader: status.isLeader }), [status])
}
