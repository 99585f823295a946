// The framework-free presence store: zustand vanilla, keyed by user id, fed once per frame.
export { createEventBatcher, type EventBatcher } from './batcher'
export { bindSocketToStore } from './bind-socket'
export {
  createPresenceStore,
  type PresenceActions,
  type PresenceBatch,
  type PresenceData,
  type PresenceState,
  type PresenceStore,
} from './presence-store'
export { scheduleFrame, type Schedule } from './schedule'
export {
  selectConnection,
  selectIsOnline,
  selectOnlineIds,
  selectOnlineUsers,
  selectSelf,
  selectServerOffset,
  selectUser,
  type OnlineUsersOptions,
} from './selectors'
export { emptyUsers, mergeChanges, mergeSnapshot, type SnapshotOptions, type Users } from './users'
