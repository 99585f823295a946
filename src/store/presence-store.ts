import { createStore, type StoreApi } from 'zustand/vanilla'
import { ConnectionState, modeOfStatus, type PresenceMode, type PresencePatch } from '../client'
import { IDLE_HEARTBEAT, RuntimeLifecycle, type HeartbeatStatus } from './runtime-status'
import { UsersTable, type Written } from './users-table'

/**
 * Options of a snapshot merge.
 *
 * @example
 * const options: SnapshotOptions = { includesSelf: false } // a list that leaves the caller out
 */
export interface SnapshotOptions {
  /**
   * Whether the list can contain the caller. When it cannot (`/api/users/online/` of the chat backends), the
   * caller's own record is left as it is instead of being taken for gone. Default `true`.
   */
  includesSelf?: boolean
}

/**
 * What one store update applies: an optional snapshot first, then changes in order. The batcher hands a whole
 * frame's events over as one batch, which is one update.
 *
 * @example
 * store.getState().applyBatch({ snapshot: { users: list }, changes: [{ id: '2', status: 'away' }] })
 */
export interface PresenceBatch {
  snapshot?: { users: readonly PresencePatch[]; options?: SnapshotOptions }
  changes?: readonly PresencePatch[]
}

/**
 * How presence reaches this tab. The transport is not stored: it follows from `state` and `polling` (see
 * `selectTransport`).
 *
 * @example
 * const { state, nextRetryAt } = store.getState().connection
 */
export interface PresenceConnection {
  /** The socket's state (`idle` when there is no socket). */
  readonly state: ConnectionState
  /** Whether the REST list is being polled (the fallback, or the refresh of a socket that sends only changes). */
  readonly polling: boolean
  /** When the socket's next attempt starts (epoch ms), while one is waiting. */
  readonly nextRetryAt: number | null
  /** Server clock minus local clock, in ms (0 until measured). */
  readonly serverOffset: number
}

/**
 * The data of the presence store: everything a runtime knows, each piece once. The users are not here but beside
 * it, in `store.users`, so that a change to one user is not an update of the whole state.
 *
 * @example
 * const { self, connection, lifecycle } = store.getState()
 */
export interface PresenceData {
  /** The signed-in user's id, when known (from `/api/users/me/`, `userId`, or the login response). */
  self: string | null
  /**
   * Whether a full list of who is online (a socket snapshot or a poll) has been applied since the store was created
   * or cleared. Until then an empty list means "not known yet", not "nobody online".
   */
  synced: boolean
  connection: PresenceConnection
  heartbeat: HeartbeatStatus
  /**
   * The caller's mode, once known: from `/api/users/me/` or a status change, and kept in step with the caller's own
   * record by the update that changes it (an offline record keeps the last mode).
   */
  mode: PresenceMode | null
  lifecycle: RuntimeLifecycle
  /** Counts the tokens the runtime has run with; part of the query keys, so a new user gets fresh queries. */
  session: number
  /** The first auth error of this session (a REST 401 or a 4401 close); `null` until then. */
  authError: unknown
  /** The last failed poll of the online users; `null` after a good one. */
  syncError: unknown
}

/**
 * The actions of the presence store. Each one is at most one update, and none when nothing changed.
 *
 * @example
 * store.getState().applyChanges([{ id: '2', status: 'dnd' }])
 */
export interface PresenceActions {
  /** Merges who is online now as a diff: listed users merged, known users no longer listed go offline. */
  applySnapshot(users: readonly PresencePatch[], options?: SnapshotOptions): void
  /** Applies changes in order. */
  applyChanges(changes: readonly PresencePatch[]): void
  /** Applies a snapshot and changes together, as one update. */
  applyBatch(batch: PresenceBatch): void
  setSelf(id: string | number | null): void
  /** Merges what changed about the connection. */
  setConnection(patch: Partial<PresenceConnection>): void
  setServerOffset(offset: number): void
  /**
   * Forgets every user and the signed-in user (logout, token gone), and sets the connection back to `idle`.
   * The clock offset is kept: it describes the server, not the session.
   */
  clear(): void
}

/**
 * The whole zustand state of the presence store: data and actions.
 *
 * @example
 * const { connection, applyChanges } = store.getState()
 */
export type PresenceState = PresenceData & PresenceActions

/**
 * A zustand vanilla store of {@link PresenceState}, with the users table beside it: subscribe to the state with
 * `store.subscribe` / `useStore`, to one user with `store.users.subscribe(id, …)`, to who is online with
 * `store.users.subscribeOnline`.
 *
 * @example
 * const off = store.users.subscribe('2', () => redrawRow('2'))
 */
export interface PresenceStore extends StoreApi<PresenceState> {
  readonly users: UsersTable
}

const IDLE_CONNECTION: PresenceConnection = { state: ConnectionState.Idle, polling: false, nextRetryAt: null, serverOffset: 0 }

const initialData = (): PresenceData => ({
  self: null,
  synced: false,
  connection: IDLE_CONNECTION,
  heartbeat: IDLE_HEARTBEAT,
  mode: null,
  lifecycle: RuntimeLifecycle.Stopped,
  session: 0,
  authError: null,
  syncError: null,
})

const sameConnection = (a: PresenceConnection, b: PresenceConnection) =>
  a.state === b.state && a.polling === b.polling && a.nextRetryAt === b.nextRetryAt && a.serverOffset === b.serverOffset

/**
 * Creates a presence store: a zustand 5 vanilla store, no React, with its users table. A change to one user costs
 * the same whatever the number of users, and tells only that user's subscribers (and the online index's, when it
 * touches who is online).
 *
 * @example
 * const store = createPresenceStore()
 * store.getState().applySnapshot([{ id: '2', username: 'jane_smith', status: 'online' }])
 * store.users.get('2')?.isOnline // true
 */
export function createPresenceStore(initial: Partial<PresenceData> = {}): PresenceStore {
  const users = new UsersTable()
  const store = createStore<PresenceState>()((set, get) => {
    const publish = (changes: Written, patch: Partial<PresenceData>, wasSynced: boolean) => {
      const { self, mode, synced } = { ...get(), ...patch }
      const mine = self !== null && changes.has(self) ? users.get(self) : undefined
      // An auto-away (idle, contract 6.1) is still mode `auto`.
      const shown = mine ? (mine.idle === true ? 'auto' : modeOfStatus(mine.status)) : null
      if (shown !== null && shown !== mode) patch.mode = shown
      // The state first, so that a user's subscriber reading `synced` or `mode` sees this update's.
      if (Object.keys(patch).length) set(patch)
      users.publish(changes, !(wasSynced && synced))
    }
    const apply = (batch: PresenceBatch) => {
      const { self, synced } = get()
      let changes: Written = new Map()
      if (batch.snapshot) {
        const keep = batch.snapshot.options?.includesSelf === false ? self : null
        const gone = users.goneFrom(batch.snapshot.users, keep)
        changes = users.write(batch.snapshot.users, changes)
        users.write(gone, changes)
      }
      if (batch.changes?.length) users.write(batch.changes, changes)
      publish(changes, batch.snapshot && !synced ? { synced: true } : {}, synced)
    }
    return {
      ...initialData(),
      ...initial,
      applySnapshot: (list, options) => apply({ snapshot: { users: list, options } }),
      applyChanges: (changes) => apply({ changes }),
      applyBatch: apply,
      setSelf: (id) => {
        const self = id === null ? null : String(id)
        if (get().self !== self) set({ self })
      },
      setConnection: (patch) => {
        const current = get().connection
        const next = { ...current, ...patch }
        if (!sameConnection(current, next)) set({ connection: next })
      },
      setServerOffset: (serverOffset) => get().setConnection({ serverOffset }),
      clear: () => {
        const { connection, synced } = get()
        const forgotten = users.forget()
        publish(forgotten, { self: null, synced: false, connection: { ...IDLE_CONNECTION, serverOffset: connection.serverOffset } }, synced)
      },
    }
  })
  return Object.assign(store, { users })
}
