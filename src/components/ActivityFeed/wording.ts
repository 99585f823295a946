import { en } from '../../i18n'
import type { ActivityEntry, Messages } from '../../index'

/** The name an entry uses for its user: the username, else "User 7" (in `messages`' language). */
export const activityName = (user: ActivityEntry['user'], messages: Messages = en): string => user.username ?? messages.userName(user.id)

/**
 * One entry in words, without its time, in `messages`' language (default English).
 *
 * @example
 * describeActivity({ user: { id: '2', username: 'jane_smith' }, event: 'dnd', at }) // 'jane_smith is busy'
 */
export function describeActivity(entry: Pick<ActivityEntry, 'user' | 'event'>, messages: Messages = en): string {
  return messages.activityFeed.events[entry.event](activityName(entry.user, messages)).join('')
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
