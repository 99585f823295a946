import type { Conversation, Presence, PresenceStatus } from '../../../src/client'

const STATUSES: PresenceStatus[] = ['online', 'offline', 'away', 'offline', 'dnd', 'offline']

/** A user as the conversations endpoint gives them. */
export function peer(id: string, fields: Partial<Presence> = {}): Presence {
  const status = fields.status ?? 'offline'
  return { id, username: `user${id}`, profileImage: null, statusMessage: null, lastSeen: null, ...fields, status, isOnline: status !== 'offline' }
}

/** `count` conversations with users `u1`…, most recent first, deterministic. */
export function conversations(count: number, now = Date.parse('2024-01-15T16:00:00Z')): Conversation[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `c${i + 1}`,
    otherUser: peer(`u${i + 1}`, { status: STATUSES[i % STATUSES.length]! }),
    lastMessage: i % 7 === 6 ? null : { text: `Message number ${i + 1}`, sentAt: now - i * 3_600_000, senderId: i % 2 ? 'me' : `u${i + 1}` },
    unreadCount: i % 4 === 0 ? (i % 9) + 1 : 0,
  }))
}

/** A few named conversations, for type-ahead. */
export function named(names: string[]): Conversation[] {
  return names.map((username, i) => ({
    id: `c${i + 1}`,
    otherUser: peer(`u${i + 1}`, { username, status: i % 2 ? 'offline' : 'online' }),
    lastMessage: { text: `Hello from ${username}`, sentAt: Date.parse('2024-01-15T14:05:00Z'), senderId: `u${i + 1}` },
    unreadCount: i === 1 ? 3 : 0,
  }))
}

/**
 * happy-dom lays nothing out: give listboxes a height (and every element a width) so that the virtualizer sees a
 * viewport of `height` px, as a browser would. Returns the undo.
 */
export function fakeListboxLayout(height: number): () => void {
  const proto = HTMLElement.prototype
  const before = {
    clientHeight: Object.getOwnPropertyDescriptor(proto, 'clientHeight'),
    clientWidth: Object.getOwnPropertyDescriptor(proto, 'clientWidth'),
  }
  Object.defineProperty(proto, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.getAttribute('role') === 'listbox' ? height : 0
    },
  })
  Object.defineProperty(proto, 'clientWidth', { configurable: true, get: () => 360 })
  return () => {
    for (const [key, descriptor] of Object.entries(before)) {
      if (descriptor) Object.defineProperty(proto, key, descriptor)
      else delete (proto as unknown as Record<string, unknown>)[key]
    }
  }
}

/**
 * A name matcher that hears an accessible name as a listener does: the spaces that the name computation puts
 * around the visually hidden ", " separators (they are blocks, being absolutely positioned) do not count.
 */
export const spoken = (pattern: RegExp) => (name: string) => pattern.test(name.replace(/\s+,/g, ',').replace(/\s+/g, ' ').trim())
