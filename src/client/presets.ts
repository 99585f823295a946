import type { PresenceEndpoints } from './endpoints'

/**
 * The backends the kit knows by name, each exactly one backend design: its paths, its socket or none, what the
 * socket sends, its list, its intervals.
 *
 * - `contract`: the kit's mock server and any backend that follows the whole contract (default).
 * - `chat-socket`: `/ws/chat/` sends the ids of everyone online; names from `GET /api/chat/online-users/`.
 * - `user-status-socket`: `/ws/user-status/` sends changes only; the list is `GET /api/users/online/`.
 * - `chat-polling`: no socket; `POST /api/chat/heartbeat/` every 2 min, ids from `GET /api/chat/online-users/`.
 * - `chat-list-activity`: no socket, no heartbeat; `is_online` of the peers in `GET /api/chat/conversations/`.
 * - `users-heartbeat-admin`: no socket; `POST /api/users/heartbeat/` every 30 s; the list is for admins only.
 *
 * @example
 * new PresenceRestClient({ apiBaseUrl: 'http://localhost:8000', backend: BackendPreset.UserStatusSocket })
 */
export const BackendPreset = {
  Contract: 'contract',
  ChatSocket: 'chat-socket',
  UserStatusSocket: 'user-status-socket',
  ChatPolling: 'chat-polling',
  ChatListActivity: 'chat-list-activity',
  UsersHeartbeatAdmin: 'users-heartbeat-admin',
} as const

/**
 * One of the {@link BackendPreset} values.
 *
 * @example
 * const preset: BackendPreset = 'chat-polling'
 */
export type BackendPreset = (typeof BackendPreset)[keyof typeof BackendPreset]

/**
 * What a backend's WebSocket sends.
 *
 * - `snapshot`: everyone online with details on connect, then each change (the contract).
 * - `ids`: the ids of everyone online, on connect and again whenever the set changes; names come from elsewhere.
 * - `changes`: each change only, never a list: the REST list fills the store on connect and heals it later.
 *
 * @example
 * if (backend.socketSends === SocketSends.Changes) refreshListEvery(backend.listIntervalMs)
 */
export const SocketSends = {
  Snapshot: 'snapshot',
  Ids: 'ids',
  Changes: 'changes',
} as const

/**
 * One of the {@link SocketSends} values.
 *
 * @example
 * const sends: SocketSends = 'ids'
 */
export type SocketSends = (typeof SocketSends)[keyof typeof SocketSends]

/**
 * One backend design: its endpoints (`null` where it has none) and how the kit talks to it.
 *
 * @example
 * const { endpoints, socketSends, listIntervalMs } = presets['user-status-socket']
 */
export interface PresenceBackend {
  /** The paths; `null` where this backend has no such endpoint. */
  readonly endpoints: Readonly<PresenceEndpoints>
  /** What the socket sends (see {@link SocketSends}); meaningless without a socket. */
  readonly socketSends: SocketSends
  /**
   * Which endpoint lists whose presence the kit knows: `onlineUsers`, or `conversations` (the peers of the app's
   * chat list, with their `is_online`).
   */
  readonly list: 'onlineUsers' | 'conversations'
  /** Between two heartbeats, in ms (when there is a heartbeat endpoint). */
  readonly heartbeatIntervalMs: number
  /**
   * Between two reads of the list, in ms: the poll when there is no socket (or it cannot be had), and the refresh
   * while a socket that sends only changes is open.
   */
  readonly listIntervalMs: number
  /** Between two `{"type":"ping"}` frames while the socket is open, in ms; 0 sends none. */
  readonly pingIntervalMs: number
}

const NONE: PresenceEndpoints = {
  onlineUsers: null,
  userDetails: null,
  onlineFriends: null,
  heartbeat: null,
  markOffline: null,
  me: null,
  setStatus: null,
  activity: null,
  conversations: null,
  logout: null,
  socket: null,
}

/**
 * The six backends. Each is one design, never a mix: an endpoint the design does not have is `null`, and the kit
 * never calls it.
 *
 * @example
 * presets['chat-socket'].endpoints.socket          // '/ws/chat/'
 * presets['chat-polling'].endpoints.socket         // null: it polls
 * presets['users-heartbeat-admin'].heartbeatIntervalMs // 30_000
 */
export const presets: Readonly<Record<BackendPreset, PresenceBackend>> = {
  contract: {
    endpoints: {
      // The chat list includes the caller, as the socket's snapshot does, so either can replace the other.
      onlineUsers: '/api/chat/online-users/',
      userDetails: '/api/chat/online-users/',
      onlineFriends: '/api/users/online/',
      heartbeat: '/api/chat/heartbeat/',
      markOffline: '/api/chat/mark-offline/',
      me: '/api/users/me/',
      setStatus: '/api/users/me/status/',
      activity: '/api/users/activity/',
      conversations: '/api/chat/conversations/',
      logout: '/api/auth/logout/',
      socket: '/ws/user-status/',
    },
    socketSends: 'snapshot',
    list: 'onlineUsers',
    heartbeatIntervalMs: 120_000,
    listIntervalMs: 10_000,
    pingIntervalMs: 30_000,
  },
  'chat-socket': {
    endpoints: {
      ...NONE,
      // The same users as the socket's list, with names and pictures: the list while the socket cannot be had,
      // and the names of the socket's ids.
      onlineUsers: '/api/chat/online-users/',
      userDetails: '/api/chat/online-users/',
      logout: '/api/auth/logout/',
      socket: '/ws/chat/',
    },
    socketSends: 'ids',
    list: 'onlineUsers',
    heartbeatIntervalMs: 120_000,
    listIntervalMs: 10_000,
    // The design defines no ping frame: nothing is sent that it does not know.
    pingIntervalMs: 0,
  },
  'user-status-socket': {
    endpoints: {
      ...NONE,
      onlineUsers: '/api/users/online/',
      logout: '/api/auth/logout/',
      socket: '/ws/user-status/',
    },
    socketSends: 'changes',
    list: 'onlineUsers',
    heartbeatIntervalMs: 120_000,
    // Its frontend fetches the list on connect and every 30 s.
    listIntervalMs: 30_000,
    pingIntervalMs: 30_000,
  },
  'chat-polling': {
    endpoints: {
      ...NONE,
      // Ids only, and no endpoint with their names: names come from the provider's `resolveUsers`.
      onlineUsers: '/api/chat/online-users/',
      heartbeat: '/api/chat/heartbeat/',
      markOffline: '/api/chat/mark-offline/',
      logout: '/api/auth/logout/',
    },
    socketSends: 'snapshot',
    list: 'onlineUsers',
    heartbeatIntervalMs: 120_000,
    listIntervalMs: 10_000,
    pingIntervalMs: 0,
  },
  'chat-list-activity': {
    endpoints: {
      ...NONE,
      conversations: '/api/chat/conversations/',
      logout: '/api/auth/logout/',
    },
    socketSends: 'snapshot',
    list: 'conversations',
    heartbeatIntervalMs: 120_000,
    // Each read is also the caller's sign of life (every request is activity): well inside the 5-minute window.
    listIntervalMs: 30_000,
    pingIntervalMs: 0,
  },
  'users-heartbeat-admin': {
    endpoints: {
      ...NONE,
      // Admins only: anyone else gets a 403, which the kit takes for "no list for this user".
      onlineUsers: '/api/users/admin/users/online/',
      heartbeat: '/api/users/heartbeat/',
      logout: '/api/users/logout/',
    },
    socketSends: 'snapshot',
    list: 'onlineUsers',
    heartbeatIntervalMs: 30_000,
    listIntervalMs: 30_000,
    pingIntervalMs: 0,
  },
}

// The 0.1 names, so that an app upgrading is told what to use instead.
const RENAMED: Record<string, string> = {
  chat: "'chat-socket' (the /ws/chat/ socket) or 'chat-polling' (no socket, heartbeat and polling)",
  users: "'user-status-socket' (the /ws/user-status/ socket) or 'users-heartbeat-admin' (heartbeat, admin list)",
}

/**
 * The description of a preset, or a clear error for a name that is none (an app upgrading from 0.1's `chat` or
 * `users` is told which presets replace it).
 *
 * @example
 * backendPreset('chat-socket').socketSends // 'ids'
 * backendPreset('chat') // throws: 'chat' was split into 'chat-socket' or 'chat-polling'
 */
export function backendPreset(name: BackendPreset = 'contract'): PresenceBackend {
  if (Object.hasOwn(presets, name)) return presets[name]
  const renamed = Object.hasOwn(RENAMED, name) ? RENAMED[name] : undefined
  const names = Object.keys(presets).map((key) => `'${key}'`).join(', ')
  throw new Error(
    renamed
      ? `presence-kit: the backend preset '${String(name)}' was split: use ${renamed}`
      : `presence-kit: unknown backend preset ${JSON.stringify(name)}; expected one of ${names}`,
  )
}

/**
 * A preset's endpoints with some replaced: a path to point elsewhere, `null` to switch one off. Keys set to
 * `undefined` keep the preset's value.
 *
 * @example
 * resolveEndpoints('contract', { socket: null }).socket // null: poll instead
 * resolveEndpoints('user-status-socket', { onlineUsers: '/api/presence/online/' }).onlineUsers
 */
export function resolveEndpoints(preset: BackendPreset = 'contract', overrides: Partial<PresenceEndpoints> = {}): PresenceEndpoints {
  const endpoints: PresenceEndpoints = { ...backendPreset(preset).endpoints }
  for (const key of Object.keys(endpoints) as Array<keyof PresenceEndpoints>) {
    const value = overrides[key]
    if (value !== undefined) endpoints[key] = value
  }
  return endpoints
}
