import type { PresenceEndpoints } from './endpoints'

/**
 * The backends the kit knows by name.
 *
 * - `contract`: the kit's mock server and any backend that follows the whole contract.
 * - `chat`: seeds 000 and 002 (`/api/chat/*`, `/ws/chat/`).
 * - `users`: seeds 001 and 004 (`/api/users/*`, `/ws/user-status/`).
 *
 * @example
 * new PresenceRestClient({ apiBaseUrl: 'http://localhost:8000', backend: BackendPreset.Users })
 */
export const BackendPreset = {
  Contract: 'contract',
  Chat: 'chat',
  Users: 'users',
} as const

/**
 * One of the {@link BackendPreset} values.
 *
 * @example
 * const preset: BackendPreset = 'chat'
 */
export type BackendPreset = (typeof BackendPreset)[keyof typeof BackendPreset]

/**
 * The endpoints of each preset. A seed that never describes an endpoint has it `null`.
 *
 * @example
 * presets.chat.socket  // '/ws/chat/'
 * presets.users.markOffline // null: seed 004 marks offline through logout
 */
export const presets: Readonly<Record<BackendPreset, Readonly<PresenceEndpoints>>> = {
  contract: {
    // The chat list includes the caller, as the socket's snapshot does, so either can replace the other.
    onlineUsers: '/api/chat/online-users/',
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
  chat: {
    onlineUsers: '/api/chat/online-users/',
    // Seeds 000 and 002 know no friendships.
    onlineFriends: null,
    heartbeat: '/api/chat/heartbeat/',
    markOffline: '/api/chat/mark-offline/',
    me: null,
    setStatus: null,
    activity: null,
    conversations: '/api/chat/conversations/',
    logout: '/api/auth/logout/',
    socket: '/ws/chat/',
  },
  users: {
    onlineUsers: '/api/users/online/',
    onlineFriends: '/api/users/online/',
    heartbeat: '/api/users/heartbeat/',
    markOffline: null,
    me: null,
    setStatus: null,
    activity: null,
    conversations: null,
    logout: '/api/users/logout/',
    socket: '/ws/user-status/',
  },
}

/**
 * A preset's endpoints with some replaced: a path to point elsewhere, `null` to switch one off (seed 002 has no
 * WebSocket: `{ socket: null }`). Keys set to `undefined` keep the preset's value.
 *
 * @example
 * resolveEndpoints('chat', { socket: null }).socket // null
 * resolveEndpoints('users', { me: '/api/users/me/' }).me // '/api/users/me/'
 */
export function resolveEndpoints(
  preset: BackendPreset = 'contract',
  overrides: Partial<PresenceEndpoints> = {},
): PresenceEndpoints {
  const endpoints: PresenceEndpoints = { ...presets[preset] }
  for (const key of Object.keys(endpoints) as Array<keyof PresenceEndpoints>) {
    const value = overrides[key]
    if (value !== undefined) endpoints[key] = value
  }
  return endpoints
}
