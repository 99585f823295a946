import type { ActivityEvent } from '../../../src'
import { OnlineStatusIndicator } from '../../../src/components'
import { useActivity } from '../../../src/hooks'
import { DemoCard, Readout, show, Timestamp } from './Readout'

export type ActivityDemoProps = {
  /** The hook's `limit`: at most this many entries, 1–200. Default 50 (the backend's). */
  limit?: number
  /** The hook's `filter`: `friends` shows the signed-in user's friends only. Default `all`. */
  filter?: 'all' | 'friends'
  /** The hook's `refetchDelayMs`: how long after a status change the timeline is fetched again. Default 1 000. */
  refetchDelayMs?: number
}

const WORDS: Record<ActivityEvent, string> = { online: 'came online', away: 'went away', dnd: 'is busy', offline: 'went offline' }

/** The activity timeline from `useActivity`, newest first; it is fetched again when someone's status changes. */
export function ActivityDemo({ limit, filter = 'all', refetchDelayMs }: ActivityDemoProps) {
  const { data, isPending, isFetching, error, refetch } = useActivity({ limit, filter, refetchDelayMs })
  return (
    <DemoCard label="useActivity()">
      <Readout
        rows={[
          ['isPending', show(isPending)],
          ['isFetching', show(isFetching)],
          ['data.length', data ? data.length : 'undefined'],
        ]}
      />
      {error != null && (
        <div role="alert" className="pk:mt-3 pk:text-sm pk:text-presence-danger">
          Couldn't load the activity.{' '}
          <button type="button" onClick={() => void refetch()} className="pk:underline pk:focus-visible:outline-2 pk:focus-visible:outline-presence-accent">
            Try again
          </button>
        </div>
      )}
      <ol aria-label="Activity" className="pk:mt-3 pk:flex pk:max-h-72 pk:flex-col pk:gap-1 pk:overflow-y-auto pk:text-sm">
        {data?.map((entry) => (
          <li key={`${entry.user.id}-${entry.at}-${entry.event}`} data-event={entry.event} className="pk:flex pk:items-center pk:gap-2">
            <OnlineStatusIndicator status={entry.event} label="" aria-hidden />
            <span className="pk:min-w-0 pk:flex-1 pk:truncate">
              {entry.user.username ?? `User ${entry.user.id}`} {WORDS[entry.event]}
            </span>
            <span className="pk:text-xs pk:text-presence-muted">
              <Timestamp at={entry.at} />
            </span>
          </li>
        ))}
      </ol>
    </DemoCard>
  )
}
