// The framework-free presence store: zustand vanilla for the state, a keyed users table beside it, fed once per frame.
export { createEventBatcher, type EventBatcher } from './batcher'
export { bindSocketToStore } from './bind-socket'
export {
  createPresenceStore,
  type PresenceActions,
  type PresenceBatch,
  type PresenceConnection,
  type PresenceData,
  type PresenceState,
  type PresenceStore,
  type SnapshotOptions,
} from './presence-store'
export {
  HeartbeatState,
  IDLE_HEARTBEAT,
  RuntimeLifecycle,
  Transport,
  type HeartbeatStatus,
} from './runtime-status'
export { scheduleFrame, type Schedule } from './schedule'
export { selectOnlineUsers, selectTransport, type OnlineUsersOptions } from './selectors'
export { UsersTable, type UserChange, type UserSource, type UsersUpdate } from './users-table'
