import { useHeartbeat } from '../../../src/hooks'
import { DemoCard, Readout, show, Timestamp } from './Readout'

export type HeartbeatDemoProps = {
  /**
   * The hook's `endpoint`: without a provider, the heartbeat URL (an app may post to its own same-origin route, such as `/api/chat/heartbeat`).
   * Inside a provider the provider's heartbeat endpoint is used. Default none.
   */
  endpoint?: string
  /** The hook's `intervalMs`: between two beats, without a provider (inside one, its `heartbeatIntervalMs`). Default 120 000. */
  intervalMs?: number
  /** The hook's `enabled`: `false` only observes (without a provider it sends nothing). Default `true`. */
  enabled?: boolean
  /** The hook's `onAuthError`: a beat was refused with a 401 (inside a provider: the token was refused anywhere). */
  onAuthError?: () => void
}

/** The heartbeat from `useHeartbeat`: its state, the last beat, and whether this tab is the one that beats. */
export function HeartbeatDemo({ endpoint, intervalMs, enabled, onAuthError }: HeartbeatDemoProps) {
  const { state, lastBeatAt, isLeader } = useHeartbeat({ endpoint, intervalMs, enabled, onAuthError })
  return (
    <DemoCard label={endpoint ? `useHeartbeat({ endpoint: "${endpoint}" })` : 'useHeartbeat()'}>
      <Readout
        rows={[
          ['state', state],
          ['lastBeatAt', <Timestamp at={lastBeatAt} />],
          ['isLeader', show(isLeader)],
        ]}
      />
    </DemoCard>
  )
}
