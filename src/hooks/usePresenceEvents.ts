'use client'
import { useEffect, useEffectEvent } from 'react'
import type { Presence } from '../client'
import { usePresenceContext } from '../provider/PresenceContext'

/**
 * Options of {@link usePresenceEvents}.
 *
 * @example
 * const options: PresenceEventsOptions = { userIds: [2, 5], onOnline: (user) => toast(`${user.username} is online`) }
 */
export interface PresenceEventsOptions {
  /** Someone went from offline to online (any of online, away, dnd). */
  onOnline?(user: Presence): void
  /** Someone went from online to offline. */
  onOffline?(user: Presence): void
  /** Only these users. Default: everyone but the signed-in user. */
  userIds?: Array<string | number>
}

/**
 * Calls back when a user comes online or goes offline, for join notifications. Only real
 * transitions: nothing for the first list of who is online, nor for a reconnect's list where nothing changed. The
 * callbacks need not be memoised: the latest ones are called, without resubscribing.
 *
 * @example
 * function JoinToasts({ favourites }: { favourites: number[] }) {
 *   usePresenceEvents({
 *     userIds: favourites,
 *     onOnline: (user) => toast(`${user.username} is online`),
 *   })
 *   return null
 * }
 */
export function usePresenceEvents(options: PresenceEventsOptions): void {
  const { runtime } = usePresenceContext('usePresenceEvents')
  const onOnline = useEffectEvent((user: Presence) => options.onOnline?.(user))
  const onOffline = useEffectEvent((user: Presence) => options.onOffline?.(user))
  // A string, so that an inline array does not resubscribe on every render.
  const idsKey = options.userIds ? JSON.stringify(options.userIds.map(String)) : null

  useEffect(() => {
    const ids = idsKey === null ? null : new Set(JSON.parse(idsKey) as string[])
    return runtime.store.users.subscribeChanges(({ changes, baseline }) => {
      // The first list after a start is a baseline, not news; a clear (token gone) is not news either.
      if (baseline) return
      const { self } = runtime.store.getState()
      for (const { id, user: now, previous: before } of changes) {
        if (!now || (ids ? !ids.has(id) : id === self)) continue
        const was = before?.isOnline ?? false
        if (now.isOnline && !was) onOnline(now)
        else if (!now.isOnline && was) onOffline(now)
      }
    })
  }, [runtime, idsKey])
}
