import type { OwnStatus, PresenceTiming, PresenceView, UserRecord, VisibleStatus } from './types'

/** Connected (a socket open, or within the grace period) or recently active over REST. */
export function isPresent(user: UserRecord, now: number, timing: PresenceTiming): boolean {
  if (user.connections.size > 0) return true
  if (user.graceUntil !== null && now < user.graceUntil) return true
  // A whole duration in milliseconds: a day and ten seconds is never "ten seconds".
  return user.restAt !== null && now - user.restAt < timing.ttlMs
}

/** When presence runs out if nothing else happens; null while a socket is open or when it already has. */
export function presentUntil(user: UserRecord, timing: PresenceTiming): number | null {
  if (user.connections.size > 0) return null
  const restEnd = user.restAt === null ? null : user.restAt + timing.ttlMs
  // REST presence without a TTL never runs out by itself: nothing to schedule, whatever the grace period says.
  if (restEnd === Infinity) return null
  const ends = [user.graceUntil, restEnd].filter((t): t is number => t !== null)
  return ends.length ? Math.max(...ends) : null
}

export function ownStatus(user: UserRecord, now: number, timing: PresenceTiming): OwnStatus {
  if (!isPresent(user, now, timing)) return 'offline'
  switch (user.mode) {
    case 'auto':
      return 'online'
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

/** The user as they see themselves (and as admins see them). */
export function ownView(user: UserRecord, now: number, timing: PresenceTiming): PresenceView {
  return { status: ownStatus(user, now, timing), statusMessage: user.statusMessage, lastSeen: user.lastActivity }
}

/** The user as everybody else sees them: an invisible user is offline, silent and frozen in time. */
export function othersView(user: UserRecord, now: number, timing: PresenceTiming): PresenceView {
  const invisible = user.mode === 'invisible'
  return {
    status: visibleStatus(user, now, timing),
    statusMessage: invisible ? null : user.statusMessage,
    lastSeen: invisible ? user.frozenLastSeen : user.lastActivity,
  }
}

export function viewKey(view: PresenceView): string {
  return `${view.status}\u0000${view.statusMessage ?? ''}\u0000${view.statusMessage === null ? 0 : 1}`
}
