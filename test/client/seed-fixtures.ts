// Examples copied verbatim from ../shared/seeds/*.txt and ../shared/spec/presence-protocol.md. Where a seed
// writes a placeholder (`"..."`) or a comment inside its JSON, the placeholder is kept and the comment dropped;
// fixtures marked "constructed" are not in the seed's text but use exactly the field names the seed describes.

/** Seed 000: "Currently, the WebSocket sends `online_users` as an array of user IDs". */
export const seed000SnapshotIds = `{
  "type": "online_users",
  "onlineUsers": ["user_id_1", "user_id_2", "user_id_3"]
}`

/** Seed 000: `GET /api/chat/online-users/` response format. */
export const seed000OnlineUsersBody = `{
  "success": true,
  "onlineUsers": [
    {
      "id": "user_id_1",
      "username": "john_doe",
      "profileImage": "https://example.com/profile.jpg",
      "isOnline": true
    },
    {
      "id": "user_id_2",
      "username": "jane_smith",
      "profileImage": "https://example.com/profile2.jpg",
      "isOnline": true
    }
  ]
}`

/** Seed 000: "Alternatively, the backend can include user details directly in the WebSocket message". */
export const seed000SnapshotDetailed = `{
  "type": "online_users",
  "onlineUsers": [
    {
      "id": "user_id_1",
      "username": "john_doe",
      "profileImage": "https://example.com/profile.jpg"
    },
    {
      "id": "user_id_2",
      "username": "jane_smith",
      "profileImage": "https://example.com/profile2.jpg"
    }
  ]
}`

/** Seed 001, test 4: the curl output of `/api/users/online/`, placeholders and all. */
export const seed001OnlineUsersBody = `[{"id": "...", "username": "...", "is_online": true}]`

/**
 * Seed 001 (constructed): "Sends `user.status.changed` event … when someone comes online/offline"; the consumer
 * "Sets `user.is_online = False`". The seed shows no frame, so these are the shapes such a consumer sends.
 */
export const seed001ChangeFlat = `{"type": "user.status.changed", "user_id": 7, "username": "noah_wilson", "is_online": false, "last_seen": "2024-01-15T10:30:00Z"}`
export const seed001ChangeChannels = `{"type": "user_status_changed", "user_id": "7", "status": "online"}`

/** Seed 002: `GET /api/chat/online-users/` response (the `// Array of user IDs` comment dropped). */
export const seed002OnlineUsersBody = `{
    "online_users": [1, 5, 12, 45]
  }`

/** Seed 002: the heartbeat and mark-offline request bodies. */
export const seed002HeartbeatRequest = `{
    "timestamp": "2026-01-28T14:32:59.000Z"
  }`

/**
 * Seed 003 (constructed): the chat list's `other_user` carries `is_online` (the `// Other user info...` is
 * elided in the seed; `id` and `username` stand for it).
 */
export const seed003Conversations = `[{"id": 10, "other_user": {"id": 4, "username": "maria_garcia", "is_online": true}}]`

/** Seed 004: the heartbeat response. */
export const seed004HeartbeatBody = `{
  "message": "Heartbeat recorded",
  "online_status": "online",
  "last_seen": "2024-01-15T10:30:00Z"
}`

/** Seed 004: `GET /api/users/admin/users/<user_id>/online-status/`. */
export const seed004AdminStatusBody = `{
  "user_id": 1,
  "username": "ahmad",
  "online_status": "online",
  "last_seen": "2024-01-15T10:30:00Z",
  "is_online": true
}`

/** Contract §4: the snapshot. */
export const contractSnapshot = `{"type": "online_users", "onlineUsers": [{"id": 2, "username": "jane_smith", "profileImage": "...", "status": "online", "statusMessage": null, "lastSeen": "...", "isOnline": true}]}`

/** Contract §4: a change. */
export const contractChange = `{"type": "user.status.changed", "user": {"id": 2, "username": "jane_smith", "profileImage": "...", "status": "away", "statusMessage": "lunch", "lastSeen": "...", "isOnline": true}}`

/** Contract §4: pong, error, and the client's frames. */
export const contractPong = `{"type": "pong", "ts": "<server time>"}`
export const contractError = `{"type": "error", "code": "bad_message", "message": "..."}`
