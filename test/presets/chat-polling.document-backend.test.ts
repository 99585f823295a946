// chat-polling against a backend written from its background document alone (heartbeat + polling, no socket,
// mark-offline): POST /api/chat/heartbeat/ {"timestamp"} sets last_activity to the request's timestamp;
// POST /api/chat/mark-offline/ sets it to 1970; GET /api/chat/online-users/ is {"online_users": [ids]} of everyone
// active in the last 5 minutes (the caller included). Nothing else exists: any other path is Django's 404 page.
// Also the 404 path: the same backend without the list, the heartbeat or mark-offline.
import { describe, expect, it } from 'vitest'
import { unavailableReason, VisibilityManager } from '../../src/runtime'
import { isPresenceApiError } from '../../src/client'
import { backendPerTest, DocumentBackend, gaps, NOT_AUTHENTICATED, nextRequests, seesOnline, showCard, signIn, until, type DocumentUser } from './document-backend'

const FIVE_MINUTES = 5 * 60_000

function chatPollingBackend(): DocumentBackend {
  const lastActivity = new Map<number, number>()
  const backend: DocumentBackend = new DocumentBackend(['john_doe', 'jane_smith'], {
    'POST /api/chat/heartbeat/': ({ user, body }) => {
      if (!user) return NOT_AUTHENTICATED
      // "Update user's last_activity = request.timestamp": the client's clock is taken as it is.
      const timestamp = (body as { timestamp?: unknown } | undefined)?.timestamp
      const at = typeof timestamp === 'string' ? Date.parse(timestamp) : NaN
      if (Number.isNaN(at)) return { status: 400, json: { error: 'timestamp is required' } }
      lastActivity.set(user.id, at)
      return { status: 200, json: { success: true } }
    },
    'POST /api/chat/mark-offline/': ({ user }) => {
      if (!user) return NOT_AUTHENTICATED
      lastActivity.set(user.id, Date.parse('1970-01-01T00:00:00.000Z'))
      return { status: 200, json: { success: true } }
    },
    'GET /api/chat/online-users/': ({ user }) => {
      if (!user) return NOT_AUTHENTICATED
      const since = backend.now() - FIVE_MINUTES
      return { status: 200, json: { online_users: backend.users.filter((u) => (lastActivity.get(u.id) ?? -Infinity) >= since).map((u) => u.id) } }
    },
  })
  return backend
}

let backend: DocumentBackend
const john = () => backend.user('john_doe')
const jane = () => backend.user('jane_smith')
const fast = { backend: 'chat-polling', heartbeatIntervalMs: 150, pollIntervalMs: 40 } as const
const isHeartbeat = (user: DocumentUser) => (request: { path: string; user: string | null }) => request.path === '/api/chat/heartbeat/' && request.user === user.username

backendPerTest(chatPollingBackend, (fresh) => (backend = fresh))

describe('chat-polling against its document: heartbeat + polling, no socket, mark-offline', () => {
  it('sign in: online for the other at their next poll; heartbeats at the interval with a timestamp; mark-offline: offline', async () => {
    const first = signIn(backend, 'john_doe', fast)
    const second = signIn(backend, 'jane_smith', fast)
    await until(() => seesOnline(second, john()) && seesOnline(first, jane()), 'each sees the other online')

    // Three beats of john's: each at the document's path with an ISO timestamp of now, an interval apart.
    await until(() => backend.kitRequests('john_doe').filter(isHeartbeat(john())).length >= 3, 'three beats')
    const beats = backend.kitRequests('john_doe').filter(isHeartbeat(john()))
    for (const beat of beats) {
      expect(beat.method).toBe('POST')
      const { timestamp } = beat.body as { timestamp: string }
      expect(Math.abs(Date.parse(timestamp) - Date.now())).toBeLessThan(5_000)
    }
    expect(Math.min(...gaps(beats))).toBeGreaterThanOrEqual(140)

    await first.markOffline()
    const markOffline = backend.kitRequests('john_doe').filter((r) => r.path === '/api/chat/mark-offline/')
    expect(markOffline.map((r) => [r.method, r.status, typeof (r.body as { timestamp?: unknown }).timestamp])).toEqual([['POST', 200, 'string']])
    await until(() => !seesOnline(second, john()), 'jane sees john offline after mark-offline')
    // Nothing of john's after mark-offline (a late beat would bring him back for 5 minutes).
    await nextRequests(backend, (r) => r.user === 'jane_smith' && r.path === '/api/chat/online-users/', 3)
    expect(backend.kitRequests('john_doe').filter((r) => r.at > markOffline[0]!.at)).toEqual([])
    expect(seesOnline(second, john())).toBe(false)
  })

  it("the document's intervals by default: the first beat and the first read at once, then every 2 min and 10 s", async () => {
    const runtime = signIn(backend, 'john_doe', { backend: 'chat-polling' })
    expect(runtime.backend.heartbeatIntervalMs).toBe(120_000)
    expect(runtime.backend.listIntervalMs).toBe(10_000)
    // At once, not after an interval.
    await until(() => backend.kitRequests('john_doe').some(isHeartbeat(john())), 'the initial heartbeat', 2_000)
    await until(() => runtime.store.getState().synced, 'the first read', 2_000)
    // The first read goes out before the first beat has landed: once it has, the list is read again, so that the
    // caller sees themselves online at once, not 10 s later at the next read.
    await until(() => seesOnline(runtime, john()), 'john sees himself online', 2_000)
    const reads = backend.kitRequests('john_doe').filter((r) => r.path === '/api/chat/online-users/')
    expect(reads.length).toBe(2)
  })

  it('a hidden tab pauses the heartbeat; shown again, it beats at once only if the last beat is over a minute old (scaled)', async () => {
    // Scaled: the document's 2 min interval and 1 min "smart" resume are 1 s and 100 ms here.
    const visibility = new VisibilityManager()
    const options = { ...fast, heartbeatIntervalMs: 1_000, visibility, heartbeat: { locks: null, BroadcastChannel: null, resumeAfterMs: 100 } }
    signIn(backend, 'john_doe', options)
    signIn(backend, 'jane_smith', fast)
    const beats = () => backend.kitRequests('john_doe').filter(isHeartbeat(john()))
    await until(() => beats().length === 1, 'the first beat')
    const first = beats()[0]!.at

    // Shown again at once: no beat until the interval.
    visibility.setVisible(false)
    visibility.setVisible(true)
    await until(() => beats().length === 2, 'the second beat', 3_000)
    expect(beats()[1]!.at - first).toBeGreaterThanOrEqual(950)

    // Hidden for longer than the resume threshold (jane's reads are the clock): nothing while hidden, a beat at once on showing.
    visibility.setVisible(false)
    const hiddenAt = performance.now()
    await nextRequests(backend, (r) => r.user === 'jane_smith' && r.path === '/api/chat/online-users/', 5)
    expect(beats().filter((beat) => beat.at > hiddenAt)).toEqual([])
    visibility.setVisible(true)
    await until(() => beats().length === 3, 'the beat on showing')
    expect(beats()[2]!.at - beats()[1]!.at).toBeLessThan(900)
  })

  it('a closed tab (no mark-offline): still online until 5 minutes of the server’s clock have passed', async () => {
    const first = signIn(backend, 'john_doe', fast)
    const second = signIn(backend, 'jane_smith', fast)
    await until(() => seesOnline(second, john()), 'jane sees john online')
    first.stop()
    await nextRequests(backend, (r) => r.user === 'jane_smith' && r.path === '/api/chat/online-users/', 2)
    expect(seesOnline(second, john())).toBe(true)
    backend.advance(301)
    await until(() => !seesOnline(second, john()), 'jane sees john offline once his last beat is over 5 minutes old')
  })
})

describe('chat-polling against its document without one of its endpoints (Django’s 404 page)', () => {
  it('no list: the card says the server offers none; the list is read once while the heartbeat goes on', async () => {
    backend.unroute('GET /api/chat/online-users/')
    const card = await showCard(backend, 'john_doe', fast)
    try {
      await until(() => card.tab.card().state === 'unavailable', 'the card is unavailable')
      expect(card.message()).toBe('This server does not offer a list of who is online.')
      const runtime = card.tab.runtime!
      const { syncError } = runtime.store.getState()
      expect(isPresenceApiError(syncError) && syncError.status).toBe(404)
      expect(unavailableReason(syncError)).toBe('missing')
      await nextRequests(backend, isHeartbeat(john()), 3)
      expect(backend.kitRequests('john_doe').filter((r) => r.path === '/api/chat/online-users/').map((r) => r.status)).toEqual([404])
      expect(runtime.store.getState().heartbeat.error).toBeNull()
    } finally {
      await card.close()
    }
  })

  it('no heartbeat: the heartbeat stops with the 404 (asked once), the list goes on; the caller never shows online', async () => {
    backend.unroute('POST /api/chat/heartbeat/')
    const first = signIn(backend, 'john_doe', fast)
    const second = signIn(backend, 'jane_smith', fast)
    await until(() => first.store.getState().heartbeat.state === 'stopped', "john's heartbeat stopped")
    const { error } = first.store.getState().heartbeat
    expect(isPresenceApiError(error) && error.isMissingEndpoint).toBe(true)
    await nextRequests(backend, (r) => r.user === 'jane_smith' && r.path === '/api/chat/online-users/', 3)
    expect(backend.kitRequests('john_doe').filter(isHeartbeat(john())).map((r) => r.status)).toEqual([404])
    expect(backend.kitRequests('jane_smith').filter(isHeartbeat(jane())).map((r) => r.status)).toEqual([404])
    expect(second.store.getState().syncError).toBeNull()
    expect(seesOnline(second, john())).toBe(false)
  })

  it('no mark-offline: markOffline rejects with the 404 after stopping everything; the other sees the user until the 5 minutes end', async () => {
    backend.unroute('POST /api/chat/mark-offline/')
    const first = signIn(backend, 'john_doe', fast)
    const second = signIn(backend, 'jane_smith', fast)
    await until(() => seesOnline(second, john()), 'jane sees john online')
    const failure = await first.markOffline().then(() => null, (error: unknown) => error)
    expect(isPresenceApiError(failure) && failure.isMissingEndpoint).toBe(true)
    const markedAt = backend.kitRequests('john_doe').find((r) => r.path === '/api/chat/mark-offline/')!.at
    await nextRequests(backend, (r) => r.user === 'jane_smith' && r.path === '/api/chat/online-users/', 2)
    expect(backend.kitRequests('john_doe').filter((r) => r.at > markedAt)).toEqual([])
    expect(seesOnline(second, john())).toBe(true)
    backend.advance(301)
    await until(() => !seesOnline(second, john()), 'jane sees john offline once his last beat is 5 minutes old')
  })
})
