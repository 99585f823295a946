// The public entry's names, exactly: a new export is a decision (add it here and to the CHANGELOG), and nothing
// internal or test-only (query keys, retry rules, label tables, toast helpers) leaks through an `export *`.
import { describe, expect, it } from 'vitest'

const PUBLIC_VALUES = [
  'ActivityFeed', 'Avatar', 'BackendPreset', 'ChatHeader', 'ConnectionBanner', 'ConnectionState', 'HeartbeatState',
  'OnlineStatusIndicator', 'OnlineUsers', 'PresenceApiError', 'PresenceMode', 'PresenceRuntime', 'PresenceStatus',
  'PresenceToaster', 'RuntimeLifecycle', 'StatusPicker', 'Transport', 'UserStatusProvider', 'UsersList',
  'formatLastSeen', 'isAuthError', 'isMissingEndpoint', 'isPresenceApiError', 'presets', 'useActivity',
  'useConnectionState', 'useConversations', 'useFriendIds', 'useHasPresenceProvider', 'useHeartbeat', 'useIsOnline',
  'useIsOnlineMany', 'useLastSeen', 'useMarkOffline', 'useMyStatus', 'useOnlineUsers', 'usePageVisible',
  'usePresenceEvents', 'usePresenceRuntime', 'usePresenceSession', 'useRelativeTime', 'useServerClock',
  'useSetMyStatus', 'useUserStatus', 'useWebSocket',
  // The messages catalogue: English and each shipped language (its own module: unused, it is not bundled), and the
  // hook components read them with.
  'ar', 'en', 'es', 'usePresenceMessages',
]

describe("presence-kit's public entry", () => {
  it('exports exactly the documented names', async () => {
    const entry = await import('../../src')
    expect(Object.keys(entry).sort()).toEqual([...PUBLIC_VALUES].sort())
  })
})
