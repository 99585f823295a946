import { createStore, type StoreApi } from 'zustand/vanilla'
import { ConnectionState, type PresencePatch } from '../client'
import { emptyUsers, mergeChanges, mergeSnapshot, type SnapshotOptions, type Users } from './users'

/**
 * What one store update applies: an optional snapshot first, then changes in order. The batcher hands a whole
 * frame's events over as one batch, which is one `setState`.
 *
 * @example
 * store.getState().applyBatch({ snapshot: { users: list }, changes: [{ id: '2', status: 'away' }] })
 */
export interface PresenceBatch {
  snapshot?: { users: readonly PresencePatch[]; options?: SnapshotOptions }
  changes?: readonly PresencePatch[]
}

/**
 * The data of the presence store.
 *
 * @example
 * const { users, self, connection } = store.getState()
 */
export interface PresenceData {
  /** Everyone the kit has heard of, keyed by id; offline users stay, so their last seen can be shown. */
  users: Users
  /** The signed-in user's id, when known (from `/api/users/me/` or the login response). */
  self: string | null
  /** The socket's state. */
  connection: ConnectionState
  /** Server clock minus local clock, in ms (0 until measured). */
  serverOffset: number
  /**
   * Whether a full list of who is online (a socket snapshot or a poll) has been applied since the store was created
   * or cleared. Until then an empty list means "not known yet", not "nobody online".
   */
  synced: boolean
}

/**
 * The actions of the presence store. Each one is at most one `setState`, and none when nothing changed.
 *
 * @example
 * store.getState().applyChanges([{ id: '2', status: 'dnd' }])
 */
export interface PresenceActions {
  /** Merges who is online now as a diff (see `mergeSnapshot`). */
  applySnapshot(users: readonly PresencePatch[], options?: SnapshotOptions): void
  /** Applies changes in order. */
  applyChanges(changes: readonly PresencePatch[]): void
  /** Applies a snapshot and changes together, as one update. */
  applyBatch(batch: PresenceBatch): void
  setSelf(id: string | number | null): void
  setConnection(connection: ConnectionState): void
  setServerOffset(offset: number): void
  /**
   * Forgets every user and the signed-in user (logout, token gone), and sets the connection back to `idle`.
   * The clock offset is kept: it describes the server, not the session.
   */
  clear(): void
}

/**
 * The whole state of the presence store: data and actions, zustand-style.
 *
 * @example
 * const online = Object.values(store.getState().users).filter((user) => user.isOnline)
 */
export type PresenceState = PresenceData & PresenceActions

/**
 * A zustand vanilla store of {@link PresenceState}.
 *
 * @example
 * const unsubscribe = store.subscribe((state, previous) => state.users !== previous.users && redraw())
 */
export type PresenceStore = StoreApi<PresenceState>

const initialData = (): PresenceData => ({
  users: emptyUsers(),
  self: null,
  connection: ConnectionState.Idle,
  serverOffset: 0,
  synced: false,
})

/**
 * Creates a presence store: a zustand 5 vanilla store, no React. Use it with `useStore` from `zustand` in the hooks
 * layer, or subscribe to it directly.
 *
 * @example
 * const store = createPresenceStore()
 * store.getState().applySnapshot([{ id: '2', username: 'jane_smith', status: 'online' }])
 * store.getState().users['2']?.isOnline // true
 */
export function createPresenceStore(initial: Partial<PresenceData> = {}): PresenceStore {
  return createStore<PresenceState>()((set, get) => {
    const apply = (batch: PresenceBatch) => {
      const { users: before, self, synced } = get()
      let users = before
      if (batch.snapshot) users = mergeSnapshot(users, batch.snapshot.users, { ...batch.snapshot.options, self })
      if (batch.changes?.length) users = mergeChanges(users, batch.changes)
      // One update, whether the users or the synced flag (or both) changed.
      const nowSynced = synced || batch.snapshot !== undefined
      if (users !== before || nowSynced !== synced) set({ users, synced: nowSynced })
    }
    return {
      ...initialData(),
      ...initial,
      users: Object.assign(emptyUsers(), initial.users),
      applySnapshot: (users, options) => apply({ snapshot: { users, options } }),
      applyChanges: (changes) => apply({ changes }),
      applyBatch: apply,
      setSelf: (id) => {
        const self = id === null ? null : String(id)
        if (get().self !== self) set({ self })
      },
      setConnection: (connection) => {
        if (get().connection !== connection) set({ connection })
      },
      setServerOffset: (serverOffset) => {
        if (get().serverOffset !== serverOffset) set({ serverOffset })
      },
      clear: () => {
        const { serverOffset } = get()
        set({ ...initialData(), serverOffset })
      },
    }
  })
}
