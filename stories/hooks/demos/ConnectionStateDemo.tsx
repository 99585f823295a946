import { useConnectionState } from '../../../src/hooks'
import { DemoCard, Readout, Timestamp } from './Readout'

export type ConnectionStateDemoProps = {
  /**
   * The text of the button that calls the hook's `retryNow()` (shown while a retry is waiting, or while polling).
   * The hook itself takes no options: the connection is the provider's. Default "Retry now".
   */
  retryLabel?: string
}

/** The provider's connection from `useConnectionState`: socket state, transport, next retry, the backend's socket and poll interval, and `retryNow()`. */
export function ConnectionStateDemo({ retryLabel = 'Retry now' }: ConnectionStateDemoProps) {
  const { state, transport, nextRetryAt, hasSocket, pollIntervalMs, retryNow } = useConnectionState()
  return (
    <DemoCard label="useConnectionState()">
      <div role="status">
        <Readout
          rows={[
            ['state', state],
            ['transport', transport],
            ['nextRetryAt', <Timestamp at={nextRetryAt} />],
            ['hasSocket', String(hasSocket)],
            ['pollIntervalMs', pollIntervalMs],
          ]}
        />
      </div>
      {(nextRetryAt !== null || transport === 'polling') && (
        <button
          type="button"
          onClick={retryNow}
          className="pk:mt-3 pk:rounded-md pk:border pk:border-presence-border pk:px-2 pk:py-1 pk:text-sm pk:hover:bg-presence-fg/10 pk:focus-visible:outline-2 pk:focus-visible:outline-presence-accent"
        >
          {retryLabel}
        </button>
      )}
    </DemoCard>
  )
}
