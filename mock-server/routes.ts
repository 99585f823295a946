import type { ControlStatus } from './backend'
import { avatarSvg } from './core/avatar'
import { STATUS_PROBLEMS, type StatusChange } from './core/presence'
import { responses, schemas } from './core/schemas'
import type { DeviceKind, UserRecord } from './core/types'
import {
  activityItem,
  adminStatus,
  camelUser,
  conversationUser,
  iso,
  listVisible,
  meUser,
  snakeUser,
  viewOf,
} from './core/views'
import { define, HttpError, type Route, type RouteContext } from './route'

const MAX_ACTIVITY = 200
const MAX_PER_PAGE = 100

function caller(ctx: RouteContext<unknown, unknown>): UserRecord {
  return ctx.backend.presence.user(ctx.auth!.userId)!
}

function target(ctx: RouteContext<unknown, unknown>): UserRecord {
  // `/avatars/{id}.svg` hands its parameter over with the extension: the id is the integer before it.
  const id = Number.parseInt(ctx.params.id ?? '', 10)
  const user = ctx.backend.presence.user(id)
  if (!user) throw new HttpError(404, 'user_not_found', `no user with id ${id}`)
  return user
}

const me = (ctx: RouteContext<unknown, unknown>) => {
  const user = caller(ctx)
  return meUser(ctx.origin, user, viewOf(ctx.backend.presence, { userId: user.id }, user))
}

const adminView = (ctx: RouteContext<unknown, unknown>, user: UserRecord) =>
  adminStatus(user, viewOf(ctx.backend.presence, 'admin', user))

/** Sets a user's presence as their own session would; answers with the user as admins see them. */
function applyPresence(ctx: RouteContext<{ status: ControlStatus; device?: DeviceKind; idle?: boolean }, unknown>) {
  const user = target(ctx)
  ctx.backend.applyPresence(user.id, ctx.body.status, { device: ctx.body.device, idle: ctx.body.idle })
  return { status: 200, body: adminView(ctx, user) }
}

function logout(ctx: RouteContext<{ refresh?: string }, unknown>) {
  const { presence, tokens } = ctx.backend
  const byRefresh = ctx.body.refresh ? tokens.sessionOfRefresh(ctx.body.refresh, presence.clock.now()) : null
  // With a valid bearer, a refresh token counts only if it is another session of the same user.
  const sessions = ctx.auth
    ? [ctx.auth, byRefresh?.userId === ctx.auth.userId && byRefresh.sessionId !== ctx.auth.sessionId ? byRefresh : null]
    : [byRefresh]
  const live = sessions.filter((s) => s !== null)
  if (!live.length) throw new HttpError(401, 'unauthorized', 'a valid bearer token or refresh token is required')
  for (const session of live) {
    tokens.revoke(session.sessionId)
    presence.logout(session.userId, session.sessionId)
  }
  return { status: 200, body: { success: true } }
}

const logoutRoute = define({
  method: 'post',
  path: '/api/auth/logout/',
  access: 'session',
  summary: "Revokes the session's tokens, closes its sockets with 4401 and marks the user offline.",
  tag: 'auth',
  body: schemas.logoutBody,
  responses: { 200: responses.logout },
  errors: [401],
  handle: logout,
})

const heartbeat = define({
  method: 'post',
  path: '/api/chat/heartbeat/',
  access: 'user',
  summary: 'Records a heartbeat. The body timestamp is accepted and ignored.',
  tag: 'presence',
  body: schemas.heartbeatBody,
  responses: { 200: responses.heartbeat },
  handle: (ctx) => {
    const user = caller(ctx)
    ctx.backend.presence.sign(user.id, 'heartbeat')
    const view = viewOf(ctx.backend.presence, { userId: user.id }, user)
    return { status: 200, body: { message: 'Heartbeat recorded', online_status: view.status, last_seen: iso(view.lastSeen) } }
  },
})

/** The contract's REST routes; the mock's controls come from `controlRoutes`. */
export const apiRoutes: Route[] = [
  define({
    method: 'post',
    path: '/api/auth/login/',
    access: 'public',
    summary: 'Logs in: a new session with its own token pair. A sign of life.',
    tag: 'auth',
    body: schemas.loginBody,
    responses: { 200: responses.login },
    errors: [401],
    handle: (ctx) => {
      const { presence, tokens } = ctx.backend
      const user = presence.userByName(ctx.body.username)
      if (!user || ctx.body.password !== 'password') throw new HttpError(401, 'unauthorized', 'wrong username or password')
      const pair = tokens.issue(user.id, presence.clock.now())
      presence.sign(user.id, 'login')
      const auth = { userId: user.id, sessionId: pair.sessionId }
      return { status: 200, body: { access: pair.access, refresh: pair.refresh, user: me({ ...ctx, auth }) } }
    },
  }),
  define({
    method: 'post',
    path: '/api/auth/refresh/',
    access: 'public',
    summary: 'A new access token for a live refresh token. Not a sign of life.',
    tag: 'auth',
    body: schemas.refreshBody,
    responses: { 200: responses.refresh },
    errors: [401],
    handle: (ctx) => {
      const access = ctx.backend.tokens.refresh(ctx.body.refresh, ctx.backend.presence.clock.now())
      if (!access) throw new HttpError(401, 'unauthorized', 'the refresh token is unknown, revoked or expired')
      return { status: 200, body: { access } }
    },
  }),
  logoutRoute,
  define({ ...logoutRoute, path: '/api/users/logout/', summary: 'As /api/auth/logout/, by refresh token alone (`{"refresh"}`).' }),
  define({
    method: 'get',
    path: '/api/chat/online-users/',
    access: 'user',
    summary: 'Everyone the caller sees online, the caller included: `onlineUsers` (user objects) and `online_users` (ids).',
    tag: 'presence',
    responses: { 200: responses.chatOnlineUsers },
    handle: (ctx) => {
      const users = listVisible(ctx.backend.presence, { userId: ctx.auth!.userId })
      return {
        status: 200,
        body: {
          success: true,
          onlineUsers: users.map(([user, view]) => camelUser(ctx.origin, user, view)),
          online_users: users.map(([user]) => user.id),
        },
      }
    },
  }),
  define({
    method: 'get',
    path: '/api/users/online/',
    access: 'user',
    summary: 'Everyone else the caller sees online, ordered by id, as a bare array; `filter=friends` keeps friends.',
    tag: 'presence',
    query: schemas.onlineQuery,
    responses: { 200: responses.usersOnline },
    handle: (ctx) => {
      const self = caller(ctx)
      const users = listVisible(ctx.backend.presence, { userId: self.id }).filter(
        ([user]) => user.id !== self.id && (ctx.query.filter !== 'friends' || self.friends.has(user.id)),
      )
      return { status: 200, body: users.map(([user, view]) => snakeUser(ctx.origin, user, view)) }
    },
  }),
  heartbeat,
  define({ ...heartbeat, path: '/api/users/heartbeat/', summary: 'Records a heartbeat, as /api/chat/heartbeat/.' }),
  define({
    method: 'post',
    path: '/api/chat/mark-offline/',
    access: 'user',
    summary: "Ends the caller's REST presence and grace period at once; open sockets keep them online.",
    tag: 'presence',
    body: schemas.heartbeatBody,
    responses: { 200: responses.markOffline },
    handle: (ctx) => {
      const user = caller(ctx)
      ctx.backend.presence.markOffline(user.id)
      const view = viewOf(ctx.backend.presence, { userId: user.id }, user)
      return { status: 200, body: { success: true, online_status: view.status } }
    },
  }),
  define({
    method: 'get',
    path: '/api/chat/conversations/',
    access: 'user',
    summary: "The caller's conversations, most recent first, each `other_user` with `is_online`, `online_status` and `last_seen`.",
    tag: 'chat',
    responses: { 200: responses.conversations },
    handle: (ctx) => {
      const { presence, conversations } = ctx.backend
      const self = caller(ctx)
      const body = conversations.of(self.id).map((c) => {
        const other = presence.user(c.members[0] === self.id ? c.members[1] : c.members[0])!
        return {
          id: c.id,
          other_user: conversationUser(ctx.origin, other, viewOf(presence, { userId: self.id }, other)),
          last_message: c.lastMessage && {
            text: c.lastMessage.text,
            sent_at: iso(c.lastMessage.sentAt),
            sender_id: c.lastMessage.senderId,
          },
          unread_count: c.unread[self.id] ?? 0,
        }
      })
      return { status: 200, body }
    },
  }),
  define({
    method: 'get',
    path: '/api/users/me/',
    access: 'user',
    summary: 'The caller as they see themselves.',
    tag: 'users',
    responses: { 200: responses.me },
    handle: (ctx) => ({ status: 200, body: me(ctx) }),
  }),
  define({
    method: 'patch',
    path: '/api/users/me/status/',
    access: 'user',
    summary:
      "Sets the caller's mode, status message (null or blank clears it) and its expiry, last-seen visibility, and whether the REST presence is idle (6.1–6.4).",
    tag: 'users',
    body: schemas.statusBody,
    responses: { 200: responses.me },
    handle: (ctx) => {
      const { mode, status_message, status_expires_at, last_seen_visibility, idle } = ctx.body
      const change: StatusChange = {
        mode,
        statusMessage: status_message === undefined ? undefined : ctx.backend.normaliseMessage(status_message),
        statusExpiresAt: status_expires_at === undefined ? undefined : status_expires_at === null ? null : Date.parse(status_expires_at),
        lastSeenVisibility: last_seen_visibility,
        idle,
      }
      const problem = ctx.backend.presence.checkStatus(ctx.auth!.userId, change)
      if (problem) throw new HttpError(400, 'invalid_field', `status_expires_at: ${STATUS_PROBLEMS[problem]}`)
      ctx.backend.presence.setStatus(ctx.auth!.userId, change, 'rest')
      return { status: 200, body: me(ctx) }
    },
  }),
  define({
    method: 'get',
    path: '/api/users/activity/',
    access: 'user',
    summary: 'Status changes as others saw them, newest first; `limit` 1..200 (larger is clamped).',
    tag: 'presence',
    query: schemas.activityQuery,
    responses: { 200: responses.activity },
    handle: (ctx) => {
      const { presence } = ctx.backend
      const self = caller(ctx)
      const limit = Math.min(ctx.query.limit ?? 50, MAX_ACTIVITY)
      const friendsOnly = ctx.query.filter === 'friends'
      const entries = presence.activity.newest(limit, (e) => !friendsOnly || self.friends.has(e.userId))
      return { status: 200, body: entries.map((e) => activityItem(presence, e)) }
    },
  }),
  define({
    method: 'get',
    path: '/api/users/admin/users/online/',
    access: 'admin',
    summary: 'Admins only: everyone online as they really are (invisible included), paginated, ordered by id.',
    tag: 'admin',
    query: schemas.pageQuery,
    responses: { 200: responses.adminOnline },
    handle: (ctx) => {
      const page = ctx.query.page ?? 1
      const perPage = Math.min(ctx.query.per_page ?? 50, MAX_PER_PAGE)
      const all = listVisible(ctx.backend.presence, 'admin')
      const totalPages = Math.ceil(all.length / perPage)
      return {
        status: 200,
        body: {
          online_users: all.slice((page - 1) * perPage, page * perPage).map(([u, v]) => snakeUser(ctx.origin, u, v)),
          online_count: all.length,
          pagination: {
            page,
            per_page: perPage,
            total: all.length,
            total_pages: totalPages,
            has_next: page < totalPages,
            has_previous: page > 1,
          },
        },
      }
    },
  }),
  define({
    method: 'get',
    path: '/api/users/admin/users/{id}/online-status/',
    access: 'admin',
    summary: "Admins only: one user's real status.",
    tag: 'admin',
    responses: { 200: responses.adminStatus },
    errors: [404],
    handle: (ctx) => ({ status: 200, body: adminView(ctx, target(ctx)) }),
  }),
  define({
    method: 'post',
    path: '/api/users/admin/users/{id}/set-online-status/',
    access: 'admin',
    summary: "Admins only: `online`/`away` set the user's mode and count as their activity; `offline` is their mark-offline.",
    tag: 'admin',
    body: schemas.adminSetStatusBody,
    responses: { 200: responses.adminStatus },
    errors: [404],
    handle: applyPresence,
  }),
  define({
    method: 'get',
    path: '/avatars/{id}.svg',
    access: 'public',
    summary: "A user's avatar, served by the mock itself.",
    tag: 'users',
    responses: { 200: 'image/svg+xml' },
    errors: [404],
    handle: (ctx) => {
      const user = target(ctx)
      return { status: 200, body: avatarSvg(user.id, user.username), type: 'image/svg+xml' }
    },
  }),
]

/** The mock's own controls (off with `--no-control`). */
export const controlRoutes: Route[] = [
  define({
    method: 'post',
    path: '/__mock__/reset',
    access: 'control',
    summary: 'Back to the seeded state and the real clock; drops every token, closes every socket with 4401.',
    tag: 'mock',
    responses: { 200: responses.reset },
    handle: (ctx) => {
      ctx.backend.reset()
      return { status: 200, body: { success: true, now: iso(ctx.backend.clock.now()) } }
    },
  }),
  define({
    method: 'post',
    path: '/__mock__/clock',
    access: 'control',
    summary: 'Moves the server clock forward (at most 100 years ahead of the real time); everything that fell due is pushed, in order, before the reply.',
    tag: 'mock',
    body: schemas.clockBody,
    responses: { 200: responses.clock },
    errors: [400],
    handle: (ctx) => {
      if (!ctx.backend.clock.canAdvance(ctx.body.advanceSeconds * 1000)) {
        throw new HttpError(400, 'invalid_field', 'advanceSeconds: the clock may run at most 100 years ahead of the real time')
      }
      ctx.backend.advance(ctx.body.advanceSeconds)
      return {
        status: 200,
        body: { success: true, now: iso(ctx.backend.clock.now()), advancedSeconds: ctx.body.advanceSeconds },
      }
    },
  }),
  define({
    method: 'post',
    path: '/__mock__/users/{id}/presence',
    access: 'control',
    summary:
      "Acts as the user's own session: online/away/dnd set the mode with REST activity, invisible the mode, offline marks offline; `device` holds a connection of that kind open, `idle` reports it and the REST presence idle or active.",
    tag: 'mock',
    body: schemas.controlPresenceBody,
    responses: { 200: responses.controlPresence },
    errors: [404],
    handle: applyPresence,
  }),
]
