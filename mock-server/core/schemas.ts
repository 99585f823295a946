import { z } from 'zod'
import { DEVICES, LAST_SEEN_VISIBILITIES, MODES } from './types'

const STATUS_MESSAGE_MAX = 140
/** In a `u` regular expression a whole pair is one code point, so only an unpaired half matches. */
const LONE_SURROGATE = /\p{Cs}/u

const isoDateTime = z.iso.datetime({ offset: true })
const timestamp = isoDateTime.nullable()
const id = z.number().int().positive()
const visibleStatus = z.enum(['online', 'away', 'dnd', 'offline'])
const ownStatus = z.enum(['online', 'away', 'dnd', 'offline', 'invisible'])
const mode = z.enum(MODES)
const lastSeenVisibility = z.enum(LAST_SEEN_VISIBILITIES)
const idle = z.boolean().describe('Auto-away: mode `auto` and every source of presence idle (6.1); false for an offline or invisible user.')
const devices = z
  .array(z.enum(DEVICES))
  .describe('The sorted, distinct kinds of the open connections (6.2); [] when none or when shown offline.')
const expiresAt = timestamp.describe('When the status message is cleared (6.3); null: never, or no message shown.')
/** A time the client sends: ISO 8601, with an offset or `Z`; must lie ahead of the server's clock. */
const expiresInput = isoDateTime.nullable().describe('When the message is cleared: a future ISO 8601 time, or null (never).')
const idleInput = z.boolean().describe("Whether this source of presence is idle (6.1): the socket's own connection, or the REST presence.")

/** A status message as a client may send it: at most 140 Unicode code points, or null to clear. */
export const statusMessageInput = z
  .string()
  // Half a surrogate pair (an emoji cut by a UTF-16 slice, sent as the JSON escape \ud83d) is no Unicode text: a
  // real backend fails to store it, and a client in another language fails to decode it.
  .refine((s) => !LONE_SURROGATE.test(s), 'must be Unicode text (it holds half of a surrogate pair)')
  .refine((s) => [...s.trim()].length <= STATUS_MESSAGE_MAX, `must be at most ${STATUS_MESSAGE_MAX} characters`)
  .meta({ maxLength: STATUS_MESSAGE_MAX })
  .nullable()

// Any run of digits is an integer, however long: one above the largest a JavaScript number holds exactly is
// clamped to it, so that the route clamps it on to the parameter's maximum (section 6.5) instead of refusing it.
const positiveIntString = (name: string) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a positive integer`)
    .transform((digits) => Math.min(Number(digits), Number.MAX_SAFE_INTEGER))
    .pipe(z.number().int().min(1, `${name} must be a positive integer`))

export const schemas = {
  error: z.object({ error: z.object({ code: z.string(), message: z.string() }) }),

  loginBody: z.object({ username: z.string(), password: z.string() }),
  refreshBody: z.object({ refresh: z.string() }),
  logoutBody: z.object({ refresh: z.string().optional() }),
  heartbeatBody: z.object({ timestamp: isoDateTime.optional().describe('Accepted and ignored: the server clock decides.') }),
  statusBody: z.object({
    mode: mode.optional(),
    status_message: statusMessageInput.optional(),
    status_expires_at: expiresInput.optional(),
    last_seen_visibility: lastSeenVisibility.optional(),
    idle: idleInput.optional(),
  }),
  adminSetStatusBody: z.object({ status: z.enum(['online', 'away', 'offline']) }),
  // The only upper limit is where the advance would take the clock: past 100 years from the real time (section 6.5),
  // checked against the clock by the route; one advance of 60 years is as fine as six of 10.
  clockBody: z.object({ advanceSeconds: z.number().min(0) }),
  controlPresenceBody: z.object({
    status: z.enum(['online', 'away', 'dnd', 'invisible', 'offline']),
    device: z
      .enum(DEVICES)
      .optional()
      .describe('Holds a connection of this kind open for the user, as an app left open would, until `offline` (6.2).'),
    idle: z.boolean().optional().describe("Reports the user's held connection and REST presence idle or active (6.1)."),
  }),

  onlineQuery: z.object({ filter: z.literal('friends').optional() }),
  activityQuery: z.object({ limit: positiveIntString('limit').optional(), filter: z.literal('friends').optional() }),
  pageQuery: z.object({ page: positiveIntString('page').optional(), per_page: positiveIntString('per_page').optional() }),

  onlineUserCamel: z
    .object({
      id,
      username: z.string(),
      profileImage: z.url(),
      isOnline: z.boolean(),
      status: ownStatus,
      statusMessage: z.string().nullable(),
      statusExpiresAt: expiresAt,
      lastSeen: timestamp,
      idle,
      devices,
    }),

  statusUser: z
    .object({
      id,
      username: z.string(),
      profile_image: z.url(),
      is_online: z.boolean(),
      online_status: ownStatus,
      status_message: z.string().nullable(),
      status_expires_at: expiresAt,
      last_seen: timestamp,
      last_activity: timestamp,
      idle,
      devices,
    }),

  me: z
    .object({
      id,
      username: z.string(),
      profile_image: z.url(),
      is_admin: z.boolean(),
      online_status: ownStatus,
      mode,
      status_message: z.string().nullable(),
      status_expires_at: expiresAt,
      last_seen: timestamp,
      idle,
      devices,
      last_seen_visibility: lastSeenVisibility,
    }),

  adminStatus: z
    .object({
      user_id: id,
      username: z.string(),
      online_status: ownStatus,
      last_seen: timestamp,
      is_online: z.boolean(),
      idle,
      devices,
    }),
}

export const responses = {
  login: z.object({ access: z.string(), refresh: z.string(), user: schemas.me }),
  refresh: z.object({ access: z.string() }),
  logout: z.object({ success: z.literal(true) }),
  chatOnlineUsers: z.object({
    success: z.literal(true),
    onlineUsers: z.array(schemas.onlineUserCamel),
    online_users: z.array(id),
  }),
  usersOnline: z.array(schemas.statusUser),
  heartbeat: z.object({ message: z.literal('Heartbeat recorded'), online_status: ownStatus, last_seen: timestamp }),
  markOffline: z.object({ success: z.literal(true), online_status: ownStatus }),
  conversations: z.array(
    z.object({
      id,
      other_user: z.object({
        id,
        username: z.string(),
        profile_image: z.url(),
        is_online: z.boolean(),
        online_status: visibleStatus,
        last_seen: timestamp,
        idle,
        devices,
      }),
      last_message: z.object({ text: z.string(), sent_at: isoDateTime, sender_id: id }).nullable(),
      unread_count: z.number().int().min(0),
    }),
  ),
  me: schemas.me,
  activity: z.array(
    z.object({ user: z.object({ id, username: z.string() }), event: visibleStatus, at: isoDateTime }),
  ),
  adminOnline: z.object({
    online_users: z.array(schemas.statusUser),
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
  adminStatus: schemas.adminStatus,
  reset: z.object({ success: z.literal(true), now: isoDateTime }),
  clock: z.object({ success: z.literal(true), now: isoDateTime, advancedSeconds: z.number() }),
  controlPresence: schemas.adminStatus,
}

/** What the client may send over the WebSocket. */
export const clientFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping') }),
  z.object({
    type: z.literal('status'),
    mode: mode.optional(),
    statusMessage: statusMessageInput.optional(),
    statusExpiresAt: expiresInput.optional(),
    lastSeenVisibility: lastSeenVisibility.optional(),
    idle: idleInput.optional(),
  }),
])

export type ClientFrame = z.infer<typeof clientFrame>
export type OnlineUserCamel = z.infer<typeof schemas.onlineUserCamel>

/** What the server sends over the WebSocket. */
export const serverFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('online_users'), onlineUsers: z.array(schemas.onlineUserCamel) }),
  z.object({ type: z.literal('user.status.changed'), user: schemas.onlineUserCamel }),
  z.object({ type: z.literal('pong'), ts: isoDateTime }),
  z.object({ type: z.literal('error'), code: z.literal('bad_message'), message: z.string() }),
])

export type ServerFrame = z.infer<typeof serverFrame>

/** Why the input was refused, naming the field: the message of a 400 `invalid_field`. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'invalid input'
  const field = issue.path.join('.')
  return field ? `${field}: ${issue.message}` : issue.message
}
