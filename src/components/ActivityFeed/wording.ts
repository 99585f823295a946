import type { ActivityEntry, ActivityEvent } from '../../index'

/** What each activity event says after the username. */
export const ACTIVITY_WORDS: Record<ActivityEvent, string> = {
  online: 'came online',
  away: 'went away',
  dnd: 'is busy',
  offline: 'went offline',
}

/** The name an entry uses for its user: the username, else "User 7". */
export const activityName = (user: ActivityEntry['user']): string => user.username ?? `User ${user.id}`

/**
 * One entry in words, without its time.
 *
 * @example
 * describeActivity({ user: { id: '2', username: 'jane_smith' }, event: 'dnd', at }) // 'jane_smith is busy'
 */
export function describeActivity(entry: Pick<ActivityEntry, 'user' | 'event'>): string {
  return `${activityName(entry.user)} ${ACTIVITY_WORDS[entry.event]}`
}

/**
 * React keys for entries, which have no id of their own: user, event and time, with a counter for the rare exact
 * repeat.
 *
 * @example
 * activityKeys(entries) // ['1700000000000:2:online', ...]
 */
export function activityKeys(entries: readonly ActivityEntry[]): string[] {
  const seen = new Map<string, number>()
  return entries.map((entry) => {
    const base = `${entry.at}:${entry.user.id}:${entry.event}`
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    return count === 0 ? base : `${base}:${count}`
  })
}
