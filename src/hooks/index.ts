// One hook per file; every hook but useWebSocket and useHeartbeat (without an endpoint) needs <UserStatusProvider>.
export { presenceKeys, retryTransient } from './query-options'
export { useActivity, type UseActivityOptions } from './useActivity'
export { useConnectionState, type ConnectionInfo } from './useConnectionState'
export { useConversations } from './useConversations'
export { useFriendIds, type FriendIdsOptions } from './useFriendIds'
export { useHasPresenceProvider } from './useHasPresenceProvider'
export { useHeartbeat, type HeartbeatInfo, type HeartbeatOptions } from './useHeartbeat'
export { useIsOnline } from './useIsOnline'
export { useIsOnlineMany } from './useIsOnlineMany'
export { formatLastSeen, useLastSeen, type LastSeenOptions } from './useLastSeen'
export { useMarkOffline } from './useMarkOffline'
export { useMyStatus, type MyStatus } from './useMyStatus'
export { useOnlineUsers, type OnlineUsersData, type OnlineUsersQuery, type OnlineUsersResult } from './useOnlineUsers'
export type { PresenceMutationResult, PresenceQueryResult } from './result-shapes'
export { usePageVisible } from './usePageVisible'
export { usePresenceClient } from './usePresenceClient'
export { usePresenceEvents, type PresenceEventsOptions } from './usePresenceEvents'
export { usePresenceRuntime } from './usePresenceRuntime'
export { usePresenceSession, type PresenceSession } from './usePresenceSession'
export { useRelativeTime, type RelativeTimeOptions } from './useRelativeTime'
export { useServerClock, type ServerClock } from './useServerClock'
export { useSetMyStatus, type MyStatusChange } from './useSetMyStatus'
export { useUserStatus, type UserStatus } from './useUserStatus'
export {
  useWebSocket,
  WebSocketState,
  type UseWebSocketOptions,
  type UseWebSocketResult,
} from './useWebSocket'
