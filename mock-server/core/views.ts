import type { ActivityEntry } from './activity'
import type { Presence } from './presence'
import { othersView, ownView } from './status'
import type { PresenceView, UserRecord } from './types'

/** Who is looking: a user (who sees themselves as they are and others as others do) or an admin endpoint. */
export type Viewer = { userId: number } | 'admin'

export const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString())

export const avatarUrl = (origin: string, user: UserRecord) => `${origin}/avatars/${user.id}.svg`

export function viewOf(presence: Presence, viewer: Viewer, user: UserRecord): PresenceView {
  const own = viewer === 'admin' || viewer.userId === user.id
  return (own ? ownView : othersView)(user, presence.clock.now(), presence.timing)
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
    lastSeen: iso(view.lastSeen),
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
    last_seen: iso(view.lastSeen),
    last_activity: iso(view.lastSeen),
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
    last_seen: iso(view.lastSeen),
  }
}

export function adminStatus(user: UserRecord, view: PresenceView) {
  return {
    user_id: user.id,
    username: user.username,
    online_status: view.status,
    last_seen: iso(view.lastSeen),
    is_online: view.status !== 'offline',
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
  }
}

export function activityItem(presence: Presence, entry: ActivityEntry) {
  const user = presence.user(entry.userId)!
  return { user: { id: user.id, username: user.username }, event: entry.event, at: iso(entry.at)! }
}
