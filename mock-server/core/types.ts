export const MODES = ['auto', 'away', 'dnd', 'invisible'] as const
export type Mode = (typeof MODES)[number]

/** What others can see of a user. */
export type VisibleStatus = 'online' | 'away' | 'dnd' | 'offline'
/** What a user sees of themselves: the same, or `invisible`. */
export type OwnStatus = VisibleStatus | 'invisible'

export type Audience = 'self' | 'others'

/** The kinds of device a socket may say it is (`&device=` on its URL, section 6.2). */
export const DEVICES = ['web', 'mobile', 'desktop'] as const
export type DeviceKind = (typeof DEVICES)[number]

/** Who may see a user's last seen (section 6.4, WhatsApp's choice). */
export const LAST_SEEN_VISIBILITIES = ['everyone', 'friends', 'nobody'] as const
export type LastSeenVisibility = (typeof LAST_SEEN_VISIBILITIES)[number]

/** One open socket of a user, as the rules see it. */
export interface ConnectionState {
  readonly device: DeviceKind
  /** What the connection last reported (section 6.1); one that never reported counts as active. */
  idle: boolean
}

export interface UserRecord {
  readonly id: number
  readonly username: string
  readonly isAdmin: boolean
  readonly friends: ReadonlySet<number>
  mode: Mode
  statusMessage: string | null
  /** When the status message is cleared by the server's clock; null: never (or no message). */
  statusExpiresAt: number | null
  lastSeenVisibility: LastSeenVisibility
  lastActivity: number | null
  /** Time of the last authenticated REST request, heartbeat or login; null once ended. */
  restAt: number | null
  /** Whether the REST presence was last reported idle (`PATCH … {"idle": true}`); reset when it ends. */
  restIdle: boolean
  /** When the grace period after the last socket closed ends; null when none runs. */
  graceUntil: number | null
  /**
   * What the last connection to close was, kept for its grace period: the user counts as connected until it
   * ends (section 1), so a page reload neither flickers to `away` nor empties `devices`.
   */
  grace: ConnectionState | null
  /** `lastActivity` as others keep seeing it while the user is invisible. */
  frozenLastSeen: number | null
  readonly connections: Map<number, ConnectionState>
  /** The last view each audience was told of, so that only real changes are announced. */
  announced: Record<Audience, string>
  /** The last status others were told of, for the activity log. */
  shownStatus: VisibleStatus
}

export interface PresenceView {
  status: OwnStatus
  statusMessage: string | null
  statusExpiresAt: number | null
  lastSeen: number | null
  /** Whether the status shown is an auto-away: mode `auto`, and every source of presence idle (section 6.1). */
  idle: boolean
  /** The sorted, distinct kinds of the user's open connections (section 6.2). */
  devices: DeviceKind[]
}

export type PresenceEvent =
  | { type: 'status'; userId: number; audience: Audience; at: number }
  | { type: 'disconnect'; connectionIds: number[]; code: number; reason: string }

export interface PresenceTiming {
  /** How long REST presence lasts; `Infinity` when nothing but logout or mark-offline ends it. */
  ttlMs: number
  graceMs: number
}

/** The REST signs of life a backend can be told of: a login, any authenticated request, a heartbeat. */
export type RestSign = 'login' | 'request' | 'heartbeat'

/** What a backend counts, beyond open sockets (which always make a user present). */
export interface PresenceRules {
  /** The REST signs that make a user present for the TTL and move their last activity; the others count for nothing. */
  restSigns: ReadonlySet<RestSign>
  /** Whether logout ends the user's REST presence at once, as mark-offline does. */
  logoutEndsPresence: boolean
  /** Whether a sign of life sets an `away` user back to online (a backend whose middleware writes `online` on every request). */
  signEndsAway: boolean
}

/** The contract's rules: every REST sign counts, logout ends presence, a chosen mode stays. */
export const CONTRACT_RULES: PresenceRules = {
  restSigns: new Set(['login', 'request', 'heartbeat']),
  logoutEndsPresence: true,
  signEndsAway: false,
}
