/**
 * The paths of one backend, relative to its base URL (or absolute URLs). `null` means the backend has no such
 * endpoint; the layers above treat it as "not available" (no heartbeat, no socket, …) rather than as an error.
 *
 * @example
 * const mine: PresenceEndpoints = { ...presets['user-status-socket'].endpoints, socket: '/ws/presence/' }
 */
export interface PresenceEndpoints {
  /**
   * GET: everyone online, the REST list (`/api/chat/online-users/`, `/api/users/online/`, or an admin list such as
   * `/api/users/admin/users/online/`, whose pages are followed).
   */
  onlineUsers: string | null
  /**
   * GET: everyone online with names and pictures, asked when a socket frame or a list carries ids the kit has no
   * name for (`/api/chat/online-users/` beside the `/ws/chat/` socket). Only names and pictures are taken from it:
   * presence stays with the socket. Without one, names come from the provider's `resolveUsers`.
   */
  userDetails: string | null
  /**
   * GET with `?filter=friends`: the caller's friends who are online (`GET /api/users/online/?filter=friends`). A separate endpoint
   * because the contract's chat list, which the `contract` preset polls, has no filter.
   */
  onlineFriends: string | null
  /** POST: a sign of life. */
  heartbeat: string | null
  /** POST: ends the caller's REST presence at once (`/api/chat/mark-offline/`). */
  markOffline: string | null
  /** GET: the caller. */
  me: string | null
  /** PATCH: the caller's mode and status message. */
  setStatus: string | null
  /** GET: the activity timeline. */
  activity: string | null
  /** GET: the caller's conversations with each peer's presence. */
  conversations: string | null
  /** POST: revokes the session. */
  logout: string | null
  /** The WebSocket path. */
  socket: string | null
}

/**
 * The name of one endpoint.
 *
 * @example
 * const needed: EndpointName[] = ['onlineUsers', 'socket']
 */
export type EndpointName = keyof PresenceEndpoints

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:\/\//i

function currentOrigin(): string | null {
  const location = (globalThis as { location?: { origin?: string } }).location
  return typeof location?.origin === 'string' && location.origin !== 'null' ? location.origin : null
}

/**
 * Joins a base URL and an endpoint path. An absolute path wins over the base. When the base's path already ends
 * with the path's first segment the segment is not repeated, because apps configure
 * `NEXT_PUBLIC_API_BASE_URL=http://localhost:8000/api` while every path starts with `/api/`. A relative base is
 * resolved against the page's origin when there is one, and left relative otherwise (server-side rendering).
 *
 * @example
 * joinUrl('http://localhost:8000/api', '/api/users/online/') // 'http://localhost:8000/api/users/online/'
 * joinUrl('http://localhost:8000/', '/api/users/online/')    // 'http://localhost:8000/api/users/online/'
 */
export function joinUrl(base: string, path: string): string {
  if (ABSOLUTE.test(path)) return path
  const tail = path.startsWith('/') ? path : `/${path}`
  const origin = currentOrigin()
  const absolute = ABSOLUTE.test(base) ? base : origin ? new URL(base || '/', origin).href : null
  if (!absolute) return base.replace(/\/+$/, '') + tail
  const url = new URL(absolute)
  const basePath = url.pathname.replace(/\/+$/, '')
  const firstSegment = /^\/[^/?#]+/.exec(tail)?.[0]
  const rest = firstSegment && basePath.endsWith(firstSegment) ? tail.slice(firstSegment.length) : tail
  return `${url.origin}${basePath}${rest}`
}

/**
 * The absolute WebSocket URL of a path. `wsBaseUrl` wins when given (a backend may serve sockets from another port,
 * such as Daphne on 8001); otherwise the origin of `apiBaseUrl` with `http` turned into `ws` (any path of the API base
 * is dropped: sockets live at the root, as `/ws/...`). Returns `null` when no absolute URL can be made (a
 * relative base during server-side rendering).
 *
 * @example
 * socketUrl({ apiBaseUrl: 'https://api.example.com/api' }, '/ws/user-status/')
 * // 'wss://api.example.com/ws/user-status/'
 * socketUrl({ apiBaseUrl: '', wsBaseUrl: 'ws://localhost:8001' }, '/ws/user-status/')
 * // 'ws://localhost:8001/ws/user-status/'
 */
export function socketUrl(bases: { apiBaseUrl: string; wsBaseUrl?: string | null }, path: string): string | null {
  const toWs = (url: string) => url.replace(/^http(s?):/i, 'ws$1:')
  if (/^wss?:\/\//i.test(path)) return path
  if (bases.wsBaseUrl) {
    const base = ABSOLUTE.test(bases.wsBaseUrl) ? bases.wsBaseUrl : joinUrl(bases.wsBaseUrl, '')
    return ABSOLUTE.test(base) ? toWs(joinUrl(base, path)) : null
  }
  const api = joinUrl(bases.apiBaseUrl, '')
  if (!ABSOLUTE.test(api)) return null
  return toWs(new URL(path.startsWith('/') ? path : `/${path}`, api).href)
}
