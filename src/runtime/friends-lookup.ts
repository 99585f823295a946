import type { PresenceRestClient } from '../client'
import type { PresenceStore, UsersTable } from '../store'

/**
 * What one friends lookup settled. The backend lists only the friends who are online (
 * `GET /api/users/online/?filter=friends`), so an absent user is a friend who is offline or not a friend at all.
 *
 * @example
 * const isFriend = (id: string) => friends.friendIds.has(id)
 */
export interface FriendsSnapshot {
  /** The caller's friends who were online when asked. */
  readonly friendIds: ReadonlySet<string>
  /**
   * Everyone whose friendship the answer settles: the friends listed, and everyone the store had online when the
   * question was asked who is not listed (not a friend). Someone who comes online later is unknown until asked again.
   */
  readonly knownIds: ReadonlySet<string>
}

/**
 * Asks the backend which online users are the caller's friends. The store's online users are read before asking,
 * so that a user who comes online while the request is out counts as unknown (and is asked about again), never as
 * "not a friend".
 *
 * @example
 * const friends = await lookUpFriends(rest, store, signal)
 */
export async function lookUpFriends(rest: PresenceRestClient, store: PresenceStore, signal?: AbortSignal): Promise<FriendsSnapshot> {
  const onlineBefore = [...store.users.online]
  const answer = await rest.onlineFriends({ signal })
  const friendIds = new Set(answer.users.map((user) => user.id))
  return { friendIds, knownIds: new Set([...onlineBefore, ...friendIds]) }
}

/**
 * Whether someone is online whose friendship a lookup did not settle (so it is time to ask again).
 *
 * @example
 * if (hasUnknownOnline(store.users, friends, store.getState().self)) void refetch()
 */
export function hasUnknownOnline(users: UsersTable, friends: FriendsSnapshot, self: string | null): boolean {
  for (const id of users.online) if (id !== self && !friends.knownIds.has(id)) return true
  return false
}
