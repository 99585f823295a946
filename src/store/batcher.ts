import type { PresencePatch } from '../client'
import type { PresenceStore } from './presence-store'
import { scheduleFrame, type Schedule } from './schedule'
import type { SnapshotOptions } from './presence-store'

/**
 * Collects presence events and applies them to the store once per frame, as one `setState`.
 *
 * @example
 * const batcher = createEventBatcher(store)
 * socket.subscribe((event) => {
 *   if (event.type === 'message' && event.message.type === 'change') batcher.change(event.message.user)
 * })
 */
export interface EventBatcher {
  /** Queues a snapshot. Changes queued before it are dropped: the snapshot is newer and says everything. */
  snapshot(users: readonly PresencePatch[], options?: SnapshotOptions): void
  /** Queues one change. */
  change(user: PresencePatch): void
  /** Applies everything queued now (before unmounting, in tests). */
  flush(): void
  /** Drops everything queued and cancels the scheduled flush. */
  dispose(): void
  /** How many events are waiting. */
  readonly pending: number
}

/**
 * Creates an {@link EventBatcher} for a store. A burst of N events within one frame is one store update, and users
 * whose record did not change keep their object, so selectors on them do not fire. `schedule` decides when the
 * queue is applied; the default is the next animation frame (see `scheduleFrame`), which works under SSR and
 * Node too.
 *
 * @example
 * const batcher = createEventBatcher(store)
 * for (const user of burst) batcher.change(user)
 * // one setState at the next frame
 */
export function createEventBatcher(store: PresenceStore, schedule: Schedule = scheduleFrame): EventBatcher {
  let snapshot: { users: readonly PresencePatch[]; options?: SnapshotOptions } | undefined
  let changes: PresencePatch[] = []
  let cancel: (() => void) | null = null

  const flush = () => {
    cancel?.()
    cancel = null
    if (!snapshot && !changes.length) return
    const batch = { snapshot, changes }
    snapshot = undefined
    changes = []
    store.getState().applyBatch(batch)
  }
  const later = () => {
    cancel ??= schedule(() => {
      cancel = null
      flush()
    })
  }

  return {
    snapshot(users, options) {
      snapshot = { users, options }
      changes = []
      later()
    },
    change(user) {
      changes.push(user)
      later()
    },
    flush,
    dispose() {
      cancel?.()
      cancel = null
      snapshot = undefined
      changes = []
    },
    get pending() {
      return changes.length + (snapshot ? 1 : 0)
    },
  }
}
