import { ActivityLog } from './activity'
import { CAST, type CastMember } from './cast'
import type { Clock } from './clock'
import { deadlinesOf, othersView, ownView, viewKey, visibleStatus } from './status'
import {
  CONTRACT_RULES,
  type Audience,
  type ConnectionState,
  type DeviceKind,
  type LastSeenVisibility,
  type Mode,
  type PresenceEvent,
  type PresenceRules,
  type PresenceTiming,
  type RestSign,
  type UserRecord,
} from './types'

export interface PresenceOptions {
  clock: Clock
  timing: PresenceTiming
  /** Which signs of life count. Default: the contract's (every REST sign). */
  rules?: PresenceRules
  cast?: readonly CastMember[]
  friendships?: ReadonlyArray<readonly [number, number]>
  /** Receives every status change to announce and every socket to close, in the order they happen. */
  onEvent?: (event: PresenceEvent) => void
  /** Told the time of the next expiry whenever it may have changed, so a transport can run `evaluate()` then. */
  schedule?: (at: number | null) => void
}

export interface StatusChange {
  mode?: Mode
  statusMessage?: string | null
  /** When the message is cleared (server time, ms); null: never. A new message without it never expires. */
  statusExpiresAt?: number | null
  lastSeenVisibility?: LastSeenVisibility
  /** Whether the source that sends the change (a connection, or the REST presence) is idle (section 6.1). */
  idle?: boolean
}

/** Why a status change is refused (section 6.3); each transport words it with its own field names. */
export type StatusProblem = 'expiry_in_past' | 'expiry_without_message'

/** How a refused expiry is explained, over REST and over the socket alike. */
export const STATUS_PROBLEMS: Record<StatusProblem, string> = {
  expiry_in_past: 'must be a time in the future',
  expiry_without_message: 'needs a status message to expire',
}

/** Which source of presence a change comes from: the REST presence, or one open connection. */
export type StatusSource = 'rest' | { connectionId: number }

interface Connection extends ConnectionState {
  userId: number
  sessionId: number
}

/**
 * The presence rules of the contract, with no I/O: time comes from the injected clock, and every change that
 * someone should hear about leaves through `onEvent`.
 */
export class Presence {
  readonly clock: Clock
  readonly timing: PresenceTiming
  readonly rules: PresenceRules
  readonly activity = new ActivityLog()
  #users = new Map<number, UserRecord>()
  #byName = new Map<string, UserRecord>()
  #connections = new Map<number, Connection>()
  #nextConnection = 1
  #scheduled: number | null = null
  readonly #cast: readonly CastMember[]
  readonly #friendships: ReadonlyArray<readonly [number, number]>
  readonly #onEvent: (event: PresenceEvent) => void
  readonly #schedule: (at: number | null) => void

  constructor(options: PresenceOptions) {
    this.clock = options.clock
    this.timing = options.timing
    this.rules = options.rules ?? CONTRACT_RULES
    this.#cast = options.cast ?? CAST
    this.#friendships = options.friendships ?? []
    this.#onEvent = options.onEvent ?? (() => {})
    this.#schedule = options.schedule ?? (() => {})
    this.#seed()
  }

  get users(): IterableIterator<UserRecord> {
    return this.#users.values()
  }

  user(id: number): UserRecord | undefined {
    return this.#users.get(id)
  }

  userByName(username: string): UserRecord | undefined {
    return this.#byName.get(username)
  }

  connectionsOf(sessionId: number): number[] {
    return [...this.#connections].filter(([, c]) => c.sessionId === sessionId).map(([id]) => id)
  }

  /** Back to the seeded cast; every socket is told to close with 4401. */
  reset(): void {
    const ids = [...this.#connections.keys()]
    this.#connections.clear()
    this.activity.clear()
    if (ids.length) this.#onEvent({ type: 'disconnect', connectionIds: ids, code: 4401, reason: 'unauthorized' })
    this.#seed()
  }

  /** A REST sign of life, as the transport saw it; the rules decide whether it counts as REST presence. */
  sign(userId: number, sign: RestSign): void {
    if (!this.rules.restSigns.has(sign)) return
    this.#mutate(userId, (user, now) => {
      user.lastActivity = now
      user.restAt = now
      // A login is a new client, which has reported nothing: active, as a new connection is (section 6.1).
      if (sign === 'login') user.restIdle = false
      if (this.rules.signEndsAway && user.mode === 'away') user.mode = 'auto'
    })
  }

  /** REST presence whatever the rules say (the mock's controls, the simulation): a sign of life until the TTL. */
  restActivity(userId: number): void {
    this.#mutate(userId, (user, now) => {
      user.lastActivity = now
      user.restAt = now
    })
  }

  /** A sign of life that is not REST presence (a `ping` frame); returns its instant, the user's new last seen. */
  touch(userId: number): number {
    let at = this.clock.now()
    this.#mutate(userId, (user, now) => {
      user.lastActivity = now
      at = now
    })
    return at
  }

  /** A new socket of the user; `device` is what its URL said it is (section 6.2). */
  connect(userId: number, sessionId: number, device: DeviceKind = 'web'): number {
    const id = this.#nextConnection++
    this.#mutate(userId, (user, now) => {
      const connection: Connection = { userId, sessionId, device, idle: false }
      user.lastActivity = now
      user.graceUntil = null
      user.grace = null
      user.connections.set(id, connection)
      this.#connections.set(id, connection)
    })
    return id
  }

  /** A socket closed by its client or its network: the grace period starts when it was the last one. */
  disconnect(connectionId: number): void {
    const connection = this.#connections.get(connectionId)
    if (!connection) return
    this.#connections.delete(connectionId)
    this.#mutate(connection.userId, (user, now) => {
      user.connections.delete(connectionId)
      if (user.connections.size > 0) return
      user.graceUntil = now + this.timing.graceMs
      user.grace = { device: connection.device, idle: connection.idle }
    })
  }

  /** Ends REST presence and any grace period at once; open sockets keep the user online. */
  markOffline(userId: number): void {
    this.#mutate(userId, (user) => {
      user.restAt = null
      user.restIdle = false
      user.graceUntil = null
      user.grace = null
    })
  }

  /** Closes the session's sockets with 4401 (no grace period) and, where the rules say so, marks the user offline. */
  logout(userId: number, sessionId: number): void {
    this.evaluate()
    const ids = this.connectionsOf(sessionId)
    for (const id of ids) {
      this.#connections.delete(id)
      this.#users.get(userId)?.connections.delete(id)
    }
    if (ids.length) this.#onEvent({ type: 'disconnect', connectionIds: ids, code: 4401, reason: 'unauthorized' })
    if (this.rules.logoutEndsPresence) this.markOffline(userId)
    else this.#mutate(userId, () => {})
  }

  /**
   * What is wrong with a status change, or null: an expiry must lie ahead of the server's clock, and needs a
   * message to expire (the one in the change, else the one the user has).
   */
  checkStatus(userId: number, change: StatusChange): StatusProblem | null {
    this.evaluate()
    const user = this.#users.get(userId)
    if (!user || change.statusExpiresAt === undefined || change.statusExpiresAt === null) return null
    const message = change.statusMessage === undefined ? user.statusMessage : change.statusMessage
    if (message === null) return 'expiry_without_message'
    if (change.statusExpiresAt <= this.clock.now()) return 'expiry_in_past'
    return null
  }

  /**
   * Sets mode, status message and its expiry, last-seen visibility and the idleness of one source; returns
   * whether what anyone sees changed. A change `checkStatus` refuses throws.
   */
  setStatus(userId: number, change: StatusChange, source: StatusSource = 'rest'): boolean {
    const problem = this.checkStatus(userId, change)
    if (problem) throw new RangeError(problem)
    let changed = false
    this.#mutate(userId, (user) => {
      if (change.mode !== undefined && change.mode !== user.mode) {
        if (change.mode === 'invisible') user.frozenLastSeen = user.lastActivity
        user.mode = change.mode
        changed = true
      }
      if (change.statusMessage !== undefined) {
        // Setting a message without an expiry clears any earlier one (section 6.3).
        const expires = change.statusMessage === null ? null : (change.statusExpiresAt ?? null)
        if (change.statusMessage !== user.statusMessage || expires !== user.statusExpiresAt) changed = true
        user.statusMessage = change.statusMessage
        user.statusExpiresAt = expires
      } else if (change.statusExpiresAt !== undefined && user.statusMessage !== null) {
        if (change.statusExpiresAt !== user.statusExpiresAt) changed = true
        user.statusExpiresAt = change.statusExpiresAt
      }
      if (change.lastSeenVisibility !== undefined && change.lastSeenVisibility !== user.lastSeenVisibility) {
        user.lastSeenVisibility = change.lastSeenVisibility
        changed = true
      }
      if (change.idle !== undefined) {
        const holder = source === 'rest' ? null : user.connections.get(source.connectionId)
        if (source === 'rest' && user.restIdle !== change.idle) {
          user.restIdle = change.idle
          changed = true
        } else if (holder && holder.idle !== change.idle) {
          holder.idle = change.idle
          changed = true
        }
      }
    })
    return changed
  }

  /**
   * Runs every expiry that is due (REST presence, grace periods, status messages), in the order they fell due,
   * each announced and logged at its own moment.
   */
  evaluate(): void {
    const now = this.clock.now()
    const due: Array<{ at: number; kind: 'rest' | 'grace' | 'message'; user: UserRecord }> = []
    for (const user of this.#users.values()) {
      for (const deadline of deadlinesOf(user, this.timing)) if (deadline.at <= now) due.push({ ...deadline, user })
    }
    due.sort((a, b) => a.at - b.at)
    for (const { at, kind, user } of due) {
      switch (kind) {
        case 'rest':
          user.restAt = null
          user.restIdle = false
          break
        case 'grace':
          user.graceUntil = null
          user.grace = null
          break
        case 'message':
          user.statusMessage = null
          user.statusExpiresAt = null
          break
        default:
          kind satisfies never
      }
      this.#announce(user, at)
    }
    this.#reschedule()
  }

  #mutate(userId: number, change: (user: UserRecord, now: number) => void): void {
    this.evaluate()
    const user = this.#users.get(userId)
    if (!user) return
    const now = this.clock.now()
    change(user, now)
    this.#announce(user, now)
    this.#reschedule()
  }

  #announce(user: UserRecord, at: number): void {
    const views = { self: ownView(user, at, this.timing), others: othersView(user, at, this.timing) }
    for (const audience of ['others', 'self'] as const satisfies Audience[]) {
      const key = viewKey(views[audience])
      if (key === user.announced[audience]) continue
      user.announced[audience] = key
      this.#onEvent({ type: 'status', userId: user.id, audience, at })
    }
    const status = visibleStatus(user, at, this.timing)
    if (status !== user.shownStatus) {
      user.shownStatus = status
      this.activity.record({ userId: user.id, event: status, at })
    }
  }

  #reschedule(): void {
    let next: number | null = null
    for (const user of this.#users.values()) {
      for (const { at } of deadlinesOf(user, this.timing)) if (next === null || at < next) next = at
    }
    if (next === this.#scheduled) return
    this.#scheduled = next
    this.#schedule(next)
  }

  #seed(): void {
    const now = this.clock.now()
    this.#users.clear()
    this.#byName.clear()
    const friends = new Map<number, Set<number>>(this.#cast.map((m) => [m.id, new Set<number>()]))
    for (const [a, b] of this.#friendships) {
      friends.get(a)?.add(b)
      friends.get(b)?.add(a)
    }
    for (const member of this.#cast) {
      const lastActivity = member.lastActiveAgo === null ? null : now - member.lastActiveAgo * 1000
      const user: UserRecord = {
        id: member.id,
        username: member.username,
        isAdmin: member.isAdmin,
        friends: friends.get(member.id)!,
        mode: member.mode,
        statusMessage: member.statusMessage,
        statusExpiresAt: null,
        lastSeenVisibility: member.lastSeenVisibility ?? 'everyone',
        lastActivity,
        restAt: member.present ? lastActivity : null,
        restIdle: false,
        graceUntil: null,
        grace: null,
        frozenLastSeen: member.mode === 'invisible' ? lastActivity : null,
        connections: new Map(),
        announced: { self: '', others: '' },
        shownStatus: 'offline',
      }
      user.announced.self = viewKey(ownView(user, now, this.timing))
      user.announced.others = viewKey(othersView(user, now, this.timing))
      user.shownStatus = visibleStatus(user, now, this.timing)
      this.#users.set(user.id, user)
      this.#byName.set(user.username, user)
    }
    this.#scheduled = null
    this.#reschedule()
  }
}
