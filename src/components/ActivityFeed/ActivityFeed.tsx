'use client'

import { memo, useId, type ComponentPropsWithoutRef } from 'react'
import { useActivity } from '../../hooks/useActivity'
import { useRelativeTime } from '../../hooks/useRelativeTime'
import type { ActivityEntry } from '../../index'
import { cn } from '../../lib/cn'
import { OnlineStatusIndicator } from '../OnlineStatusIndicator'
import { activityKeys, activityName, ACTIVITY_WORDS } from './wording'

export type ActivityFeedState = 'loading' | 'error' | 'empty' | 'ready'

export interface ActivityFeedProps extends Omit<ComponentPropsWithoutRef<'section'>, 'title' | 'children'> {
  /** At most this many entries, newest first (1–200). Default 20. */
  limit?: number
  /** `friends` shows the signed-in user's friends only. Default `all`. */
  filter?: 'all' | 'friends'
  /** The heading. Default "Recent activity". */
  title?: string
}

const SKELETONS = 4

/**
 * The activity timeline (seed 001, enhancement 5): who came online, went away, is busy or went offline, newest
 * first, each with the status dot of the event and a relative time on the server's clock ("2 minutes ago", in a
 * `<time dateTime>`). It refreshes when someone's status changes. Loading, empty and error-with-retry states. Needs
 * `<UserStatusProvider>`.
 *
 * @example
 * <ActivityFeed limit={10} filter="friends" title="Friends' activity" />
 */
export function ActivityFeed({ limit = 20, filter = 'all', title = 'Recent activity', className, ...rest }: ActivityFeedProps) {
  const titleId = useId()
  const size = Math.min(200, Math.max(1, Math.floor(limit) || 1))
  const { data, isError, isFetching, refetch } = useActivity({ limit: size, filter })
  const state: ActivityFeedState = data ? (data.length === 0 ? 'empty' : 'ready') : isError ? 'error' : 'loading'
  const keys = data ? activityKeys(data) : []

  return (
    <section
      aria-labelledby={titleId}
      aria-busy={state === 'loading' || undefined}
      data-slot="activity-feed"
      data-state={state}
      className={cn(
        'w-full max-w-md rounded-(--radius-presence-card) border border-presence-border bg-presence-surface p-4 text-presence-fg',
        className,
      )}
      {...rest}
    >
      <h2 id={titleId} className="mb-3 text-base font-semibold">
        {title}
      </h2>

      {state === 'loading' && (
        <>
          <p role="status" className="sr-only">
            Loading activity…
          </p>
          <ul aria-hidden className="flex flex-col gap-3">
            {Array.from({ length: Math.min(SKELETONS, size) }, (_, i) => (
              <li key={i} className="flex items-center gap-3">
                <span className="size-3 shrink-0 animate-pulse rounded-full bg-presence-border motion-reduce:animate-none" />
                <span className="h-3 flex-1 animate-pulse rounded bg-presence-border motion-reduce:animate-none" />
                <span className="h-3 w-16 animate-pulse rounded bg-presence-border motion-reduce:animate-none" />
              </li>
            ))}
          </ul>
        </>
      )}

      {state === 'error' && (
        <div role="alert" data-slot="activity-feed-error" className="flex flex-col items-start gap-3 text-sm">
          <p>Couldn't load the activity.</p>
          <button
            type="button"
            aria-disabled={isFetching || undefined}
            onClick={() => {
              if (!isFetching) void refetch()
            }}
            className="rounded-md bg-presence-accent px-3 py-1.5 font-semibold text-presence-surface hover:bg-presence-accent/90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-presence-accent aria-disabled:opacity-60"
          >
            {isFetching ? 'Trying again…' : 'Try again'}
          </button>
        </div>
      )}

      {state === 'empty' && (
        <p data-slot="activity-feed-empty" className="text-sm text-presence-muted">
          {filter === 'friends' ? 'No activity from your friends yet.' : 'No activity yet.'}
        </p>
      )}

      {state === 'ready' && (
        <ol className="ms-1.5 flex flex-col border-s border-presence-border">
          {data!.map((entry, i) => (
            <ActivityRow key={keys[i]} entry={entry} />
          ))}
        </ol>
      )}
    </section>
  )
}

const ActivityRow = memo(function ActivityRow({ entry }: { entry: ActivityEntry }) {
  const ago = useRelativeTime(entry.at)
  return (
    <li data-slot="activity-entry" data-status={entry.event} className="relative flex items-baseline gap-3 py-1.5 ps-5 text-sm">
      <OnlineStatusIndicator
        status={entry.event}
        aria-hidden
        className="absolute -start-[6.5px] top-2.5 ring-2 ring-presence-surface"
      />
      {/* The English sentence keeps its order in a right-to-left page (outer <bdi>), and so does a name (inner). */}
      <p className="min-w-0 flex-1 break-words">
        <bdi>
          <bdi className="font-medium">{activityName(entry.user)}</bdi> {ACTIVITY_WORDS[entry.event]}
        </bdi>
      </p>
      {/* `dir="auto"`: "2 minutes ago" keeps its order inside a right-to-left page. */}
      <time dateTime={new Date(entry.at).toISOString()} dir="auto" className="shrink-0 text-xs text-presence-muted">
        {ago}
      </time>
    </li>
  )
})
