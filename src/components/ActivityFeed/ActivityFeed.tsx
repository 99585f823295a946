'use client'

import { Fragment, memo, useId, type ComponentProps } from 'react'
import { useActivity } from '../../hooks/useActivity'
import { usePresenceMessages } from '../../hooks/usePresenceMessages'
import { useRelativeTime } from '../../hooks/useRelativeTime'
import type { ActivityEntry, PresenceQueryResult } from '../../index'
import { cn } from '../../lib/cn'
import { OnlineStatusIndicator } from '../OnlineStatusIndicator'
import { useFocusRescue } from '../use-focus-rescue'
import { useOwnRef } from '../use-own-ref'
import { activityKeys, activityName } from './wording'

export type ActivityFeedState = 'loading' | 'error' | 'empty' | 'ready'

export interface ActivityFeedProps extends Omit<ComponentProps<'section'>, 'title' | 'children'> {
  /** At most this many entries, newest first (1–200). Default 20. */
  maxEntries?: number
  /** `friends` shows the signed-in user's friends only. Default `all`. */
  filter?: 'all' | 'friends'
  /** The heading; unset, the messages catalogue's, in the provider's language. @default Recent activity */
  title?: string
}

const SKELETONS = 4

/**
 * The activity timeline of `GET /api/users/activity/`: who came online, went away, is busy or went offline, newest
 * first, each with the status dot of the event and a relative time on the server's clock ("2 minutes ago", in a
 * `<time dateTime>`). It refreshes when someone's status changes. Loading, empty and error-with-retry states. Needs
 * `<UserStatusProvider>`.
 *
 * @example
 * <ActivityFeed maxEntries={10} filter="friends" title="Friends' activity" />
 */
export function ActivityFeed({ maxEntries = 20, filter = 'all', title: titleProp, className, ref: appRef, ...rest }: ActivityFeedProps) {
  const [root, ref] = useOwnRef(appRef)
  const titleId = useId()
  const words = usePresenceMessages().messages.activityFeed
  const title = titleProp ?? words.title
  const size = Math.min(200, Math.max(1, Math.floor(maxEntries) || 1))
  // React Query's own result (useActivity says so), whose `errorUpdateCount` outlives `isError`: a refetch without data
  // clears `isError` while it runs. So a retry keeps the error and its button, which has the focus, saying
  // "Retrying…", instead of the skeleton.
  const { data, isError, errorUpdateCount, isFetching, refetch } = useActivity({ limit: size, filter }) as PresenceQueryResult<ActivityEntry[]> & {
    errorUpdateCount: number
  }
  const state: ActivityFeedState = data ? (data.length === 0 ? 'empty' : 'ready') : isError || errorUpdateCount ? 'error' : 'loading'
  const keys = data ? activityKeys(data) : []
  // The focused "Try again" goes with the error: the focus goes to the feed, not to <body>.
  const rescue = useFocusRescue(state, () => root.current)

  return (
    <section
      ref={ref}
      aria-labelledby={titleId}
      aria-busy={state === 'loading' || undefined}
      data-slot="activity-feed"
      data-state={state}
      className={cn(
        'pk:w-full pk:max-w-md pk:rounded-(--pk-radius-presence-card) pk:border pk:border-presence-border pk:bg-presence-surface pk:p-4 pk:text-presence-fg',
        className,
      )}
      {...rest}
    >
      <h2 id={titleId} className="pk:mb-3 pk:text-base pk:font-semibold">
        {title}
      </h2>

      {state === 'loading' && (
        <>
          <p role="status" className="pk:sr-only">
            {words.loading}
          </p>
          <ul aria-hidden className="pk:flex pk:flex-col pk:gap-3">
            {Array.from({ length: Math.min(SKELETONS, size) }, (_, i) => (
              <li key={i} className="pk:flex pk:items-center pk:gap-3">
                <span className="pk:size-3 pk:shrink-0 pk:animate-presence-pulse pk:rounded-full pk:bg-presence-border pk:motion-reduce:animate-none" />
                <span className="pk:h-3 pk:flex-1 pk:animate-presence-pulse pk:rounded pk:bg-presence-border pk:motion-reduce:animate-none" />
                <span className="pk:h-3 pk:w-16 pk:animate-presence-pulse pk:rounded pk:bg-presence-border pk:motion-reduce:animate-none" />
              </li>
            ))}
          </ul>
        </>
      )}

      {state === 'error' && (
        <div role="alert" data-slot="activity-feed-error" className="pk:flex pk:flex-col pk:items-start pk:gap-3 pk:text-sm">
          <p className="pk:my-[1em]">{words.error}</p>
          <button
            type="button"
            aria-disabled={isFetching || undefined}
            {...rescue}
            onClick={() => {
              if (!isFetching) void refetch()
            }}
            className="pk:rounded-md pk:bg-presence-accent pk:px-3 pk:py-1.5 pk:font-semibold pk:text-presence-surface pk:hover:bg-presence-accent/90 pk:focus-visible:outline-2 pk:focus-visible:outline-offset-2 pk:focus-visible:outline-presence-accent pk:aria-disabled:opacity-60"
          >
            {isFetching ? words.retrying : words.retry}
          </button>
        </div>
      )}

      {state === 'empty' && (
        <p data-slot="activity-feed-empty" className="pk:text-sm pk:text-presence-muted">
          {filter === 'friends' ? words.emptyFriends : words.empty}
        </p>
      )}

      {state === 'ready' && (
        <ol className="pk:ms-1.5 pk:flex pk:flex-col pk:border-s pk:border-presence-border">
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
  const { messages } = usePresenceMessages()
  const name = <bdi className="pk:font-medium">{activityName(entry.user, messages)}</bdi>
  return (
    <li data-slot="activity-entry" data-status={entry.event} className="pk:relative pk:flex pk:items-baseline pk:gap-3 pk:py-1.5 pk:ps-5 pk:text-sm">
      {/* Placed by a wrapper of its own: the dot's own position (relative) is not the caller's to override. */}
      <span className="pk:absolute pk:-start-[6.5px] pk:top-2.5 pk:flex">
        <OnlineStatusIndicator status={entry.event} ring aria-hidden />
      </span>
      {/* The sentence keeps its language's order in a page of the other direction (outer <bdi dir>), and so does a
          name (inner). */}
      <p className="pk:min-w-0 pk:flex-1 pk:break-words">
        <bdi dir={messages.dir}>
          {messages.activityFeed.events[entry.event](name).map((part, i) => (
            <Fragment key={i}>{part}</Fragment>
          ))}
        </bdi>
      </p>
      {/* `dir="auto"`: "2 minutes ago" keeps its order inside a right-to-left page. */}
      <time dateTime={new Date(entry.at).toISOString()} dir="auto" className="pk:shrink-0 pk:text-xs pk:text-presence-muted">
        {ago}
      </time>
    </li>
  )
})
