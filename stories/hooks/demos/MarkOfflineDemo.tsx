import { useState } from 'react'
import { OnlineStatusIndicator } from '../../../src/components'
import { useConnectionState, useMarkOffline, useMyStatus } from '../../../src/hooks'
import { DemoCard, Readout } from './Readout'

export type MarkOfflineDemoProps = {
  /** The button's text. The hook takes no options. Default "Log out". */
  label?: string
  /** Called once `markOffline.mutateAsync()` has resolved: the socket is closed, the heartbeat stopped, mark-offline posted. */
  onMarkedOffline?: () => void
}

/**
 * The logout step with `useMarkOffline` (`POST /api/chat/mark-offline/`): the button calls `markOffline.mutateAsync()` (an app would then revoke the
 * session and set the provider's token to `null`). The readout shows the result through `useMyStatus` and
 * `useConnectionState`.
 */
export function MarkOfflineDemo({ label = 'Log out', onMarkedOffline }: MarkOfflineDemoProps) {
  const markOffline = useMarkOffline()
  const { status, user } = useMyStatus()
  const { state, transport } = useConnectionState()
  const [phase, setPhase] = useState<'idle' | 'pending' | 'done' | 'failed'>('idle')
  return (
    <DemoCard label="useMarkOffline()">
      <p className="pk:mb-3 pk:flex pk:items-center pk:gap-2">
        <OnlineStatusIndicator status={status} />
        <span className="pk:font-semibold">{user?.username ?? 'Me'}</span>
      </p>
      <Readout
        rows={[
          ['useMyStatus().status', status],
          ['connection', `${state} · ${transport}`],
        ]}
      />
      <button
        type="button"
        disabled={phase === 'pending' || phase === 'done'}
        onClick={async () => {
          setPhase('pending')
          try {
            await markOffline.mutateAsync()
          } catch {
            return setPhase('failed')
          }
          setPhase('done')
          onMarkedOffline?.()
        }}
        className="pk:mt-3 pk:rounded-md pk:border pk:border-presence-border pk:px-3 pk:py-1 pk:text-sm pk:hover:bg-presence-fg/10 pk:disabled:opacity-60 pk:focus-visible:outline-2 pk:focus-visible:outline-presence-accent"
      >
        {label}
      </button>
      <p role="status" className="pk:mt-2 pk:text-sm">
        {phase === 'pending' ? 'Marking you offline…' : phase === 'done' ? 'Marked offline.' : phase === 'failed' ? 'Could not mark you offline.' : ''}
      </p>
    </DemoCard>
  )
}
