import { describe, expect, it } from 'vitest'
import { advance, call, get, login, type Driver, type Json, type MakeDriver } from '../contract/driver'
import { commonBackendTests } from './common'
import { noFrame } from './frames'
import { control, controlled, expectError, freshBackend, isUtcIso, ms, sortedKeys } from './helpers'

const DAY = 86_400
const ADMIN_ONLINE = '/api/users/admin/users/online/'

/** A user's status as an admin reads it (the admin's requests are theirs, not that user's). */
async function statusOf(d: Driver, userId: number): Promise<Json> {
  const admin = await login(d, 'admin')
  const body = await get(d, admin.access, `/api/users/admin/users/${userId}/online-status/`)
  expect(sortedKeys(body)).toEqual(['is_online', 'last_seen', 'online_status', 'user_id', 'username'])
  return body
}

async function onlineIds(d: Driver): Promise<number[]> {
  const admin = await login(d, 'admin')
  return (await get(d, admin.access, `${ADMIN_ONLINE}?per_page=100`)).online_users.map((u: Json) => u.id)
}

export function usersHeartbeatAdminSuite(transport: string, makeDriver: MakeDriver) {
  describe(`backend users-heartbeat-admin (online_status by every request, admin list, no socket): ${transport}`, () => {
    const driver = freshBackend(makeDriver, 'users-heartbeat-admin', noFrame)

    commonBackendTests(
      {
        backend: 'users-heartbeat-admin',
        routes: [
          'POST /api/auth/login/',
          'POST /api/auth/refresh/',
          'POST /api/users/logout/',
          'POST /api/users/heartbeat/',
          'GET /api/users/admin/users/online/',
          'GET /api/users/admin/users/{id}/online-status/',
          'POST /api/users/admin/users/{id}/set-online-status/',
          'GET /avatars/{id}.svg',
        ],
        sockets: [],
        statuses: ['online', 'away', 'offline'],
      },
      driver,
    )

    it('POST /api/users/heartbeat/ → {"message": "Heartbeat recorded", "online_status": "online", "last_seen": <iso>}', async () => {
      const d = driver()
      const u = await login(d, 'john_doe')
      const body = await call(d, u.access, 'POST', '/api/users/heartbeat/')
      expect(sortedKeys(body)).toEqual(['last_seen', 'message', 'online_status'])
      expect(body).toMatchObject({ message: 'Heartbeat recorded', online_status: 'online' })
      expect(isUtcIso(body.last_seen)).toBe(true)
    })

    it('the online list is for admins only: a 403 without user data for others; admins get the exact shape', async () => {
      const d = driver()
      const u = await login(d, 'john_doe')
      for (const path of [ADMIN_ONLINE, '/api/users/admin/users/2/online-status/']) {
        expectError(await d.fetch(path, { token: u.access }), 403, 'forbidden')
      }
      expectError(
        await d.fetch('/api/users/admin/users/2/set-online-status/', { method: 'POST', token: u.access, json: { status: 'away' } }),
        403,
        'forbidden',
      )
      const admin = await login(d, 'admin')
      const body = await get(d, admin.access, `${ADMIN_ONLINE}?page=1&per_page=50`)
      expect(sortedKeys(body)).toEqual(['online_count', 'online_users', 'pagination'])
      expect(sortedKeys(body.pagination)).toEqual(['has_next', 'has_previous', 'page', 'per_page', 'total', 'total_pages'])
      expect(body.online_count).toBe(body.online_users.length)
      for (const user of body.online_users) {
        expect(sortedKeys(user)).toEqual(['id', 'is_online', 'last_seen', 'online_status', 'profile_image', 'username'])
        expect(user).toMatchObject({ id: expect.any(Number), username: expect.any(String), is_online: true })
        expect(['online', 'away']).toContain(user.online_status)
      }
      expect(body.online_users.map((x: Json) => x.id)).toEqual(expect.arrayContaining([u.user.id, admin.user.id]))
    })

    it('pagination: per_page and page slice the list; has_next and has_previous say where one is', async () => {
      const d = driver()
      const admin = await login(d, 'admin')
      for (const id of [1, 2, 3]) await controlled(d, id, 'online')
      const all = await get(d, admin.access, `${ADMIN_ONLINE}?per_page=100`)
      const first = await get(d, admin.access, `${ADMIN_ONLINE}?page=1&per_page=2`)
      const second = await get(d, admin.access, `${ADMIN_ONLINE}?page=2&per_page=2`)
      expect(first.online_users.map((x: Json) => x.id)).toEqual(all.online_users.slice(0, 2).map((x: Json) => x.id))
      expect(second.online_users.map((x: Json) => x.id)).toEqual(all.online_users.slice(2, 4).map((x: Json) => x.id))
      expect(first.pagination).toMatchObject({ page: 1, per_page: 2, total: all.online_count, has_next: true, has_previous: false })
      expect(second.pagination).toMatchObject({ page: 2, has_previous: true })
    })

    it('login and every authenticated request set online, a 403 included; nothing expires, a day later still online', async () => {
      const d = driver()
      const u = await login(d, 'john_doe')
      expect(await statusOf(d, u.user.id)).toMatchObject({ online_status: 'online', is_online: true })
      const w = await login(d, 'jane_smith')
      await controlled(d, w.user.id, 'offline')
      expect((await statusOf(d, w.user.id)).online_status).toBe('offline')
      expectError(await d.fetch(ADMIN_ONLINE, { token: w.access }), 403, 'forbidden')
      expect(await statusOf(d, w.user.id)).toMatchObject({ online_status: 'online', is_online: true })
      const now = (await advance(d, DAY)).now
      const later = await statusOf(d, u.user.id)
      expect(later).toMatchObject({ online_status: 'online', is_online: true })
      expect(ms(later.last_seen)).toBeLessThan(ms(now) - (DAY - 60) * 1000) // last seen at login, a day ago
      expect(await onlineIds(d)).toContain(u.user.id)
    })

    it('POST /api/users/logout/ sets offline at once, with the bearer and the refresh token, or with the refresh token alone', async () => {
      const d = driver()
      const u = await login(d, 'john_doe')
      const res = await d.fetch('/api/users/logout/', { method: 'POST', token: u.access, json: { refresh: u.refresh } })
      expect(res.status).toBe(200)
      expect((await statusOf(d, u.user.id)).online_status).toBe('offline')
      expectError(await d.fetch('/api/users/heartbeat/', { method: 'POST', token: u.access }), 401, 'unauthorized')
      const again = await login(d, 'john_doe')
      expect((await statusOf(d, u.user.id)).online_status).toBe('online')
      expect((await d.fetch('/api/users/logout/', { method: 'POST', json: { refresh: again.refresh } })).status).toBe(200)
      expect(await statusOf(d, u.user.id)).toMatchObject({ online_status: 'offline', is_online: false })
      expect(await onlineIds(d)).not.toContain(u.user.id)
    })

    it("away: set by an admin, listed as away (is_online true), until the user's next request sets online again", async () => {
      const d = driver()
      const u = await login(d, 'john_doe')
      const admin = await login(d, 'admin')
      const set = await call(d, admin.access, 'POST', `/api/users/admin/users/${u.user.id}/set-online-status/`, { status: 'away' })
      expect(sortedKeys(set)).toEqual(['is_online', 'last_seen', 'online_status', 'user_id', 'username'])
      expect(set).toMatchObject({ user_id: u.user.id, username: 'john_doe', online_status: 'away', is_online: true })
      const listed = (await get(d, admin.access, `${ADMIN_ONLINE}?per_page=100`)).online_users.find((x: Json) => x.id === u.user.id)
      expect(listed).toMatchObject({ online_status: 'away', is_online: true })
      expect((await call(d, u.access, 'POST', '/api/users/heartbeat/')).online_status).toBe('online')
      expect((await statusOf(d, u.user.id)).online_status).toBe('online')
    })

    it('set-online-status offline → offline; a status other than online, away, offline → 400', async () => {
      const d = driver()
      const u = await login(d, 'john_doe')
      const admin = await login(d, 'admin')
      const off = await call(d, admin.access, 'POST', `/api/users/admin/users/${u.user.id}/set-online-status/`, { status: 'offline' })
      expect(off).toMatchObject({ online_status: 'offline', is_online: false })
      expect(await onlineIds(d)).not.toContain(u.user.id)
      for (const status of ['dnd', 'invisible', 'busy']) {
        const res = await d.fetch(`/api/users/admin/users/${u.user.id}/set-online-status/`, { method: 'POST', token: admin.access, json: { status } })
        expectError(res, 400, 'invalid_field', 'status')
      }
    })

    it('the controls: online, away and offline as set-online-status does; dnd is a 400', async () => {
      const d = driver()
      await controlled(d, 3, 'away')
      expect(await statusOf(d, 3)).toMatchObject({ online_status: 'away', is_online: true })
      await controlled(d, 3, 'online')
      expect((await statusOf(d, 3)).online_status).toBe('online')
      await controlled(d, 3, 'offline')
      expect((await statusOf(d, 3)).online_status).toBe('offline')
      expectError(await control(d, 3, 'dnd'), 400, 'invalid_field', 'status')
    })
  })
}
