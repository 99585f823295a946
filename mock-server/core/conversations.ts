import { DEFAULT_CAST, type CastConversation } from './cast'

export interface Conversation {
  id: number
  members: readonly [number, number]
  lastMessage: { text: string; sentAt: number; senderId: number } | null
  unread: Readonly<Record<number, number>>
}

/** The seeded conversations, dated relative to the moment they were seeded. */
export class Conversations {
  #all: Conversation[] = []
  readonly #cast: readonly CastConversation[]

  constructor(now: number, cast: readonly CastConversation[] = DEFAULT_CAST.conversations) {
    this.#cast = cast
    this.seed(now)
  }

  seed(now: number): void {
    this.#all = this.#cast.map((c) => ({
      id: c.id,
      members: c.members,
      lastMessage: c.lastMessage && { text: c.lastMessage.text, sentAt: now - c.lastMessage.sentAgo * 1000, senderId: c.lastMessage.senderId },
      unread: c.unread,
    }))
  }

  /** The user's conversations, most recent first; those without messages last. */
  of(userId: number): Conversation[] {
    return this.#all
      .filter((c) => c.members.includes(userId))
      .sort((a, b) => (b.lastMessage?.sentAt ?? -Infinity) - (a.lastMessage?.sentAt ?? -Infinity) || a.id - b.id)
  }
}
