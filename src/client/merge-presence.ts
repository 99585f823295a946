import type { Presence, PresencePatch } from './presence'
import type { PresenceStatus } from './presence-status'

function nextStatus(base: Presence | undefined, patch: PresencePatch): PresenceStatus {
  if (patch.status !== undefined) return patch.status
  if (patch.isOnline === undefined) return base?.status ?? 'offline'
  if (!patch.isOnline) return 'offline'
  // "Online" from a backend that knows no modes must not turn a known `away` or `dnd` back into `online`.
  return base && base.status !== 'offline' ? base.status : 'online'
}

/**
 * Applies what a message told about a user onto what was known. Fields absent from the patch keep their value;
 * a user seen for the first time starts from empty values and `offline`. Returns `base` itself when nothing
 * changed, so that selectors comparing by identity see no change and nothing re-renders.
 *
 * @example
 * const known = mergePresence(undefined, { id: '2', username: 'jane_smith', status: 'away' })
 * mergePresence(known, { id: '2', isOnline: true }) === known // true: still away, nothing changed
 * mergePresence(known, { id: '2', isOnline: false }).status  // 'offline'
 */
export function mergePresence(base: Presence | undefined, patch: PresencePatch): Presence {
  const status = nextStatus(base, patch)
  const next: Presence = {
    id: patch.id,
    username: patch.username !== undefined ? patch.username : (base?.username ?? null),
    profileImage: patch.profileImage !== undefined ? patch.profileImage : (base?.profileImage ?? null),
    status,
    isOnline: status !== 'offline',
    statusMessage: patch.statusMessage !== undefined ? patch.statusMessage : (base?.statusMessage ?? null),
    lastSeen: patch.lastSeen !== undefined ? patch.lastSeen : (base?.lastSeen ?? null),
  }
  return base && samePresence(base, next) ? base : next
}

/**
 * Whether two records say the same thing, field by field.
 *
 * @example
 * samePresence(a, { ...a }) // true
 */
export function samePresence(a: Presence, b: Presence): boolean {
  return (
    a.id === b.id &&
    a.username === b.username &&
    a.profileImage === b.profileImage &&
    a.status === b.status &&
    a.isOnline === b.isOnline &&
    a.statusMessage === b.statusMessage &&
    a.lastSeen === b.lastSeen
  )
}
