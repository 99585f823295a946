'use client'
import { useCallback, useSyncExternalStore } from 'react'
import { usePresenceContext } from '../provider/PresenceContext'
import { visibilityManager } from '../runtime'

/**
 * Whether the page is visible, as the provider sees it (the document's visibility, unless the app gave the provider
 * a `visibility` of its own): the heartbeat pauses while it is hidden, and a toast can wait for the user to look.
 * `true` on the server.
 *
 * @example
 * import { usePageVisible } from 'presence-kit'
 *
 * function Unread({ count }: { count: number }) {
 *   const visible = usePageVisible()
 *   return visible ? null : <title>({count}) Messages</title>
 * }
 */
export function usePageVisible(): boolean {
  const { runtime } = usePresenceContext('usePageVisible')
  const visibility = runtime.options.visibility ?? visibilityManager
  const subscribe = useCallback((notify: () => void) => visibility.subscribe(notify), [visibility])
  return useSyncExternalStore(subscribe, () => visibility.isVisible(), () => true)
}
