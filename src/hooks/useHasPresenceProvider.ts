'use client'
import { useContext } from 'react'
import { PresenceContext } from '../provider/PresenceContext'

/**
 * Whether the caller is inside `<UserStatusProvider>`: for a component that follows presence live inside one and
 * shows the data it was given outside it. Never throws.
 *
 * @example
 * import { useHasPresenceProvider } from 'presence-kit'
 *
 * function Peer({ user }: { user: Presence }) {
 *   return useHasPresenceProvider() ? <LivePeer id={user.id} /> : <span>{user.username}</span>
 * }
 */
export function useHasPresenceProvider(): boolean {
  return useContext(PresenceContext) !== null
}
