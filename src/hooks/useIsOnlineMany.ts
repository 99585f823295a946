'use client'
import { useCallback, useMemo, useSyncExternalStore } from 'react'
import { usePresenceContext } from '../provider/PresenceContext'
import { userKey } from './user-key'

const FLAG = { '1': true, '0': false, '-': null } as const

/**
 * Whether each of these users is online, in their order: `true`, `false`, or `null` for a user the kit has not heard
 * of (so that the caller can fall back on data of its own, such as a conversation's peer). The same array until one
 * of the answers changes: going from online to away, or a new status message, re-renders nothing; a change to
 * anyone else is not even looked at (it subscribes to these users alone).
 *
 * @example
 * import { useIsOnlineMany } from 'presence-kit'
 *
 * function OnlineCount({ memberIds }: { memberIds: string[] }) {
 *   const online = useIsOnlineMany(memberIds)
 *   return <span>{online.filter(Boolean).length} online</span>
 * }
 */
export function useIsOnlineMany(userIds: readonly (string | number)[]): readonly (boolean | null)[] {
  const { runtime } = usePresenceContext('useIsOnlineMany')
  const { users } = runtime.store
  // A string key, so that an inline array does not resubscribe on every render.
  // A missing, blank or NaN id is nobody (`null`, never followed), not the user "undefined".
  const key = JSON.stringify(userIds.map(userKey))
  const subscribe = useCallback(
    (notify: () => void) => {
      const offs = (JSON.parse(key) as (string | null)[]).flatMap((id) => (id === null ? [] : [users.subscribe(id, notify)]))
      return () => offs.forEach((off) => off())
    },
    [users, key],
  )
  // One character per user: a string compares by value, so an unchanged answer re-renders nothing.
  const flags = useCallback(
    () =>
      (JSON.parse(key) as (string | null)[])
        .map((id) => {
          const user = id === null ? undefined : users.get(id)
          return user ? (user.isOnline ? '1' : '0') : '-'
        })
        .join(''),
    [users, key],
  )
  const answer = useSyncExternalStore(subscribe, flags, flags)
  return useMemo(() => Array.from(answer, (flag) => FLAG[flag as keyof typeof FLAG]), [answer])
}
