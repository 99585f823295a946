export const MODES = ['auto', 'away', 'dnd', 'invisible'] as const
export type Mode = (typeof MODES)[number]

/** What others can see of a user. */
export type VisibleStatus = 'online' | 'away' | 'dnd' | 'offline'
/** What a user sees of themselves: the same, or `invisible`. */
export type OwnStatus = VisibleStatus | 'invisible'

export type Audience = 'self' | 'others'

export interface UserRecord {
  readonly id: number
  readonly username: string
  readonly isAdmin: boolean
  readonly friends: ReadonlySet<number>
  mode: Mode
  statusMessage: string | null
  lastActivity: number | null
  /** Time of the last authenticated REST request, heartbeat or login; null once ended. */
  restAt: number | null
  /** When the grace period after the last socket closed ends; null when none runs. */
  graceUntil: number | null
  /** `lastActivity` as others keep seeing it while the user is invisible. */
  frozenLastSeen: number | null
  readonly connections: Set<number>
  /** The last view each audience was told of, so that only real changes are announced. */
  announced: Record<Audience, string>
  /** The last status others were told of, for the activity log. */
  shownStatus: VisibleStatus
}

export interface PresenceView {
  status: OwnStatus
  statusMessage: string | null
  lastSeen: number | null
}

export type PresenceEvent =
  | { type: 'status'; userId: number; audience: Audience; at: number }
  | { type: 'disconnect'; connectionIds: number[]; code: number; reason: string }

export interface PresenceTiming {
  ttlMs: number
  graceMs: number
}
