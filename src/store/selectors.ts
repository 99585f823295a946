import type { Presence } from '../client'
import type { PresenceState } from './presence-store'
import { Transport } from './runtime-status'
import type { UsersTable } from './users-table'

/**
 * How presence reaches this tab, from the connection: the socket while it is open, else polling while a poll runs,
 * else nothing.
 *
 * @example
 * useStore(runtime.store, selectTransport) // 'polling'
 */
export const selectTransport = (state: PresenceState): Transport =>
  state.connection.state === 'open' ? Transport.Socket : state.connection.polling ? Transport.Polling : Transport.None

/**
 * Which online users a list shows.
 *
 * @example
 * const options: OnlineUsersOptions = { ids: friendIds, includeSelf: false }
 */
export interface OnlineUsersOptions {
  /** Keeps only these users (e.g. friends). */
  ids?: Iterable<string | number>
  /** Whether the signed-in user is listed. Default `false`. */
  includeSelf?: boolean
}

const collator = new Intl.Collator('en', { numeric: true })

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index])
}

/**
 * A selector of the online users' records, ordered by id, read from the table's online index (never a scan of
 * everyone known). It recomputes only when the index's version or the signed-in user changed, and returns the
 * previous array itself when the result holds the same records, so a list does not re-render when someone outside
 * it changes. Create one per list (`useMemo` in React) and subscribe with `users.subscribeOnline`.
 *
 * @example
 * const select = selectOnlineUsers({ ids: friendIds })
 * select(store.users, store.getState().self) // Presence[]
 */
export function selectOnlineUsers(options: OnlineUsersOptions = {}): (users: UsersTable, self: string | null) => readonly Presence[] {
  const only = options.ids ? new Set([...options.ids].map(String)) : null
  let lastTable: UsersTable | undefined
  let lastVersion = -1
  let lastSelf: string | null | undefined
  let result: readonly Presence[] = []
  return (users, self) => {
    if (users === lastTable && users.onlineVersion === lastVersion && self === lastSelf) return result
    lastTable = users
    lastVersion = users.onlineVersion
    lastSelf = self
    const next: Presence[] = []
    const ids = only && only.size < users.online.size ? only : users.online
    for (const id of ids) {
      if ((id === self && !options.includeSelf) || (only && !only.has(id))) continue
      const user = users.get(id)
      if (user?.isOnline) next.push(user)
    }
    next.sort((a, b) => collator.compare(a.id, b.id))
    if (!sameItems(next, result)) result = next
    return result
  }
}
