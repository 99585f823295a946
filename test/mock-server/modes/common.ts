import { expect, it } from 'vitest'
import type { BackendName } from '../../../mock-server/modes'
import { login, PASSWORD, type Driver, type Json } from '../contract/driver'
import {
  CONTRACT_ROUTES,
  CONTROL_ROUTES,
  SOCKET_PATHS,
  before,
  control,
  expectError,
  expectRefused,
  request,
  settle,
  sortedKeys,
  untilOpen,
} from './helpers'

/** What every backend is checked for: its routes, its socket or none, the app's auth, the controls. */
export interface BackendSpec {
  backend: BackendName
  /** Its REST routes, as `METHOD path`, besides `GET /api/openapi.json` and the controls. */
  routes: string[]
  /** The socket paths it serves; the other /ws/ paths are refused. */
  sockets: string[]
  /** The statuses the presence control takes; the others are a 400. */
  statuses: string[]
}

const ALL_STATUSES = ['online', 'away', 'dnd', 'invisible', 'offline']

export function commonBackendTests(spec: BackendSpec, driver: () => Driver) {
  it('serves its routes and no other: every other contract route is a JSON 404, even with a valid token', async () => {
    const d = driver()
    const admin = await login(d, 'admin')
    for (const route of CONTRACT_ROUTES) {
      const res = await request(d, route, admin.access)
      if (spec.routes.includes(route)) expect(res.status, `${route}: ${res.text}`).not.toBe(404)
      else expectError(res, 404, 'not_found')
    }
    expectError(await d.fetch('/api/nope/'), 404, 'not_found')
  })

  it('its OpenAPI document lists its routes (and the controls), nothing else', async () => {
    const d = driver()
    const doc = (await d.fetch('/api/openapi.json')).json
    const listed = Object.entries<Record<string, unknown>>(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    )
    expect(listed.sort()).toEqual([...spec.routes, 'GET /api/openapi.json', ...CONTROL_ROUTES].sort())
  })

  it("the app's own auth: login → {access, refresh, user: {id, username, …}}, refresh → {access}, a wrong password → 401", async () => {
    const d = driver()
    const session = await login(d, 'john_doe')
    expect(sortedKeys(session)).toEqual(['access', 'refresh', 'user'])
    expect(session.user).toMatchObject({ id: 3, username: 'john_doe' })
    const refreshed = await d.fetch('/api/auth/refresh/', { method: 'POST', json: { refresh: session.refresh } })
    expect(refreshed.status).toBe(200)
    expect(sortedKeys(refreshed.json)).toEqual(['access'])
    const wrong = await d.fetch('/api/auth/login/', { method: 'POST', json: { username: 'john_doe', password: `${PASSWORD}!` } })
    expectError(wrong, 401, 'unauthorized')
  })

  const served = spec.sockets.length ? `the socket at ${spec.sockets.join(', ')} only` : 'no socket'
  it(`has ${served}: every other /ws/ path is refused as a failed handshake, never opened`, async () => {
    const d = driver()
    const u = await login(d, 'john_doe')
    for (const path of [...SOCKET_PATHS, '/ws/nope/']) {
      const socket = d.socket(`${path}?token=${u.access}`)
      if (!spec.sockets.includes(path)) {
        await expectRefused(socket)
        continue
      }
      // Open: a bad frame gets the error frame back.
      await before(socket, 'not json', (m) => m.type === 'error')
      socket.close()
      await socket.closed
    }
    for (const path of spec.sockets) {
      // A bad token: accepted, nothing sent, closed with 4401 (the contract's rule, kept by every backend).
      const socket = d.socket(`${path}?token=at_garbage`)
      expect(await socket.closed).toEqual({ code: 4401, reason: 'unauthorized' })
      expect(socket.received).toEqual([])
    }
  })

  if (spec.sockets.length) {
    it('reset closes every open socket with 4401, and the same users start online again', async () => {
      const d = driver()
      const admin = await login(d, 'admin')
      const list = spec.routes.find((r) => r.startsWith('GET /api/'))!
      // The two socket backends' lists: an array of users, or {onlineUsers: [...]}.
      const ids = (body: Json): unknown[] => (Array.isArray(body) ? body : body.onlineUsers).map((x: Json) => x.id)
      const seeded = ids((await request(d, list, admin.access)).json)
      expect(seeded.length).toBeGreaterThan(0)
      const u = await login(d, 'john_doe')
      const socket = d.socket(`${spec.sockets[0]}?token=${u.access}`)
      await before(socket, 'not json', (m) => m.type === 'error')
      expect((await d.fetch('/__mock__/reset', { method: 'POST' })).status).toBe(200)
      expect(await socket.closed).toEqual({ code: 4401, reason: 'unauthorized' })
      const again = await login(d, 'admin')
      expect(ids((await request(d, list, again.access)).json)).toEqual(seeded)
    })
  }

  it(`the controls: reset drops every token, the clock moves, presence takes ${spec.statuses.join(', ')} and refuses the rest`, async () => {
    const d = driver()
    const u = await login(d, 'john_doe')
    expect((await d.fetch('/__mock__/reset', { method: 'POST' })).status).toBe(200)
    expectError(await d.fetch('/api/auth/refresh/', { method: 'POST', json: { refresh: u.refresh } }), 401, 'unauthorized')
    const before = Date.now()
    const moved = await d.fetch('/__mock__/clock', { method: 'POST', json: { advanceSeconds: 3600 } })
    expect(moved.status).toBe(200)
    expect(Date.parse(moved.json.now) - before).toBeGreaterThanOrEqual(3600_000)
    for (const status of ALL_STATUSES) {
      const res = await control(d, 2, status)
      if (spec.statuses.includes(status)) {
        expect(res.status, `${status}: ${res.text}`).toBe(200)
        expect(res.json).toMatchObject({ user_id: 2, is_online: status !== 'offline' })
      } else {
        expectError(res, 400, 'invalid_field', 'status')
        expect(res.json.error.message).toContain(spec.statuses.join(', '))
      }
    }
    expectError(await control(d, 999, 'online'), 404, 'user_not_found')
  })

  it("sends none of section 6's fields (idle, devices, expiry, last-seen visibility) anywhere, even asked for them", async () => {
    const d = driver()
    const admin = await login(d, 'admin')
    const u = await login(d, 'john_doe')
    for (const path of spec.sockets) {
      const socket = d.socket(`${path}?token=${u.access}&device=mobile`)
      // What a v2 client sends: an idle report and an expiring message; a backend without status frames refuses it.
      await untilOpen(socket)
      socket.send(JSON.stringify({ type: 'status', idle: true, statusMessage: 'x', statusExpiresAt: new Date(Date.now() + 60_000).toISOString() }))
      socket.send(JSON.stringify({ type: 'ping' }))
      await settle()
    }
    for (const status of spec.statuses) await control(d, 2, status)
    for (const route of spec.routes) await request(d, route, route.includes('/admin/') ? admin.access : u.access)
    await control(d, 3, 'online')
    for (const route of spec.routes.filter((r) => r.startsWith('GET '))) await request(d, route, admin.access)
    // The leak check itself runs after every test of these suites (freshBackend); this one only provokes.
    expect(spec.routes.length).toBeGreaterThan(0)
  })

  it('answers CORS preflights from a local frontend', async () => {
    const d = driver()
    const res = await d.fetch('/api/auth/login/', {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    })
    expect(res.status).toBeLessThan(300)
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
  })
}
