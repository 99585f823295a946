import type { Presence, PresencePatch } from './presence'
import type { PresenceStatus } from './presence-status'

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

const NO_DEVICES: readonly never[] = Object.freeze([])

const sameDevices = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
  a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((kind, i) => kind === b[i]))

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
  const next: Mutable<Presence> = {
    id: patch.id,
    username: patch.username !== undefined ? patch.username : (base?.username ?? null),
    profileImage: patch.profileImage !== undefined ? patch.profileImage : (base?.profileImage ?? null),
    status,
    isOnline: status !== 'offline',
    statusMessage: patch.statusMessage !== undefined ? patch.statusMessage : (base?.statusMessage ?? null),
    lastSeen: patch.lastSeen !== undefined ? patch.lastSeen : (base?.lastSeen ?? null),
  }
  // The version 2 fields exist only once a backend sent them, so that records of a backend without them stay as
  // they were. An offline user is neither idle nor on any device (contract 6.1, 6.2), whatever came before.
  const idle = patch.idle !== undefined ? patch.idle : base?.idle
  if (idle !== undefined) next.idle = status === 'offline' ? false : idle
  const devices = patch.devices !== undefined ? patch.devices : base?.devices
  if (devices !== undefined) next.devices = status === 'offline' ? NO_DEVICES : devices
  const expires = patch.statusExpiresAt !== undefined ? patch.statusExpiresAt : next.statusMessage === base?.statusMessage ? base?.statusExpiresAt : undefined
  // A message whose expiry is not said keeps it only while it is the same message (contract 6.3: a new message
  // without one clears it); no message, nothing to expire.
  if (expires !== undefined) next.statusExpiresAt = next.statusMessage === null ? null : expires
  else if (base?.statusExpiresAt !== undefined && next.statusMessage !== base.statusMessage) next.statusExpiresAt = null
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
    a.lastSeen === b.lastSeen &&
    a.idle === b.idle &&
    a.statusExpiresAt === b.statusExpiresAt &&
    sameDevices(a.devices, b.devices)
  )
}
