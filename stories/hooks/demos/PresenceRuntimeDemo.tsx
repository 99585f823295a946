import { useState, useSyncExternalStore } from 'react'
import { useStore } from 'zustand'
import { usePresenceRuntime } from '../../../src/hooks'
import { DemoCard, Readout, show } from './Readout'

export type PresenceRuntimeDemoProps = {
  /** The `limit` of the REST call the button makes through the runtime, `runtime.activity({ limit })`. Default 5. */
  activityLimit?: number
}

const buttonClass =
  'pk:rounded-md pk:border pk:border-presence-border pk:px-2 pk:py-1 pk:text-sm pk:hover:bg-presence-fg/10 pk:focus-visible:outline-2 pk:focus-visible:outline-presence-accent'

/**
 * The escape hatch: `usePresenceRuntime()` hands over the provider's
 * runtime: its zustand stores, its REST client, its socket.
 */
export function PresenceRuntimeDemo({ activityLimit = 5 }: PresenceRuntimeDemoProps) {
  const runtime = usePresenceRuntime()
  const known = useSyncExternalStore(runtime.store.users.subscribeOnline, () => runtime.store.users.size)
  const self = useStore(runtime.store, (state) => state.self)
  const lifecycle = useStore(runtime.store, (state) => state.lifecycle)
  const [answer, setAnswer] = useState<string | null>(null)

  const fetchActivity = async () => {
    setAnswer('Asking…')
    try {
      const entries = await runtime.activity({ limit: activityLimit })
      const newest = entries[0]
      setAnswer(`${entries.length} entries${newest ? `, newest: ${newest.user.username ?? newest.user.id} ${newest.event}` : ''}`)
    } catch (error) {
      setAnswer(`Failed: ${error instanceof Error ? error.message : String(error)}`)
    }
  }

  return (
    <DemoCard label="usePresenceRuntime()">
      <Readout
        rows={[
          ['runtime.id', runtime.id],
          ['state.lifecycle', lifecycle],
          ['store.self', show(self)],
          ['store.users (known)', known],
        ]}
      />
      <div className="pk:mt-3 pk:flex pk:flex-wrap pk:gap-2">
        <button type="button" className={buttonClass} onClick={() => void fetchActivity()}>
          runtime.activity()
        </button>
        <button type="button" className={buttonClass} onClick={() => runtime.retryNow()}>
          runtime.retryNow()
        </button>
      </div>
      <p role="status" className="pk:mt-2 pk:text-sm">
        {answer}
      </p>
    </DemoCard>
  )
}
