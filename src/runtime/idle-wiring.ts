// The runtime's v2 wiring (contract 6.1, 6.2) kept out of presence-runtime.ts: which runtimes report idleness,
// how the idle channel is named, and the device in the socket URL.
import type { DeviceKind, PresenceRestClient, PresenceSocket } from '../client'
import { fingerprint } from './fingerprint'
import type { HeartbeatManager } from './heartbeat-manager'
import { IdleReporter, type IdleReporterHost, type IdleReporterOptions } from './idle-reporter'

interface RuntimeLike {
  readonly options: { idleAfterMs?: number | false; idle?: Pick<IdleReporterOptions, 'target' | 'BroadcastChannel' | 'now'> }
  readonly rest: PresenceRestClient
  readonly heartbeat: HeartbeatManager
  readonly socket: PresenceSocket | null
}

/**
 * The runtime's idle reporter, or `null` when `idleAfterMs` is `false` or the backend has no way to hear it (only
 * a backend with `PATCH /api/users/me/status/` takes status frames and idle reports).
 *
 * @example
 * this.#idle = createIdleReporter(this, { patch: (idle) => this.rest.setStatus({ idle }), onError: report })
 */
export function createIdleReporter(runtime: RuntimeLike, host: Pick<IdleReporterHost, 'patch' | 'onError'>): IdleReporter | null {
  const { idleAfterMs } = runtime.options
  if (idleAfterMs === false || !runtime.rest.has('setStatus')) return null
  const openSocket = () => (runtime.socket?.state === 'open' ? runtime.socket : null)
  return new IdleReporter(
    { ...runtime.options.idle, idleAfterMs },
    {
      ...host,
      sendFrame: (idle) => openSocket()?.send({ type: 'status', idle }) ?? false,
      speaksForRest: () =>
        runtime.rest.has('heartbeat') ? runtime.heartbeat.getStatus().isLeader : openSocket() === null,
    },
  )
}

/**
 * The idle channel of one user on one backend: tabs of two accounts, or of two backends, keep two clocks.
 * `null` while neither the user nor a string token is known.
 *
 * @example
 * idleChannelName('http://localhost:8000', '3', null) // 'presence-kit:idle:http://localhost:8000:user:3'
 */
export function idleChannelName(apiBaseUrl: string, self: string | null, tokenKey: unknown): string | null {
  const who = self !== null ? `user:${self}` : typeof tokenKey === 'string' ? `token:${fingerprint(tokenKey)}` : null
  return who === null ? null : `presence-kit:idle:${apiBaseUrl}:${who}`
}

/**
 * The socket URL with `device=` (contract 6.2), left out for the default `web` so that the URL of every
 * backend that knows no devices stays as it was.
 *
 * @example
 * socketUrlWithDevice('ws://localhost:8000/ws/user-status/', 'mobile') // 'ws://localhost:8000/ws/user-status/?device=mobile'
 */
export function socketUrlWithDevice(url: string | null, device: DeviceKind | undefined): string | null {
  if (url === null || device === undefined || device === 'web') return url
  const hash = url.indexOf('#')
  const base = hash === -1 ? url : url.slice(0, hash)
  return `${base}${base.includes('?') ? '&' : '?'}device=${encodeURIComponent(device)}${hash === -1 ? '' : url.slice(hash)}`
}
