import type { DeviceKind, OwnStatus, PresenceTiming, PresenceView, UserRecord, VisibleStatus } from './types'

const inGrace = (user: UserRecord, now: number) => user.connections.size === 0 && user.graceUntil !== null && now < user.graceUntil

// A whole duration in milliseconds: a day and ten seconds is never "ten seconds".
const restActive = (user: UserRecord, now: number, timing: PresenceTiming) => user.restAt !== null && now - user.restAt < timing.ttlMs

/** Connected (a socket open, or within the grace period) or recently active over REST. */
export function isPresent(user: UserRecord, now: number, timing: PresenceTiming): boolean {
  return user.connections.size > 0 || inGrace(user, now) || restActive(user, now, timing)
}

/**
 * Idle (section 6.1): present, and every source of presence that keeps the user so is idle: each open
 * connection reported idle (a grace period keeps the word of the connection that closed last), and the REST
 * presence has expired or was last reported idle.
 */
export function isIdle(user: UserRecord, now: number, timing: PresenceTiming): boolean {
  if (!isPresent(user, now, timing)) return false
  for (const connection of user.connections.values()) if (!connection.idle) return false
  if (inGrace(user, now) && !user.grace?.idle) return false
  return !restActive(user, now, timing) || user.restIdle
}

/** The kinds of the user's open connections, sorted and distinct; in the grace period, the one that closed last. */
export function devicesOf(user: UserRecord, now: number): DeviceKind[] {
  if (user.connections.size === 0) return inGrace(user, now) && user.grace ? [user.grace.device] : []
  return [...new Set([...user.connections.values()].map((c) => c.device))].sort()
}

/**
 * The moments at which the user's view may change without anyone asking: REST presence, the grace period and
 * the status message running out. Those already past are returned too (`evaluate()` runs them in order).
 */
export function deadlinesOf(user: UserRecord, timing: PresenceTiming): Array<{ at: number; kind: 'rest' | 'grace' | 'message' }> {
  const out: Array<{ at: number; kind: 'rest' | 'grace' | 'message' }> = []
  const restEnd = user.restAt === null ? null : user.restAt + timing.ttlMs
  // REST presence without a TTL never runs out by itself, and outlasts any grace period.
  if (restEnd !== null && restEnd !== Infinity) out.push({ at: restEnd, kind: 'rest' })
  if (user.graceUntil !== null && user.connections.size === 0 && restEnd !== Infinity) out.push({ at: user.graceUntil, kind: 'grace' })
  if (user.statusExpiresAt !== null) out.push({ at: user.statusExpiresAt, kind: 'message' })
  return out
}

export function ownStatus(user: UserRecord, now: number, timing: PresenceTiming): OwnStatus {
  if (!isPresent(user, now, timing)) return 'offline'
  switch (user.mode) {
    case 'auto':
      // After offline, invisible and a chosen away or dnd: only `auto` turns idle into away.
      return isIdle(user, now, timing) ? 'away' : 'online'
    case 'away':
    case 'dnd':
    case 'invisible':
      return user.mode
    default:
      return user.mode satisfies never
  }
}

export function visibleStatus(user: UserRecord, now: number, timing: PresenceTiming): VisibleStatus {
  const status = ownStatus(user, now, timing)
  return status === 'invisible' ? 'offline' : status
}

const autoAway = (user: UserRecord, now: number, timing: PresenceTiming) =>
  user.mode === 'auto' && isIdle(user, now, timing)

/** The user as they see themselves (and as admins see them). */
export function ownView(user: UserRecord, now: number, timing: PresenceTiming): PresenceView {
  const status = ownStatus(user, now, timing)
  return {
    status,
    statusMessage: user.statusMessage,
    statusExpiresAt: user.statusMessage === null ? null : user.statusExpiresAt,
    lastSeen: user.lastActivity,
    idle: status !== 'offline' && autoAway(user, now, timing),
    devices: status === 'offline' ? [] : devicesOf(user, now),
  }
}

/** The user as everybody else sees them: an invisible user is offline, silent and frozen in time. */
export function othersView(user: UserRecord, now: number, timing: PresenceTiming): PresenceView {
  const invisible = user.mode === 'invisible'
  const status = visibleStatus(user, now, timing)
  const message = invisible ? null : user.statusMessage
  const shown = status !== 'offline'
  return {
    status,
    statusMessage: message,
    statusExpiresAt: message === null ? null : user.statusExpiresAt,
    lastSeen: invisible ? user.frozenLastSeen : user.lastActivity,
    idle: shown && autoAway(user, now, timing),
    devices: shown ? devicesOf(user, now) : [],
  }
}

/** What makes a change worth announcing: everything in a view but its last seen (section 4). */
export function viewKey(view: PresenceView): string {
  return JSON.stringify([view.status, view.statusMessage, view.statusExpiresAt, view.idle, view.devices])
}
