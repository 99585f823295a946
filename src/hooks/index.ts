// One hook per file; every hook but useWebSocket and useHeartbeat (without an endpoint) needs <UserStatusProvider>.
export { presenceKeys, retryTransient } from './query-options'
export { useActivity, type UseActivityOptions } from './useActivity'
export { useConnectionState, type ConnectionInfo } from './useConnectionState'
export { useConversations } from './useConversations'
export { useFriendIds, type FriendIds } from './useFriendIds'
export { useHeartbeat, type HeartbeatInfo, type HeartbeatOptions } from './useHeartbeat'
export { useIsOnline } from './useIsOnline'
export { formatLastSeen, useLastSeen, type LastSeenOptions } from './useLastSeen'
export { useMarkOffline } from './useMarkOffline'
export { useMyStatus, type MyStatus } from './useMyStatus'
export { useOnlineUsers, type OnlineUsersQuery, type OnlineUsersResult } from './useOnlineUsers'
export { usePresenceClient } from './usePresenceClient'
export { usePresenceEvents, type PresenceEventsOptions } from './usePresenceEvents'
export { usePresenceRuntime } from './usePresenceRuntime'
export { useSetMyStatus, type SetMyStatus } from './useSetMyStatus'
export { useUserStatus, type UserStatus } from './useUserStatus'
export {
  useWebSocket,
  WebSocketState,
  type UseWebSocketOptions,
  type UseWebSocketResult,
} from './useWebSocket'
