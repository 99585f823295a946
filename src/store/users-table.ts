import { Listeners, mergePresence, type Presence, type PresencePatch } from '../client'

/**
 * One user's record before and after an update (`undefined`: not known, or forgotten by a clear).
 *
 * @example
 * const change: UserChange = { id: '2', user: jane, previous: undefined } // first heard of
 */
export interface UserChange {
  readonly id: string
  readonly user: Presence | undefined
  readonly previous: Presence | undefined
}

/**
 * What one store update did to the users, as change listeners get it.
 *
 * @example
 * store.users.subscribeChanges(({ changes, baseline }) => baseline || changes.forEach(toast))
 */
export interface UsersUpdate {
  /** Each user whose record changed, once, however often they changed within the update. */
  readonly changes: readonly UserChange[]
  /**
   * `true` when the changes are no news: the first full list after the store was created or cleared, changes before
   * any list, and the clear itself. Join notifications skip these.
   */
  readonly baseline: boolean
}

/**
 * What a write changed: each changed user's id and record before the write (`undefined`: was not known).
 *
 * @internal
 */
export type Written = Map<string, Presence | undefined>

/**
 * One user's record as an external store: what `UsersTable.source` gives.
 *
 * @example
 * const { subscribe, get } = store.users.source('2')
 */
export interface UserSource {
  subscribe(listener: () => void): () => void
  get(): Presence | undefined
}

const NOBODY: UserSource = { subscribe: () => () => {}, get: () => undefined }

/**
 * The users of a presence store, keyed by id, beside the zustand state: a change to one user replaces that user's
 * record in place (records themselves are never mutated), notifies that user's subscribers and, when it touches
 * who is online, the online index's; it copies nothing of the table's size. Offline users stay, so their last seen
 * can be shown. Only the store writes it; everyone else reads and subscribes.
 *
 * @example
 * const off = store.users.subscribe('2', () => console.log(store.users.get('2')?.status))
 * store.users.online.has('2') // the maintained index of who is online
 */
export class UsersTable {
  readonly #records = new Map<string, Presence>()
  readonly #online = new Set<string>()
  readonly #listeners = new Map<string, Set<() => void>>()
  readonly #onlineListeners = new Listeners<void>()
  readonly #changeListeners = new Listeners<UsersUpdate>()
  #onlineVersion = 0

  /** A user's record, or `undefined` if never heard of. The same object until that user changes. */
  get(id: string | number): Presence | undefined {
    return this.#records.get(String(id))
  }

  /** How many users are known (online or not). */
  get size(): number {
    return this.#records.size
  }

  /** Every known record, in the order they were first heard of. */
  values(): IterableIterator<Presence> {
    return this.#records.values()
  }

  /** The ids of the users who are online now; kept up to date by every write, never rebuilt by scanning. */
  get online(): ReadonlySet<string> {
    return this.#online
  }

  /**
   * Bumped whenever who is online changes or an online user's record changes: what a list of online users shows.
   * A list caches on it (see `selectOnlineUsers`).
   */
  get onlineVersion(): number {
    return this.#onlineVersion
  }

  /**
   * Calls `listener` after every update that changed this user's record; returns the function that stops it.
   * `useSyncExternalStore(listener => users.subscribe(id, listener), () => users.get(id))` in React.
   */
  subscribe = (id: string | number, listener: () => void): (() => void) => {
    const key = String(id)
    let set = this.#listeners.get(key)
    if (!set) {
      this.#listeners.set(key, (set = new Set()))
      this.onWatch?.(key)
    }
    const entry = () => listener()
    set.add(entry)
    return () => {
      set.delete(entry)
      if (!set.size && this.#listeners.get(key) === set) this.#listeners.delete(key)
    }
  }

  /**
   * One user as a `useSyncExternalStore` source: `subscribe` and `get` bound to the id (`null`: nobody, never
   * notified). Cheap; make one per id and component (`useMemo`).
   *
   * @example
   * const source = users.source('2')
   * useSyncExternalStore(source.subscribe, source.get, source.get)
   */
  source(id: string | number | null): UserSource {
    if (id === null) return NOBODY
    const key = String(id)
    return { subscribe: (listener) => this.subscribe(key, listener), get: () => this.#records.get(key) }
  }

  /** The ids someone is subscribed to (a header or a status showing that user), whether or not they are known. */
  watched(): IterableIterator<string> {
    return this.#listeners.keys()
  }

  /**
   * Called with an id when it gets its first subscriber (a component starts showing that user), so that whoever can
   * name users can name one no list has named yet (the runtime, while it runs). One at a time; `null` for none.
   */
  onWatch: ((id: string) => void) | null = null

  /** Calls `listener` after every update that bumped {@link onlineVersion}. */
  subscribeOnline = (listener: () => void): (() => void) => this.#onlineListeners.add(listener)

  /** Calls `listener` once per update with the users it changed (for notifications, not for rendering). */
  subscribeChanges = (listener: (update: UsersUpdate) => void): (() => void) => this.#changeListeners.add(listener)

  /**
   * Merges patches in order, without notifying; records in `before` each changed user's record as it was before
   * the first change (so a user patched twice is one change). The store's writer, not for apps.
   *
   * @internal
   */
  write(patches: readonly PresencePatch[], before: Written = new Map()): Written {
    for (const patch of patches) {
      const current = this.#records.get(patch.id)
      const merged = mergePresence(current, patch)
      if (merged === current) continue
      this.#records.set(patch.id, merged)
      if (merged.isOnline) this.#online.add(patch.id)
      else this.#online.delete(patch.id)
      if (!before.has(patch.id)) before.set(patch.id, current)
    }
    return before
  }

  /**
   * The patches that make a full list of who is online true: every known user who is not listed (nor `keep`) and
   * not yet offline goes offline. A scan of the online index, not of everyone known.
   *
   * @internal
   */
  goneFrom(listed: readonly PresencePatch[], keep: string | null): PresencePatch[] {
    const ids = new Set<string>()
    for (const patch of listed) ids.add(patch.id)
    const gone: PresencePatch[] = []
    for (const id of this.#online) if (!ids.has(id) && id !== keep) gone.push({ id, status: 'offline' })
    return gone
  }

  /**
   * Forgets everyone; returns the changes (each known user to `undefined`), without notifying.
   *
   * @internal
   */
  forget(): Written {
    const before: Written = new Map(this.#records)
    this.#records.clear()
    this.#online.clear()
    return before
  }

  /**
   * Notifies of the changes: each changed user's subscribers, the online index's
   * (once), the change listeners (once). Call after the zustand state of the same update is set.
   *
   * @internal
   */
  publish(before: Written, baseline: boolean): void {
    if (!before.size) return
    let onlineChanged = false
    for (const [id, previous] of before) {
      if (previous?.isOnline || this.#records.get(id)?.isOnline) {
        onlineChanged = true
        break
      }
    }
    if (onlineChanged) this.#onlineVersion++
    if (this.#listeners.size) {
      for (const id of before.keys()) {
        const set = this.#listeners.get(id)
        if (set) for (const listener of [...set]) safely(listener)
      }
    }
    if (onlineChanged) this.#onlineListeners.emit()
    if (this.#changeListeners.size) {
      const changes: UserChange[] = []
      for (const [id, previous] of before) changes.push({ id, user: this.#records.get(id), previous })
      this.#changeListeners.emit({ changes, baseline })
    }
  }
}

// A listener that throws must not keep the others from hearing of the update.
function safely(listener: () => void): void {
  try {
    listener()
  } catch (error) {
    queueMicrotask(() => {
      throw error
    })
  }
}
