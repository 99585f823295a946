import { mergePresence, type Presence, type PresencePatch } from '../client'

/**
 * Presence records keyed by user id. The object has no prototype, because ids come from the network: a user whose
 * id is `"__proto__"` or `"constructor"` is then just another key.
 *
 * @example
 * const users: Users = emptyUsers()
 * users['2']?.isOnline
 */
export type Users = Readonly<Record<string, Presence>>

/**
 * A new empty {@link Users}.
 *
 * @example
 * const users = emptyUsers()
 */
export function emptyUsers(): Users {
  return Object.create(null) as Users
}

const copy = (users: Users): Record<string, Presence> => Object.assign(Object.create(null) as Record<string, Presence>, users)

/**
 * Applies changes in order. Users who did not change keep their object; when nobody changed, the very same
 * `users` object comes back, so that nothing downstream is notified.
 *
 * @example
 * const next = mergeChanges(users, [{ id: '2', status: 'away' }])
 * next === users // only if user 2 was already away
 */
export function mergeChanges(users: Users, patches: readonly PresencePatch[]): Users {
  let next: Record<string, Presence> | null = null
  for (const patch of patches) {
    const current = (next ?? users)[patch.id]
    const merged = mergePresence(current, patch)
    if (merged === current) continue
    next ??= copy(users)
    next[patch.id] = merged
  }
  return next ?? users
}

/**
 * Options of a snapshot merge.
 *
 * @example
 * const options: SnapshotOptions = { includesSelf: false } // seed 001's list leaves the caller out
 */
export interface SnapshotOptions {
  /**
   * Whether the list can contain the caller. When it cannot (seed 001's `/api/users/online/`), the caller's own
   * record is left as it is instead of being taken for gone. Default `true`.
   */
  includesSelf?: boolean
}

/**
 * Merges a full list of who is online as a diff against what is known: listed users are merged (those who did not
 * change keep their object, so a reconnect does not make them flicker), users who are known but no longer listed
 * become `offline` — kept, not deleted, so their last seen survives.
 *
 * @example
 * const next = mergeSnapshot(users, [{ id: '2', isOnline: true }], { self: '3', includesSelf: true })
 */
export function mergeSnapshot(
  users: Users,
  patches: readonly PresencePatch[],
  options: SnapshotOptions & { self?: string | null } = {},
): Users {
  const listed = new Set<string>()
  for (const patch of patches) listed.add(patch.id)
  const keepSelf = options.includesSelf === false && options.self != null ? options.self : null
  const gone: PresencePatch[] = []
  for (const id in users) {
    if (listed.has(id) || id === keepSelf) continue
    if (users[id]!.status !== 'offline') gone.push({ id, status: 'offline' })
  }
  return mergeChanges(mergeChanges(users, patches), gone)
}
