// chat-list-activity against a backend written from its background document alone: UserActivityMiddleware sets
// last_activity = now on every authenticated request; User.is_online is `(now - last_activity).seconds < 300`
// (Python's timedelta.seconds: the seconds part alone, days left out); the chat list gives each chat's
// `other_user` with `is_online`. No socket, no heartbeat, no mark-offline, no logout path. The document names the
// view (ChatListView) but no path: it is served at the preset's GET /api/chat/conversations/, as a bare list.
import { describe, expect, it } from 'vitest'
import { isPresenceApiError } from '../../src/client'
import { unavailableReason } from '../../src/runtime'
import { backendPerTest, DocumentBackend, NOT_AUTHENTICATED, nextRequests, seesOnline, showCard, signIn, until, type DocumentUser } from './document-backend'

const LIST = '/api/chat/conversations/'
const DAY_SECONDS = 86_400

function chatListActivityBackend(): DocumentBackend {
  const lastActivity = new Map<number, number>()
  // timedelta.seconds: 0 <= seconds < 86400, whatever the days (negative ones included).
  const isOnline = (user: DocumentUser) => {
    const at = lastActivity.get(user.id)
    if (at === undefined) return false
    const delta = Math.floor((backend.now() - at) / 1000)
    return ((delta % DAY_SECONDS) + DAY_SECONDS) % DAY_SECONDS < 300
  }
  // Every user has a chat with every other (ids: the pair's).
  const backend: DocumentBackend = new DocumentBackend(['john_doe', 'jane_smith', 'maria_garcia'], {
    [`GET ${LIST}`]: ({ user }) => {
      if (!user) return NOT_AUTHENTICATED
      const chats = backend.users
        .filter((other) => other.id !== user.id)
        .map((other) => ({
          id: Math.min(user.id, other.id) * 10 + Math.max(user.id, other.id),
          other_user: { id: other.id, username: other.username, is_online: isOnline(other) },
        }))
      return { status: 200, json: chats }
    },
  })
  backend.middleware = (user) => lastActivity.set(user.id, backend.now())
  return backend
}

let backend: DocumentBackend
const fast = { backend: 'chat-list-activity', pollIntervalMs: 40 } as const
const reads = (username: string) => (request: { path: string; user: string | null }) => request.path === LIST && request.user === username

backendPerTest(chatListActivityBackend, (fresh) => (backend = fresh))

describe('chat-list-activity against its document: is_online of the peers in the chat list, every request is activity', () => {
  it('sign in: each read is a sign of life the other sees at their next read; a user never active is offline', async () => {
    const first = signIn(backend, 'john_doe', fast)
    await until(() => first.store.getState().synced, "john's first read")
    const maria = String(backend.user('maria_garcia').id)
    expect(first.store.users.get(maria)).toMatchObject({ username: 'maria_garcia', isOnline: false })
    expect(seesOnline(first, backend.user('jane_smith'))).toBe(false)

    const second = signIn(backend, 'jane_smith', fast)
    await until(() => seesOnline(second, backend.user('john_doe')), 'jane sees john online at her first read')
    await until(() => seesOnline(first, backend.user('jane_smith')), 'john sees jane online at his next read')
    expect(backend.kitRequests().every((r) => r.method === 'GET' && r.path === LIST && r.status === 200)).toBe(true)
  })

  it('logout (markOffline): nothing is sent; still online for the other until 5 minutes have passed, and again a day later (timedelta.seconds)', async () => {
    const first = signIn(backend, 'john_doe', fast)
    const second = signIn(backend, 'jane_smith', fast)
    await until(() => seesOnline(first, backend.user('jane_smith')), 'john sees jane online')
    await second.markOffline()
    const loggedOutAt = performance.now()
    await nextRequests(backend, reads('john_doe'), 2)
    expect(backend.kitRequests('jane_smith').filter((r) => r.at > loggedOutAt)).toEqual([])
    expect(seesOnline(first, backend.user('jane_smith'))).toBe(true)

    backend.advance(301)
    await until(() => !seesOnline(first, backend.user('jane_smith')), 'john sees jane offline after 5 minutes')
    // The document's property reads only the seconds part: a day and a bit later she is "online" again, and its
    // own frontend would draw the green dot; the kit shows what the list says.
    backend.advance(DAY_SECONDS - 301)
    await until(() => seesOnline(first, backend.user('jane_smith')), "john sees jane 'online' a day after her last request")
  })

  it('no chat list (Django’s 404 page): the card says the server offers no list; read once, not again when it is back', async () => {
    const putBack = backend.unroute(`GET ${LIST}`)
    const card = await showCard(backend, 'john_doe', fast)
    try {
      await until(() => card.tab.card().state === 'unavailable', 'the card is unavailable')
      expect(card.message()).toBe('This server does not offer a list of who is online.')
      const { syncError } = card.tab.runtime!.store.getState()
      expect(isPresenceApiError(syncError) && syncError.isMissingEndpoint && unavailableReason(syncError)).toBe('missing')
      // Not asked again, not even once the route is back (until a retry or a new start): jane's reads meanwhile.
      putBack()
      signIn(backend, 'jane_smith', fast)
      await until(() => backend.kitRequests('jane_smith').length >= 3, "jane's reads")
      expect(backend.kitRequests('john_doe').filter(reads('john_doe')).map((r) => r.status)).toEqual([404])
    } finally {
      await card.close()
    }
  })
})
