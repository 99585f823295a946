import type { ActivityEntry } from './activity'
import type { Presence } from './presence'
import { othersView, ownView } from './status'
import type { PresenceView, UserRecord } from './types'

/** Who is looking: a user (who sees themselves as they are and others as others do) or an admin endpoint. */
export type Viewer = { userId: number } | 'admin'

export const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString())

export const avatarUrl = (origin: string, user: UserRecord) => `${origin}/avatars/${user.id}.svg`

/**
 * Whether a viewer may see the user's last seen (section 6.4): the user themselves and the admin endpoints always;
 * anyone else as the user chose (`everyone`, their `friends`, `nobody`).
 */
export function maySeeLastSeen(viewer: Viewer, user: UserRecord): boolean {
  if (viewer === 'admin' || viewer.userId === user.id) return true
  switch (user.lastSeenVisibility) {
    case 'everyone':
      return true
    case 'friends':
      return user.friends.has(viewer.userId)
    case 'nobody':
      return false
    default:
      return user.lastSeenVisibility satisfies never
  }
}

export function viewOf(presence: Presence, viewer: Viewer, user: UserRecord): PresenceView {
  const own = viewer === 'admin' || viewer.userId === user.id
  const view = (own ? ownView : othersView)(user, presence.clock.now(), presence.timing)
  return maySeeLastSeen(viewer, user) ? view : { ...view, lastSeen: null }
}

export function listVisible(presence: Presence, viewer: Viewer): Array<[UserRecord, PresenceView]> {
  const out: Array<[UserRecord, PresenceView]> = []
  for (const user of presence.users) {
    const view = viewOf(presence, viewer, user)
    if (view.status !== 'offline') out.push([user, view])
  }
  return out.sort((a, b) => a[0].id - b[0].id)
}

export function camelUser(origin: string, user: UserRecord, view: PresenceView) {
  return {
    id: user.id,
    username: user.username,
    profileImage: avatarUrl(origin, user),
    isOnline: view.status !== 'offline',
    status: view.status,
    statusMessage: view.statusMessage,
    statusExpiresAt: iso(view.statusExpiresAt),
    lastSeen: iso(view.lastSeen),
    idle: view.idle,
    devices: view.devices,
  }
}

export function snakeUser(origin: string, user: UserRecord, view: PresenceView) {
  return {
    id: user.id,
    username: user.username,
    profile_image: avatarUrl(origin, user),
    is_online: view.status !== 'offline',
    online_status: view.status,
    status_message: view.statusMessage,
    status_expires_at: iso(view.statusExpiresAt),
    last_seen: iso(view.lastSeen),
    last_activity: iso(view.lastSeen),
    idle: view.idle,
    devices: view.devices,
  }
}

export function meUser(origin: string, user: UserRecord, view: PresenceView) {
  return {
    id: user.id,
    username: user.username,
    profile_image: avatarUrl(origin, user),
    is_admin: user.isAdmin,
    online_status: view.status,
    mode: user.mode,
    status_message: view.statusMessage,
    status_expires_at: iso(view.statusExpiresAt),
    last_seen: iso(view.lastSeen),
    idle: view.idle,
    devices: view.devices,
    last_seen_visibility: user.lastSeenVisibility,
  }
}

export function adminStatus(user: UserRecord, view: PresenceView) {
  return {
    user_id: user.id,
    username: user.username,
    online_status: view.status,
    last_seen: iso(view.lastSeen),
    is_online: view.status !== 'offline',
    idle: view.idle,
    devices: view.devices,
  }
}

export function conversationUser(origin: string, user: UserRecord, view: PresenceView) {
  return {
    id: user.id,
    username: user.username,
    profile_image: avatarUrl(origin, user),
    is_online: view.status !== 'offline',
    online_status: view.status,
    last_seen: iso(view.lastSeen),
    idle: view.idle,
    devices: view.devices,
  }
}

export function activityItem(presence: Presence, entry: ActivityEntry) {
  const user = presence.user(entry.userId)!
  return { user: { id: user.id, username: user.username }, event: entry.event, at: iso(entry.at)! }
}
