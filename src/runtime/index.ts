// The framework-free presence runtime: everything the provider runs, without React. Nothing here touches a
// browser global at import time.
export { openBeatChannel, type BeatChannel, type BroadcastChannelConstructorLike } from './beat-channel'
export { hasUnknownOnline, lookUpFriends, type FriendsSnapshot } from './friends-lookup'
export {
  HeartbeatManager,
  HeartbeatState,
  type HeartbeatManagerOptions,
  type HeartbeatStatusCell,
  type HeartbeatStatus,
} from './heartbeat-manager'
export { defaultLocks, joinElection, type LockManagerLike } from './leader-election'
export { isListUnavailable, isRefusedList, unavailableReason } from './list-availability'
export { PollingFallback, type PollingFallbackOptions } from './polling-fallback'
export {
  PresenceRuntime,
  type PresenceRuntimeOptions,
  type ResolvedUser,
  type ResolveUsers,
  type RuntimeEvent,
} from './presence-runtime'
export { RuntimeLifecycle, Transport } from './runtime-state'
export { sharedHeartbeat, type SharedHeartbeat } from './shared-heartbeat'
export { SocketFallbackPolicy, type SocketFallbackOptions } from './socket-fallback-policy'
export { normaliseStatusMessage, showsChange, statusOfMode, type StatusChange } from './status-change'
export { modeOfStatus } from '../client'
export { VisibilityManager, visibilityManager, type VisibilitySetup } from './visibility-manager'
export { formatLastSeen, JUST_NOW_MS, lastSeenChangesAt } from './last-seen'
export { subscribeTicker, tickerSize } from './last-seen-ticker'
export { createServerClock, type ServerClockSource } from './server-clock'
export { DEFAULT_IDLE_AFTER_MS, IDLE_INPUTS, IdleDetector, type IdleDetectorOptions, type InputTargetLike } from './idle-detector'
export { IdleReporter, type IdleReporterHost, type IdleReporterOptions } from './idle-reporter'
export { createOwnSettings, type OwnSettings, type OwnSettingsStore } from './own-settings'
