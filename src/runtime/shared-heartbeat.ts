import { Listeners, PresenceRestClient } from '../client'
import { HeartbeatManager } from './heartbeat-manager'

/**
 * A heartbeat shared by every caller in the page that names the same endpoint and interval.
 *
 * @example
 * const { manager, onAuthError } = sharedHeartbeat('/api/chat/heartbeat/')
 */
export interface SharedHeartbeat {
  readonly manager: HeartbeatManager
  /** Listens to the 401s of this heartbeat; returns the function that stops listening. */
  onAuthError(listener: (error: unknown) => void): () => void
}

const shared = new Map<string, SharedHeartbeat>()

/**
 * A heartbeat without a provider (an app that posts to a same-origin route, such as `/api/chat/heartbeat`, that authenticates by cookie): one
 * {@link HeartbeatManager} per endpoint and interval in the page, made on first use and never started here. Each
 * user calls `manager.retain()`: the first starts it, the last release stops it. Making it touches no browser
 * global, so it may happen during render.
 *
 * @example
 * const { manager } = sharedHeartbeat('/api/chat/heartbeat/', { intervalMs: 120_000 })
 * useEffect(() => manager.retain(), [manager])
 */
export function sharedHeartbeat(endpoint: string, options: { intervalMs?: number; fetch?: typeof fetch } = {}): SharedHeartbeat {
  const key = `${endpoint} ${options.intervalMs ?? 'default'}`
  const existing = shared.get(key)
  if (existing) return existing
  const rest = new PresenceRestClient({ apiBaseUrl: '', endpoints: { heartbeat: endpoint }, fetch: options.fetch })
  const authErrors = new Listeners<unknown>()
  const created: SharedHeartbeat = {
    manager: new HeartbeatManager({
      beat: (signal) => rest.heartbeat({ signal }),
      intervalMs: options.intervalMs,
      coordinationKey: () => `presence-kit:heartbeat:${key}`,
      onAuthError: (error) => authErrors.emit(error),
    }),
    onAuthError: (listener) => authErrors.add(listener),
  }
  shared.set(key, created)
  return created
}
