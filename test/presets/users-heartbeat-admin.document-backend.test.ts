// users-heartbeat-admin against a backend written from its background document alone: UserPresenceMiddleware sets
// online_status = 'online' and last_seen = now on every authenticated request; login sets online, logout
// (POST /api/users/logout/ {"refresh"}) offline; POST /api/users/heartbeat/ answers {message, online_status,
// last_seen}; the admin API sets and reads a user's status and lists who is online
// (GET /api/users/admin/users/online/?page=1&per_page=50 → {online_users, online_count, pagination}). Nothing
// expires. The admin routes are for admins (a 403 for anyone else, as DRF's IsAdminUser answers); the list's items
// are the document's user-status record ({user_id, username, online_status, last_seen, is_online}).
import { describe, expect, it } from 'vitest'
import { unavailableReason } from '../../src/runtime'
import { backendPerTest, DocumentBackend, gaps, FORBIDDEN, NOT_AUTHENTICATED, nextRequests, seesOnline, showCard, signIn, until, type DocumentUser, type Handler } from './document-backend'

const LIST = '/api/users/admin/users/online/'
const HEARTBEAT = '/api/users/heartbeat/'
// Enough others online for a second page of 50.
const CROWD = Array.from({ length: 55 }, (_, index) => `member_${String(index + 1).padStart(2, '0')}`)

function usersHeartbeatAdminBackend(): DocumentBackend {
  const iso = () => new Date(backend.now()).toISOString()
  const set = (user: DocumentUser, status: string) => Object.assign(user, { online_status: status, last_seen: iso() })
  const record = (user: DocumentUser) => ({
    user_id: user.id,
    username: user.username,
    online_status: user.online_status ?? 'offline',
    last_seen: user.last_seen ?? null,
    is_online: user.online_status === 'online',
  })
  const admin = (handler: Handler): Handler => (request) => (!request.user ? NOT_AUTHENTICATED : !request.user.isAdmin ? FORBIDDEN : handler(request))
  const byId = (id: string) => backend.users.find((user) => user.id === Number(id))
  const backend: DocumentBackend = new DocumentBackend(['john_doe', 'jane_smith', { username: 'admin', isAdmin: true }, ...CROWD], {
    [`POST ${HEARTBEAT}`]: ({ user }) =>
      user ? { status: 200, json: { message: 'Heartbeat recorded', online_status: user.online_status, last_seen: user.last_seen } } : NOT_AUTHENTICATED,
    'POST /api/users/logout/': ({ user }) => {
      if (!user) return NOT_AUTHENTICATED
      set(user, 'offline')
      return { status: 200, json: { message: 'Logged out' } }
    },
    'POST /api/users/admin/users/<id>/set-online-status/': admin(({ body, params }) => {
      const user = byId(params[0] ?? '')
      const status = (body as { status?: string }).status ?? ''
      if (!user) return { status: 404, json: { detail: 'Not found.' } }
      if (!['online', 'away', 'offline'].includes(status)) return { status: 400, json: { error: 'invalid status' } }
      set(user, status)
      return { status: 200, json: record(user) }
    }),
    'GET /api/users/admin/users/<id>/online-status/': admin(({ params }) => {
      const user = byId(params[0] ?? '')
      return user ? { status: 200, json: record(user) } : { status: 404, json: { detail: 'Not found.' } }
    }),
    [`GET ${LIST}`]: admin(({ query }) => {
      const page = Number(query.get('page') ?? 1)
      const perPage = Number(query.get('per_page') ?? 50)
      const online = backend.users.filter((user) => user.online_status === 'online')
      const total = online.length
      const pages = Math.max(1, Math.ceil(total / perPage))
      return {
        status: 200,
        json: {
          online_users: online.slice((page - 1) * perPage, page * perPage).map(record),
          online_count: total,
          pagination: { page, per_page: perPage, total, total_pages: pages, has_next: page < pages, has_previous: page > 1 },
        },
      }
    }),
  })
  backend.middleware = (user) => set(user, 'online')
  for (const name of CROWD) set(backend.user(name), 'online')
  return backend
}

let backend: DocumentBackend
const fast = { backend: 'users-heartbeat-admin', heartbeatIntervalMs: 150, pollIntervalMs: 40 } as const
// The app's login (its own endpoint, not the kit's): "Login: sets online_status = 'online' immediately".
const login = (username: string) => Object.assign(backend.user(username), { online_status: 'online', last_seen: new Date(backend.now()).toISOString() })
const listReads = (username: string) => (request: { path: string; user: string | null }) => request.path === LIST && request.user === username

backendPerTest(usersHeartbeatAdminBackend, (fresh) => (backend = fresh))

describe('users-heartbeat-admin against its document: heartbeat, presence middleware, admin API', () => {
  it('a non-admin: beats at once and every interval, the list is refused once ("unavailable"); the admin sees them, on every page', async () => {
    login('john_doe')
    const card = await showCard(backend, 'john_doe', fast)
    try {
      await until(() => card.tab.card().state === 'unavailable', "john's card is unavailable")
      expect(card.message()).toBe('This server does not share who is online with your account.')
      expect(unavailableReason(card.tab.runtime!.store.getState().syncError)).toBe('refused')
      await nextRequests(backend, (r) => r.path === HEARTBEAT && r.user === 'john_doe', 3)
      const beats = backend.kitRequests('john_doe').filter((r) => r.path === HEARTBEAT)
      expect(Math.min(...gaps(beats))).toBeGreaterThanOrEqual(140)
      expect(backend.kitRequests('john_doe').filter(listReads('john_doe')).map((r) => r.status)).toEqual([403])

      login('admin')
      const admin = signIn(backend, 'admin', fast)
      await until(() => seesOnline(admin, backend.user('john_doe')), 'the admin sees john online')
      expect(admin.store.users.get(String(backend.user('john_doe').id))?.username).toBe('john_doe')
      // The second page (users 51-58 of 58 by id) was read too: `page=2&per_page=50`.
      expect(seesOnline(admin, backend.user(CROWD.at(-1)!))).toBe(true)
      expect(backend.kitRequests('admin').filter(listReads('admin')).slice(0, 2).map((r) => r.query)).toEqual(['', '?page=2&per_page=50'])
      expect(admin.store.getState().syncError).toBeNull()
    } finally {
      await card.close()
    }
  })

  it("the document's interval by default: a heartbeat on app load, then every 30 s", async () => {
    login('john_doe')
    const john = signIn(backend, 'john_doe', { backend: 'users-heartbeat-admin' })
    expect(john.backend.heartbeatIntervalMs).toBe(30_000)
    await until(() => backend.kitRequests('john_doe').some((r) => r.path === HEARTBEAT && r.status === 200), 'the heartbeat on load', 2_000)
  })

  it('the admin sets a status: away is not online for the admin’s kit until the user’s next request; back online', async () => {
    login('john_doe')
    login('admin')
    // The document's 30 s beat: john sends nothing more in this test after his first beat and list read.
    const john = signIn(backend, 'john_doe', { backend: 'users-heartbeat-admin' })
    const admin = signIn(backend, 'admin', fast)
    const johnUser = backend.user('john_doe')
    await until(() => seesOnline(admin, johnUser) && john.store.getState().syncError !== null, 'the admin sees john; john read his list')
    const johnSent = backend.kitRequests('john_doe').length
    expect((await backend.app('admin', `POST /api/users/admin/users/${johnUser.id}/set-online-status/`, { status: 'away' })).status).toBe(200)
    await until(() => !seesOnline(admin, johnUser), 'the admin no longer sees john online')
    expect((await (await backend.app('admin', `GET /api/users/admin/users/${johnUser.id}/online-status/`)).json()).online_status).toBe('away')
    expect((await backend.app('admin', `POST /api/users/admin/users/${johnUser.id}/set-online-status/`, { status: 'online' })).status).toBe(200)
    await until(() => seesOnline(admin, johnUser), 'the admin sees john online again')
    expect(backend.kitRequests('john_doe')).toHaveLength(johnSent)
  })

  it('logout: the kit stops, the app posts /api/users/logout/ {refresh}; offline for the admin, and nothing after it brings them back', async () => {
    login('john_doe')
    login('admin')
    const john = signIn(backend, 'john_doe', fast)
    const admin = signIn(backend, 'admin', fast)
    const johnUser = backend.user('john_doe')
    await until(() => seesOnline(admin, johnUser), 'the admin sees john')
    await john.markOffline()
    await john.rest.logout({ refresh: 'refresh-of-john_doe' })
    const logout = backend.kitRequests('john_doe').filter((r) => r.path === '/api/users/logout/')
    expect(logout.map((r) => [r.method, r.status, r.body])).toEqual([['POST', 200, { refresh: 'refresh-of-john_doe' }]])
    await until(() => !seesOnline(admin, johnUser), 'the admin sees john offline')
    // A beat or a read after the logout would set him online again (the middleware): none is sent.
    await nextRequests(backend, listReads('admin'), 3)
    expect(backend.kitRequests('john_doe').filter((r) => r.at > logout[0]!.at)).toEqual([])
    expect(seesOnline(admin, johnUser)).toBe(false)
  })

  it('a closed tab (no logout): still online an hour later, as nothing expires', async () => {
    login('john_doe')
    login('admin')
    const john = signIn(backend, 'john_doe', fast)
    const admin = signIn(backend, 'admin', fast)
    await until(() => seesOnline(admin, backend.user('john_doe')), 'the admin sees john')
    john.stop()
    backend.advance(3_600)
    await nextRequests(backend, listReads('admin'), 3)
    expect(seesOnline(admin, backend.user('john_doe'))).toBe(true)
  })
})
