import { useEffect, type ReactNode } from 'react'
import { UserStatusProvider, usePresenceRuntime, type PresenceRuntime } from '../../../src'

/** The runtime of the last mounted {@link StoreOnlyProvider}. */
export const held: { runtime: PresenceRuntime | null } = { runtime: null }

/** The store of the last mounted {@link StoreOnlyProvider}, for a test to fill directly. */
export function store() {
  if (!held.runtime) throw new Error('no StoreOnlyProvider is mounted')
  return held.runtime.store
}

function Hold() {
  const runtime = usePresenceRuntime()
  useEffect(() => {
    held.runtime = runtime
  }, [runtime])
  return null
}

/** A provider with no token, so no network: its store is the test's to fill (`store().getState().applyChanges`). */
export function StoreOnlyProvider({ children }: { children?: ReactNode }) {
  return (
    <UserStatusProvider token={null}>
      <Hold />
      {children}
    </UserStatusProvider>
  )
}
