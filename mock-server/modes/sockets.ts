import { othersView, ownView } from '../core/status'
import { camelUser, iso, listVisible, maySeeLastSeen, type Viewer } from '../core/views'
import type { SocketProtocol } from './types'

/** No user has id 0: the list as any user sees it, in backends where everyone sees the same (no invisible mode). */
const ANYONE: Viewer = { userId: 0 }

/** The contract's protocol: a detailed snapshot first, then each change of what a viewer sees, pings answered. */
export const contractSocket: SocketProtocol = {
  paths: ['/ws/user-status', '/ws/chat'],
  greeting: ({ presence }, userId, origin) =>
    JSON.stringify({
      type: 'online_users',
      onlineUsers: listVisible(presence, { userId }).map(([user, view]) => camelUser(origin, user, view)),
    }),
  pong: (_backend, at) => ({ type: 'pong', ts: iso(at) }),
  statusFrames: true,
  announce: {
    kind: 'user',
    frame: ({ presence }, userId, audience, origin, viewerId, at) => {
      const user = presence.user(userId)
      if (!user) return null
      const view = (audience === 'self' ? ownView : othersView)(user, at, presence.timing)
      // Last seen as this viewer may see it (section 6.4); one's own sockets always see it.
      const seen = audience === 'self' || maySeeLastSeen({ userId: viewerId }, user)
      return JSON.stringify({ type: 'user.status.changed', user: camelUser(origin, user, seen ? view : { ...view, lastSeen: null }) })
    },
    variant: ({ presence }, userId, audience, viewerId) => {
      const user = presence.user(userId)
      return audience === 'self' || !user || maySeeLastSeen({ userId: viewerId }, user) ? 'seen' : 'hidden'
    },
  },
}

const idList = ({ presence }: Parameters<SocketProtocol['pong']>[0]) =>
  JSON.stringify({ type: 'online_users', onlineUsers: listVisible(presence, ANYONE).map(([user]) => String(user.id)) })

/** `/ws/chat/`: the ids of everyone online as strings, the caller included, on connect and after every change. */
export const chatIdsSocket: SocketProtocol = {
  paths: ['/ws/chat'],
  greeting: (backend) => idList(backend),
  // The chat socket's design defines nothing the client sends: a ping is taken as a sign of life, silently.
  pong: () => null,
  statusFrames: false,
  announce: { kind: 'list', frame: idList },
}

/** `/ws/user-status/`: no snapshot; every change of a user's `is_online`, flat, to every open socket. */
export const userStatusSocket: SocketProtocol = {
  paths: ['/ws/user-status'],
  greeting: () => null,
  pong: () => ({ type: 'pong' }),
  statusFrames: false,
  announce: {
    kind: 'user',
    frame: ({ presence }, userId, _audience, _origin, _viewerId, at) => {
      const user = presence.user(userId)
      if (!user) return null
      const view = othersView(user, at, presence.timing)
      return JSON.stringify({
        type: 'user.status.changed',
        user_id: user.id,
        username: user.username,
        is_online: view.status !== 'offline',
        last_seen: iso(view.lastSeen),
      })
    },
  },
}
