import { z } from 'zod'

const isoDateTime = z.iso.datetime({ offset: true })
const timestamp = isoDateTime.nullable()
const id = z.number().int().positive()

/** The response bodies of the backends that are not the contract, field for field as their designs give them. */
export const modeResponses = {
  /** The app's own login, in every backend: the user as the app knows them. */
  login: z.object({
    access: z.string(),
    refresh: z.string(),
    user: z.object({ id, username: z.string(), profile_image: z.url(), is_admin: z.boolean() }),
  }),
  success: z.object({ success: z.literal(true) }),

  /** `GET /api/chat/online-users/` of the chat socket: details for the socket's ids, ids as strings. */
  chatOnlineDetails: z.object({
    success: z.literal(true),
    onlineUsers: z.array(
      z.object({
        id: z.string().regex(/^\d+$/),
        username: z.string(),
        profileImage: z.url(),
        isOnline: z.literal(true),
      }),
    ),
  }),

  /** `GET /api/users/online/` of the user-status socket: socket-connected users, the caller excluded. */
  usersOnline: z.array(
    z.object({
      id,
      username: z.string(),
      profile_image: z.url(),
      is_online: z.boolean(),
      last_seen: timestamp,
      last_activity: timestamp,
    }),
  ),

  /** `GET /api/chat/online-users/` of heartbeat + polling: ids only, as integers, the caller included. */
  chatOnlineIds: z.object({ online_users: z.array(id) }),
  chatHeartbeat: z.object({ message: z.literal('Heartbeat recorded') }),

  /** `GET /api/chat/conversations/` of the activity middleware: the app's chat list with each peer's `is_online`. */
  conversations: z.array(
    z.object({
      id,
      other_user: z.object({ id, username: z.string(), profile_image: z.url(), is_online: z.boolean() }),
      last_message: z.object({ text: z.string(), sent_at: isoDateTime, sender_id: id }).nullable(),
      unread_count: z.number().int().min(0),
    }),
  ),

  /** `GET /api/users/admin/users/online/` of heartbeat + admin. */
  adminOnline: z.object({
    online_users: z.array(
      z.object({
        id,
        username: z.string(),
        profile_image: z.url(),
        online_status: z.enum(['online', 'away']),
        is_online: z.literal(true),
        last_seen: timestamp,
      }),
    ),
    online_count: z.number().int().min(0),
    pagination: z.object({
      page: z.number().int().min(1),
      per_page: z.number().int().min(1).max(100),
      total: z.number().int().min(0),
      total_pages: z.number().int().min(0),
      has_next: z.boolean(),
      has_previous: z.boolean(),
    }),
  }),
  adminStatus: z.object({
    user_id: id,
    username: z.string(),
    online_status: z.enum(['online', 'away', 'offline']),
    last_seen: timestamp,
    is_online: z.boolean(),
  }),
  /** `POST /__mock__/users/<id>/presence` in a backend: the user as admins see them, in the designs' fields. */
  controlPresence: z.object({
    user_id: id,
    username: z.string(),
    online_status: z.enum(['online', 'away', 'dnd', 'offline', 'invisible']),
    last_seen: timestamp,
    is_online: z.boolean(),
  }),
  heartbeat: z.object({
    message: z.literal('Heartbeat recorded'),
    online_status: z.enum(['online', 'away', 'offline']),
    last_seen: timestamp,
  }),
}
