'use client'
import { useCallback, useMemo, useSyncExternalStore } from 'react'
import { usePresenceContext } from '../provider/PresenceContext'

const FLAG = { '1': true, '0': false, '-': null } as const

/**
 * Whether each of these users is online, in their order: `true`, `false`, or `null` for a user the kit has not heard
 * of (so that the caller can fall back on data of its own, such as a conversation's peer). The same array until one
 * of the answers changes: going from online to away, or a new status message, re-renders nothing.
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
  // One character per user: a string compares by value, so the store's change to anyone else re-renders nothing.
  const { users } = runtime.store
  const subscribe = useCallback((listener: () => void) => users.subscribeChanges(() => listener()), [users])
  const read = useCallback(
    () => userIds.map((id) => { const user = users.get(id); return user ? (user.isOnline ? '1' : '0') : '-' }).join(''),
    [users, userIds],
  )
  const flags = useSyncExternalStore(subscribe, read, read)
  return useMemo(() => Array.from(flags, (flag) => FLAG[flag as keyof typeof FLAG]), [flags])
}
