import { ActivityLog } from './activity'
import { CAST, type CastMember } from './cast'
import type { Clock } from './clock'
import { othersView, ownView, presentUntil, viewKey, visibleStatus } from './status'
import {
  CONTRACT_RULES,
  type Audience,
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
}

interface Connection {
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

  /** A sign of life that is not REST presence (a `ping` frame). */
  touch(userId: number): void {
    this.#mutate(userId, (user, now) => {
      user.lastActivity = now
    })
  }

  connect(userId: number, sessionId: number): number {
    const id = this.#nextConnection++
    this.#mutate(userId, (user, now) => {
      user.lastActivity = now
      user.graceUntil = null
      user.connections.add(id)
      this.#connections.set(id, { userId, sessionId })
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
      if (user.connections.size === 0) user.graceUntil = now + this.timing.graceMs
    })
  }

  /** Ends REST presence and any grace period at once; open sockets keep the user online. */
  markOffline(userId: number): void {
    this.#mutate(userId, (user) => {
      user.restAt = null
      user.graceUntil = null
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

  /** Sets mode and/or status message; returns whether anything changed. */
  setStatus(userId: number, change: StatusChange): boolean {
    let changed = false
    this.#mutate(userId, (user) => {
      if (change.mode !== undefined && change.mode !== user.mode) {
        if (change.mode === 'invisible') user.frozenLastSeen = user.lastActivity
        user.mode = change.mode
        changed = true
      }
      if (change.statusMessage !== undefined && change.statusMessage !== user.statusMessage) {
        user.statusMessage = change.statusMessage
        changed = true
      }
    })
    return changed
  }

  /** Runs every expiry that is due, in the order they fell due, each announced and logged at its own moment. */
  evaluate(): void {
    const now = this.clock.now()
    const due: Array<[number, UserRecord]> = []
    for (const user of this.#users.values()) {
      const until = presentUntil(user, this.timing)
      if (until !== null && until <= now) due.push([until, user])
    }
    due.sort((a, b) => a[0] - b[0])
    for (const [at, user] of due) {
      user.graceUntil = null
      user.restAt = null
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
      const until = presentUntil(user, this.timing)
      if (until !== null && (next === null || until < next)) next = until
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
        lastActivity,
        restAt: member.present ? lastActivity : null,
        graceUntil: null,
        frozenLastSeen: member.mode === 'invisible' ? lastActivity : null,
        connections: new Set(),
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
