import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import {
  advance,
  call,
  connect,
  expectError,
  fresh,
  idOf,
  quiet,
  get,
  isStatusOf,
  isUtcIso,
  login,
  sleep,
  sync,
  type Driver,
  type Json,
  type MakeDriver,
  type Session,
  type TestSocket,
} from './driver'

/*
 * Contract section 6 (version 2): idle, devices, status message expiry, last-seen privacy. Run on both
 * transports by `contractSuite`. Each `describe` is one subsection; each test names the rule it checks.
 */

const TTL = 300




const about = (messages: Json[], userId: number) =>
  messages.filter((m) => m.type === 'user.status.changed' && m.user?.id === userId)

const patch = (d: Driver, s: Session, body: object) => call(d, s.access, 'PATCH', '/api/users/me/status/', body)

const frame = (socket: TestSocket, body: object) => socket.send(JSON.stringify({ type: 'status', ...body }))

/** The event about `userId` that matches `fields` (a partial user), skipping earlier ones. */
const eventWith = (socket: TestSocket, userId: number, fields: Json) =>
  socket.next(
    (m) =>
      isStatusOf(userId)(m) &&
      Object.entries(fields).every(([key, value]) => JSON.stringify(m.user[key]) === JSON.stringify(value)),
  )

/** The user as `viewer` sees them in every REST view that lists them (null where they are not listed). */
async function restViews(d: Driver, viewer: Session, userId: number) {
  const chat = await get(d, viewer.access, '/api/chat/online-users/')
  const online = await get(d, viewer.access, '/api/users/online/')
  return {
    camel: chat.onlineUsers.find((u: Json) => u.id === userId) ?? null,
    snake: online.find((u: Json) => u.id === userId) ?? null,
  }
}

async function adminOf(d: Driver, userId: number): Promise<{ status: Json; listed: Json }> {
  const admin = await login(d, 'admin')
  const status = await get(d, admin.access, `/api/users/admin/users/${userId}/online-status/`)
  const list = await get(d, admin.access, '/api/users/admin/users/online/?per_page=100')
  return { status, listed: list.online_users.find((u: Json) => u.id === userId) ?? null }
}

/** Opens `/ws/user-status/` with `&device=` (or none) and waits for the snapshot. */
async function connectAs(d: Driver, token: string, device?: string): Promise<TestSocket & { snapshot: Json }> {
  const socket = d.socket(`/ws/user-status/?token=${encodeURIComponent(token)}${device === undefined ? '' : `&device=${encodeURIComponent(device)}`}`)
  const snapshot = await socket.next()
  expect(snapshot.type).toBe('online_users')
  return Object.assign(socket, { snapshot })
}

/** john_doe online through one socket only (REST presence ended), watched by jane_smith's socket. */
async function socketOnly(d: Driver, device?: string) {
  const u = await login(d, 'john_doe')
  const tab = await connectAs(d, u.access, device)
  await call(d, u.access, 'POST', '/api/chat/mark-offline/', {})
  const w = await login(d, 'jane_smith')
  const ws = await connect(d, w.access)
  await quiet(tab)
  await quiet(ws)
  return { u, tab, w, ws }
}

const activity = (d: Driver, viewer: Session) => get(d, viewer.access, '/api/users/activity/?limit=200')

export function v2Suite(makeDriver: MakeDriver) {
  describe('6.1 idle (auto-away)', () => {
    const driver = fresh(makeDriver)

    it('6.1 a connection that never reported counts as active: online, idle false, in every view', async () => {
      const d = driver()
      const { u, tab, w, ws } = await socketOnly(d)
      const seen = ws.snapshot.onlineUsers.find((x: Json) => x.id === idOf(u))
      expect(seen).toMatchObject({ status: 'online', idle: false })
      expect(tab.snapshot.onlineUsers.find((x: Json) => x.id === idOf(u))).toMatchObject({ status: 'online', idle: false })
      const views = await restViews(d, w, idOf(u))
      expect(views.camel).toMatchObject({ status: 'online', idle: false })
      expect(views.snake).toMatchObject({ online_status: 'online', idle: false })
    })

    it('6.1 the socket frame {"type":"status","idle":true} makes its only connection idle: others see away with idle true, pushed', async () => {
      const d = driver()
      const { u, tab, w, ws } = await socketOnly(d)
      frame(tab, { idle: true })
      expect((await eventWith(ws, idOf(u), { status: 'away' })).user).toMatchObject({ isOnline: true, idle: true })
      // The own sockets hear it too, as the acknowledgement.
      expect((await eventWith(tab, idOf(u), { status: 'away' })).user.idle).toBe(true)
      const views = await restViews(d, w, idOf(u))
      expect(views.camel).toMatchObject({ status: 'away', idle: true })
      expect(views.snake).toMatchObject({ online_status: 'away', idle: true, is_online: true })
      const admin = await adminOf(d, idOf(u))
      expect(admin.status).toMatchObject({ online_status: 'away', idle: true })
      expect(admin.listed).toMatchObject({ online_status: 'away', idle: true })
      // Active again on the next report.
      frame(tab, { idle: false })
      expect((await eventWith(ws, idOf(u), { status: 'online' })).user.idle).toBe(false)
    })

    it('6.1 idle only when every open connection has reported idle; one active tab keeps the user online', async () => {
      const d = driver()
      const { u, tab, ws } = await socketOnly(d)
      const second = await login(d, 'john_doe')
      await call(d, second.access, 'POST', '/api/chat/mark-offline/', {})
      const tab2 = await connect(d, second.access)
      await quiet(ws)
      frame(tab, { idle: true })
      await quiet(tab)
      expect(about(await quiet(ws), idOf(u))).toEqual([])
      frame(tab2, { idle: true })
      await eventWith(ws, idOf(u), { status: 'away', idle: true })
      frame(tab, { idle: false })
      await eventWith(ws, idOf(u), { status: 'online', idle: false })
    })

    it('6.1 closing the only active tab leaves the idle one: the user turns away at once', async () => {
      const d = driver()
      const { u, tab, ws } = await socketOnly(d)
      const second = await login(d, 'john_doe')
      await call(d, second.access, 'POST', '/api/chat/mark-offline/', {})
      const tab2 = await connect(d, second.access)
      frame(tab, { idle: true })
      await quiet(tab)
      tab2.close()
      await tab2.closed
      await eventWith(ws, idOf(u), { status: 'away', idle: true })
    })

    it('6.1 REST: PATCH {"idle": true} makes the REST presence idle (away), {"idle": false} active again', async () => {
      const d = driver()
      const u = await login(d, 'john_doe')
      const w = await login(d, 'jane_smith')
      const ws = await connect(d, w.access)
      const me = await patch(d, u, { idle: true })
      expect(me).toMatchObject({ online_status: 'away', mode: 'auto', idle: true, devices: [] })
      expect((await eventWith(ws, idOf(u), { status: 'away' })).user.idle).toBe(true)
      // Other requests (lists, heartbeats) keep the REST presence alive but do not end its idleness.
      await call(d, u.access, 'POST', '/api/chat/heartbeat/', {})
      await get(d, u.access, '/api/chat/online-users/')
      expect((await restViews(d, w, idOf(u))).snake).toMatchObject({ online_status: 'away', idle: true })
      expect(await patch(d, u, { idle: false })).toMatchObject({ online_status: 'online', idle: false })
      await eventWith(ws, idOf(u), { status: 'online', idle: false })
    })

    it('6.1 an idle socket with an active REST presence is not idle; when the REST presence expires the server pushes away', async () => {
      const d = driver()
      const u = await login(d, 'john_doe')
      const tab = await connect(d, u.access)
      const w = await login(d, 'jane_smith')
      const ws = await connect(d, w.access)
      await quiet(ws)
      frame(tab, { idle: true })
      await quiet(tab)
      // The login's REST presence is active and was never reported idle.
      expect(about(await quiet(ws), idOf(u))).toEqual([])
      expect((await restViews(d, w, idOf(u))).camel).toMatchObject({ status: 'online', idle: false })
      // Nobody asks: the clock passes the REST presence's TTL, and the idle socket alone is left.
      await advance(d, TTL + 1)
      const away = await eventWith(ws, idOf(u), { status: 'away' })
      expect(away.user).toMatchObject({ idle: true, isOnline: true })
      const w2 = await login(d, 'jane_smith')
      const log = await activity(d, w2)
      expect(log.find((e: Json) => e.user.id === idOf(u))).toMatchObject({ event: 'away' })
    })

    it('6.1 idle never shows a chosen dnd or away as anything else: the status stays the chosen one, idle false', async () => {
      const d = driver()
      const { u, tab, w, ws } = await socketOnly(d)
      // Over the socket: a PATCH would be a REST request, whose fresh (active) REST presence keeps the user active.
      frame(tab, { mode: 'dnd' })
      await eventWith(ws, idOf(u), { status: 'dnd' })
      frame(tab, { idle: true })
      await quiet(tab)
      expect(about(await quiet(ws), idOf(u))).toEqual([])
      expect((await restViews(d, w, idOf(u))).camel).toMatchObject({ status: 'dnd', idle: false })
      frame(tab, { mode: 'away' })
      expect((await eventWith(ws, idOf(u), { status: 'away' })).user.idle).toBe(false)
      // Back to auto while idle: auto-away.
      frame(tab, { mode: 'auto' })
      expect((await eventWith(ws, idOf(u), { status: 'away', idle: true })).user.isOnline).toBe(true)
    })

    it('6.1 others see idle false for an invisible user, and nothing of their idleness reaches them', async () => {
      const d = driver()
      const { u, tab, w, ws } = await socketOnly(d)
      await patch(d, u, { mode: 'invisible' })
      await eventWith(ws, idOf(u), { status: 'offline' })
      await quiet(tab)
      frame(tab, { idle: true })
      await sleep(80)
      frame(tab, { idle: false })
      await sleep(80)
      frame(tab, { idle: true })
      expect(about(await quiet(ws), idOf(u))).toEqual([])
      expect((await restViews(d, w, idOf(u))).camel).toBeNull()
      const w2 = await login(d, 'jane_smith')
      const entries = (await activity(d, w2)).filter((e: Json) => e.user.id === idOf(u))
      expect(entries[0]).toMatchObject({ event: 'offline' })
      // The admin sees the truth: invisible, and not an auto-away (idle is about mode auto).
      expect((await adminOf(d, idOf(u))).status).toMatchObject({ online_status: 'invisible', idle: false })
    })

    it('6.1 an offline user is idle false; a REST presence reported idle that expires ends offline, and a login is active again', async () => {
      const d = driver()
      const u = await login(d, 'john_doe')
      await patch(d, u, { idle: true })
      await advance(d, TTL + 1)
      expect((await adminOf(d, idOf(u))).status).toMatchObject({ online_status: 'offline', is_online: false, idle: false })
      const again = await login(d, 'john_doe')
      expect(again.user).toMatchObject({ online_status: 'online', idle: false })
    })

    it('6.1 becoming idle and active are logged (away, online) and each sends one event', async () => {
      const d = driver()
      const { u, tab, ws } = await socketOnly(d)
      frame(tab, { idle: true })
      await eventWith(ws, idOf(u), { status: 'away' })
      await sleep(80)
      frame(tab, { idle: false })
      await eventWith(ws, idOf(u), { status: 'online' })
      expect(about(await quiet(ws), idOf(u))).toEqual([])
      const viewer = await login(d, 'ahmad')
      const entries = (await activity(d, viewer)).filter((e: Json) => e.user.id === idOf(u))
      expect(entries.slice(0, 2).map((e: Json) => e.event)).toEqual(['online', 'away'])
    })

    it('6.1 an idle report that changes nothing gets no reply; a bad idle value is refused on both paths', async () => {
      const d = driver()
      const { u, tab, ws } = await socketOnly(d)
      frame(tab, { idle: false })
      expect(about(await quiet(tab), idOf(u))).toEqual([])
      frame(tab, { idle: 'yes' })
      expect(await tab.next((m) => m.type === 'error')).toMatchObject({ code: 'bad_message', message: expect.stringContaining('idle') })
      expectError(await d.fetch('/api/users/me/status/', { method: 'PATCH', token: u.access, json: { idle: 'yes' } }), 400, 'invalid_field', 'idle')
      expect(about(await quiet(ws), idOf(u))).toEqual([])
      expect(tab.isClosed).toBe(false)
    })

    it('6.1 an authenticated REST request is a sign of life that starts an active REST presence: an idle socket-only user is online again until the TTL', async () => {
      const d = driver()
      const { u, tab, ws } = await socketOnly(d)
      frame(tab, { idle: true })
      await eventWith(ws, idOf(u), { status: 'away' })
      // The REST presence is a source of its own, never reported idle: active.
      expect(await get(d, u.access, '/api/users/me/')).toMatchObject({ online_status: 'online', idle: false })
      await eventWith(ws, idOf(u), { status: 'online', idle: false })
      await advance(d, TTL)
      await eventWith(ws, idOf(u), { status: 'away', idle: true })
    })

    it('6.1 decision: the grace period keeps the closed connection\'s idleness: an idle user reloading stays away, no flicker', async () => {
      const d = driver()
      const { u, tab, ws } = await socketOnly(d)
      frame(tab, { idle: true })
      await eventWith(ws, idOf(u), { status: 'away' })
      await quiet(ws)
      tab.close()
      await tab.closed
      const reloaded = await connect(d, u.access)
      // The new page has reported nothing: active again, which is the one event.
      await eventWith(ws, idOf(u), { status: 'online', idle: false })
      expect(about(await quiet(ws), idOf(u))).toEqual([])
      expect(reloaded.isClosed).toBe(false)
    })
  })

  describe('6.2 devices', () => {
    const driver = fresh(makeDriver)

    it('6.2 &device= on the socket URL names the kind; absent is web, anything else is web', async () => {
      const d = driver()
      const w = await login(d, 'jane_smith')
      const ws = await connectAs(d, w.access)
      for (const [asked, kind] of [
        ['mobile', 'mobile'],
        ['desktop', 'desktop'],
        [undefined, 'web'],
        ['web', 'web'],
        ['fridge', 'web'],
        ['MOBILE', 'web'],
        ['', 'web'],
      ] as const) {
        const u = await login(d, 'john_doe')
        await call(d, u.access, 'POST', '/api/chat/mark-offline/', {})
        const tab = await connectAs(d, u.access, asked)
        expect(tab.snapshot.onlineUsers.find((x: Json) => x.id === idOf(u)).devices, String(asked)).toEqual([kind])
        await eventWith(ws, idOf(u), { devices: [kind] })
        tab.close()
        await tab.closed
        await advance(d, 3) // past the grace period: offline, devices []
        await eventWith(ws, idOf(u), { status: 'offline', devices: [] })
      }
    })

    it('6.2 views carry the sorted, distinct kinds of the open connections, in every list, snapshot, event and admin view', async () => {
      const d = driver()
      const { u, w, ws } = await socketOnly(d, 'web')
      const phone = await connectAs(d, u.access, 'mobile')
      await eventWith(ws, idOf(u), { devices: ['mobile', 'web'] })
      const laptop = await connectAs(d, u.access, 'desktop')
      await eventWith(ws, idOf(u), { devices: ['desktop', 'mobile', 'web'] })
      const second = await connectAs(d, u.access, 'mobile')
      // A second phone tab changes nothing that anyone sees.
      expect(about(await quiet(ws), idOf(u))).toEqual([])
      expect(second.snapshot.onlineUsers.find((x: Json) => x.id === idOf(u)).devices).toEqual(['desktop', 'mobile', 'web'])
      const later = await connectAs(d, w.access)
      expect(later.snapshot.onlineUsers.find((x: Json) => x.id === idOf(u)).devices).toEqual(['desktop', 'mobile', 'web'])
      const views = await restViews(d, w, idOf(u))
      expect(views.camel.devices).toEqual(['desktop', 'mobile', 'web'])
      expect(views.snake.devices).toEqual(['desktop', 'mobile', 'web'])
      const admin = await adminOf(d, idOf(u))
      expect(admin.status.devices).toEqual(['desktop', 'mobile', 'web'])
      expect(admin.listed.devices).toEqual(['desktop', 'mobile', 'web'])
      const conversations = await get(d, w.access, '/api/chat/conversations/')
      for (const c of conversations) expect(Array.isArray(c.other_user.devices)).toBe(true)
      laptop.close()
      await eventWith(ws, idOf(u), { devices: ['mobile', 'web'] })
      phone.close()
      second.close()
      await eventWith(ws, idOf(u), { devices: ['web'] })
    })

    it('6.2 REST presence only: devices [] ; the caller sees their own devices in GET /api/users/me/', async () => {
      const d = driver()
      const u = await login(d, 'john_doe')
      expect(u.user.devices).toEqual([])
      const w = await login(d, 'jane_smith')
      expect((await restViews(d, w, idOf(u))).camel).toMatchObject({ status: 'online', devices: [] })
      await connectAs(d, u.access, 'mobile')
      expect((await get(d, u.access, '/api/users/me/')).devices).toEqual(['mobile'])
    })

    it('6.2 a change of the devices others see sends user.status.changed with the status unchanged, and is not logged', async () => {
      const d = driver()
      const u = await login(d, 'john_doe')
      const w = await login(d, 'jane_smith')
      const ws = await connectAs(d, w.access)
      await quiet(ws)
      const viewer = await login(d, 'ahmad')
      const logBefore = (await activity(d, viewer)).length
      const phone = await connectAs(d, u.access, 'mobile')
      const event = await eventWith(ws, idOf(u), { devices: ['mobile'] })
      expect(event.user.status).toBe('online')
      // The connecting socket's own snapshot already shows it; the user's other sockets hear it.
      expect(phone.snapshot.onlineUsers.find((x: Json) => x.id === idOf(u)).devices).toEqual(['mobile'])
      await connectAs(d, u.access, 'desktop')
      await eventWith(phone, idOf(u), { devices: ['desktop', 'mobile'] })
      await eventWith(ws, idOf(u), { devices: ['desktop', 'mobile'] })
      expect((await activity(d, viewer)).length).toBe(logBefore)
    })

    it('6.2 the connecting socket gets its snapshot and no event repeating it; a later change reaches it', async () => {
      // Section 4: events follow a change of what the viewer sees. The new socket saw the state in its snapshot:
      // its own connection's devices change, announced to the user's other tabs, is nothing new to it.
      const d = driver()
      const { u, tab } = await socketOnly(d, 'web')
      const phone = await connectAs(d, u.access, 'mobile')
      expect(phone.snapshot.onlineUsers.find((x: Json) => x.id === idOf(u)).devices).toEqual(['mobile', 'web'])
      await eventWith(tab, idOf(u), { devices: ['mobile', 'web'] })
      expect(about(await quiet(phone), idOf(u))).toEqual([])
      // Nor does a change of someone else, still in its coalescing window when the socket opened, come again.
      const ahmad = await login(d, 'ahmad')
      const watcher = await connectAs(d, ahmad.access)
      await patch(d, u, { status_message: 'first' })
      await patch(d, u, { status_message: 'second' }) // within 50 ms of the first: held back, then sent
      const late = await connectAs(d, (await login(d, 'jane_smith')).access)
      expect(late.snapshot.onlineUsers.find((x: Json) => x.id === idOf(u)).statusMessage).toBe('second')
      await eventWith(watcher, idOf(u), { statusMessage: 'second' })
      expect(about(await quiet(late), idOf(u))).toEqual([])
      // What changes after the snapshot reaches it.
      frame(tab, { mode: 'dnd' })
      await eventWith(late, idOf(u), { status: 'dnd' })
      await eventWith(phone, idOf(u), { status: 'dnd' })
    })

    it('6.2 others see [] for a user shown offline: an invisible user\'s devices never reach them; the user\'s own sockets see them', async () => {
      const d = driver()
      const { u, tab, w, ws } = await socketOnly(d, 'desktop')
      frame(tab, { mode: 'invisible' })
      const gone = await eventWith(ws, idOf(u), { status: 'offline' })
      expect(gone.user).toMatchObject({ devices: [], idle: false, isOnline: false })
      const phone = await connectAs(d, u.access, 'mobile')
      expect(phone.snapshot.onlineUsers.find((x: Json) => x.id === idOf(u))).toMatchObject({ status: 'invisible', devices: ['desktop', 'mobile'] })
      await eventWith(tab, idOf(u), { devices: ['desktop', 'mobile'] })
      phone.close()
      await eventWith(tab, idOf(u), { devices: ['desktop'] })
      expect(about(await quiet(ws), idOf(u))).toEqual([])
      expect((await restViews(d, w, idOf(u))).camel).toBeNull()
      expect((await adminOf(d, idOf(u))).status).toMatchObject({ online_status: 'invisible', devices: ['desktop'] })
      // An offline user: [] everywhere, to admins too.
      const ahmad = await login(d, 'ahmad')
      await call(d, ahmad.access, 'POST', '/api/chat/mark-offline/', {})
      expect((await adminOf(d, idOf(ahmad))).status).toMatchObject({ online_status: 'offline', devices: [] })
    })

    it('6.2 decision: the grace period keeps the closed connection\'s kind: a reload on the same device sends nothing', async () => {
      const d = driver()
      const { u, tab, ws } = await socketOnly(d, 'mobile')
      tab.close()
      await tab.closed
      await connectAs(d, u.access, 'mobile')
      expect(about(await quiet(ws), idOf(u))).toEqual([])
    })
  })

  describe('6.3 status message expiry', () => {
    const driver = fresh(makeDriver)
    const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString()
    const sameTime = (a: string | null, b: string) => a !== null && Date.parse(a) === Date.parse(b)

    it('6.3 PATCH takes status_expires_at; views carry it beside the message (both naming styles), null when never', async () => {
      const d = driver()
      const { u, tab, w, ws } = await socketOnly(d)
      const at = inSeconds(1800)
      const me = await patch(d, u, { status_message: 'In a meeting', status_expires_at: at })
      expect(me.status_message).toBe('In a meeting')
      expect(sameTime(me.status_expires_at, at)).toBe(true)
      const event = await eventWith(ws, idOf(u), { statusMessage: 'In a meeting' })
      expect(sameTime(event.user.statusExpiresAt, at)).toBe(true)
      await eventWith(tab, idOf(u), { statusMessage: 'In a meeting' })
      const views = await restViews(d, w, idOf(u))
      expect(sameTime(views.camel.statusExpiresAt, at)).toBe(true)
      expect(sameTime(views.snake.status_expires_at, at)).toBe(true)
      const later = await connectAs(d, w.access)
      expect(sameTime(later.snapshot.onlineUsers.find((x: Json) => x.id === idOf(u)).statusExpiresAt, at)).toBe(true)
      const admin = await adminOf(d, idOf(u))
      expect(sameTime(admin.listed.status_expires_at, at)).toBe(true)
      // null: never.
      const never = await patch(d, u, { status_expires_at: null })
      expect(never).toMatchObject({ status_message: 'In a meeting', status_expires_at: null })
      expect((await eventWith(ws, idOf(u), { statusExpiresAt: null })).user.statusMessage).toBe('In a meeting')
    })

    it('6.3 when the mock clock passes it, the message becomes null and the event is pushed without anyone asking, exactly once', async () => {
      const d = driver()
      const { u, tab, w, ws } = await socketOnly(d)
      await patch(d, u, { status_message: 'Lunch', status_expires_at: inSeconds(30 * 60) })
      await eventWith(ws, idOf(u), { statusMessage: 'Lunch' })
      await quiet(tab)
      await advance(d, 29 * 60)
      expect(about(await quiet(ws), idOf(u))).toEqual([])
      await advance(d, 2 * 60)
      // Pushed before the control replied: already here.
      const cleared = about(await sync(ws), idOf(u))
      expect(cleared).toHaveLength(1)
      expect(cleared[0].user).toMatchObject({ statusMessage: null, statusExpiresAt: null, status: 'online' })
      expect(about(await sync(tab), idOf(u)).map((m) => m.user.statusMessage)).toEqual([null])
      await advance(d, 3600)
      expect(about(await quiet(ws), idOf(u))).toEqual([])
      expect(about(await quiet(tab), idOf(u))).toEqual([])
      const w2 = await login(d, 'jane_smith')
      expect((await restViews(d, w2, idOf(u))).camel).toMatchObject({ statusMessage: null, statusExpiresAt: null })
      expect(await get(d, (await login(d, 'john_doe')).access, '/api/users/me/')).toMatchObject({ status_message: null, status_expires_at: null })
      expect(w.access).toBeTruthy()
    })

    it('6.3 the server clock passing it in real time pushes the event too (the backend wakes itself up)', async () => {
      const d = driver()
      const { u, ws } = await socketOnly(d)
      frame(await connectAs(d, u.access), { statusMessage: 'brb', statusExpiresAt: inSeconds(0.6) })
      await eventWith(ws, idOf(u), { statusMessage: 'brb' })
      const cleared = await ws.next(isStatusOf(idOf(u)), 5000)
      expect(cleared.user).toMatchObject({ statusMessage: null, statusExpiresAt: null })
      expect(about(await quiet(ws), idOf(u))).toEqual([])
    })

    it('6.3 a new message without an expiry clears the earlier expiry', async () => {
      const d = driver()
      const u = await login(d, 'john_doe')
      await patch(d, u, { status_message: 'Lunch', status_expires_at: inSeconds(600) })
      expect(await patch(d, u, { status_message: 'Deep work' })).toMatchObject({ status_message: 'Deep work', status_expires_at: null })
      await patch(d, u, { status_message: 'Lunch', status_expires_at: inSeconds(600) })
      // The same text again, without an expiry: still a new message, which never expires.
      expect(await patch(d, u, { status_message: 'Lunch' })).toMatchObject({ status_message: 'Lunch', status_expires_at: null })
      await advance(d, 3600)
      const again = await login(d, 'john_doe')
      expect(again.user).toMatchObject({ status_message: 'Lunch', status_expires_at: null })
      // A mode change leaves message and expiry alone.
      const at = new Date(Date.parse((await advance(d, 0)).now) + 600_000).toISOString()
      await patch(d, again, { status_expires_at: at })
      expect(await patch(d, again, { mode: 'dnd' })).toMatchObject({ status_message: 'Lunch', status_expires_at: at })
    })

    it('6.3 a past time, or one without a message to expire, is a 400 invalid_field naming status_expires_at; nothing changes', async () => {
      const d = driver()
      const u = await login(d, 'john_doe')
      await patch(d, u, { status_message: 'Lunch' })
      const refuse = async (body: object) =>
        expectError(await d.fetch('/api/users/me/status/', { method: 'PATCH', token: u.access, json: body }), 400, 'invalid_field', 'status_expires_at')
      await refuse({ status_message: 'Later', status_expires_at: inSeconds(-60) })
      await refuse({ status_expires_at: inSeconds(-1) })
      await refuse({ status_message: null, status_expires_at: inSeconds(60) })
      await refuse({ status_message: '   ', status_expires_at: inSeconds(60) })
      await refuse({ status_message: 'Later', status_expires_at: 'tomorrow' })
      // After the mock clock moved on, "the future" is the server's: a time ahead of the real one can be past.
      await advance(d, 3600)
      const fresh2 = await login(d, 'john_doe')
      const res = await d.fetch('/api/users/me/status/', {
        method: 'PATCH',
        token: fresh2.access,
        json: { status_message: 'Later', status_expires_at: inSeconds(60) },
      })
      expectError(res, 400, 'invalid_field', 'status_expires_at')
      expect(await get(d, fresh2.access, '/api/users/me/')).toMatchObject({ status_message: 'Lunch', status_expires_at: null })
      const blank = await login(d, 'jane_smith')
      expectError(
        await d.fetch('/api/users/me/status/', { method: 'PATCH', token: blank.access, json: { status_expires_at: inSeconds(7200) } }),
        400,
        'invalid_field',
        'status_expires_at',
      )
    })

    it('6.3 the socket\'s status frame takes statusExpiresAt; a bad one is bad_message and the connection stays open', async () => {
      const d = driver()
      const { u, tab, ws } = await socketOnly(d)
      const at = inSeconds(900)
      frame(tab, { statusMessage: 'On the train', statusExpiresAt: at })
      expect(sameTime((await eventWith(ws, idOf(u), { statusMessage: 'On the train' })).user.statusExpiresAt, at)).toBe(true)
      frame(tab, { statusMessage: 'x', statusExpiresAt: inSeconds(-5) })
      expect(await tab.next((m) => m.type === 'error')).toMatchObject({ code: 'bad_message', message: expect.stringContaining('statusExpiresAt') })
      frame(tab, { statusMessage: null, statusExpiresAt: inSeconds(60) })
      expect(await tab.next((m) => m.type === 'error')).toMatchObject({ code: 'bad_message' })
      frame(tab, { statusExpiresAt: 12 })
      expect(await tab.next((m) => m.type === 'error')).toMatchObject({ code: 'bad_message', message: expect.stringContaining('statusExpiresAt') })
      expect(about(await quiet(ws), idOf(u))).toEqual([])
      expect(tab.isClosed).toBe(false)
    })

    it('6.3 a hidden message hides its expiry: an invisible user\'s expiry reaches only their own sockets', async () => {
      const d = driver()
      const { u, tab, ws } = await socketOnly(d)
      frame(tab, { statusMessage: 'secret', statusExpiresAt: inSeconds(600), mode: 'invisible' })
      const gone = await eventWith(ws, idOf(u), { status: 'offline' })
      expect(gone.user).toMatchObject({ statusMessage: null, statusExpiresAt: null })
      await eventWith(tab, idOf(u), { statusMessage: 'secret' })
      await advance(d, 601)
      expect(about(await sync(tab), idOf(u)).map((m) => m.user.statusMessage)).toEqual([null])
      expect(about(await quiet(ws), idOf(u))).toEqual([])
    })
  })

  describe('6.4 last-seen privacy', () => {
    const driver = fresh(makeDriver)

    /** john_doe with a socket (REST presence ended), watched by a friend (jane_smith) and a non-friend (liam_martinez). */
    async function watched(d: Driver) {
      const { u, tab, w, ws } = await socketOnly(d)
      const stranger = await login(d, 'liam_martinez')
      const ss = await connectAs(d, stranger.access)
      await quiet(ss)
      // The premise, from the seeded friendships: jane is john's friend, liam is not.
      const friendsOfJane = await get(d, w.access, '/api/users/online/?filter=friends')
      expect(friendsOfJane.map((x: Json) => x.id)).toContain(idOf(u))
      const friendsOfLiam = await get(d, stranger.access, '/api/users/online/?filter=friends')
      expect(friendsOfLiam.map((x: Json) => x.id)).not.toContain(idOf(u))
      return { u, tab, w, ws, stranger, ss }
    }

    /** Everything a viewer gets about john_doe that carries a last seen. */
    async function lastSeenAsSeenBy(d: Driver, viewer: Session, userId: number) {
      const views = await restViews(d, viewer, userId)
      const conversation = (await get(d, viewer.access, '/api/chat/conversations/')).find((c: Json) => c.other_user.id === userId)
      const snapshot = await connectAs(d, viewer.access)
      snapshot.close()
      return {
        camel: views.camel.lastSeen,
        snake: views.snake.last_seen,
        activity: views.snake.last_activity,
        snapshot: snapshot.snapshot.onlineUsers.find((x: Json) => x.id === userId).lastSeen,
        ...(conversation ? { conversation: conversation.other_user.last_seen } : {}),
      }
    }

    it('6.4 PATCH takes last_seen_visibility (everyone by default, friends, nobody); GET /api/users/me/ returns it; anything else is a 400', async () => {
      const d = driver()
      const u = await login(d, 'john_doe')
      expect(u.user.last_seen_visibility).toBe('everyone')
      for (const choice of ['friends', 'nobody', 'everyone']) {
        expect((await patch(d, u, { last_seen_visibility: choice })).last_seen_visibility).toBe(choice)
        expect((await get(d, u.access, '/api/users/me/')).last_seen_visibility).toBe(choice)
      }
      const res = await d.fetch('/api/users/me/status/', { method: 'PATCH', token: u.access, json: { last_seen_visibility: 'contacts' } })
      expectError(res, 400, 'invalid_field', 'last_seen_visibility')
      // It is kept across logins, like mode and message.
      await patch(d, u, { last_seen_visibility: 'nobody' })
      expect((await login(d, 'john_doe')).user.last_seen_visibility).toBe('nobody')
    })

    it('6.4 nobody: every other viewer sees last_seen, lastSeen and last_activity as null in every list, snapshot, event and conversation; online is unaffected', async () => {
      const d = driver()
      const { u, tab, w, ws, stranger, ss } = await watched(d)
      frame(tab, { lastSeenVisibility: 'nobody' })
      await quiet(tab)
      frame(tab, { statusMessage: 'hi' })
      for (const socket of [ws, ss]) {
        const event = await eventWith(socket, idOf(u), { statusMessage: 'hi' })
        expect(event.user).toMatchObject({ lastSeen: null, status: 'online', isOnline: true })
      }
      for (const viewer of [w, stranger]) {
        const seen = await lastSeenAsSeenBy(d, viewer, idOf(u))
        expect(Object.values(seen).every((v) => v === null), JSON.stringify(seen)).toBe(true)
        expect((await restViews(d, viewer, idOf(u))).snake).toMatchObject({ is_online: true, online_status: 'online' })
      }
      expect((await lastSeenAsSeenBy(d, w, idOf(u))).conversation).toBeNull()
    })

    it('6.4 friends: a friend sees the last seen, anyone else null, each in their own event', async () => {
      const d = driver()
      const { u, tab, w, ws, stranger, ss } = await watched(d)
      frame(tab, { lastSeenVisibility: 'friends', statusMessage: 'friends only' })
      const toFriend = await eventWith(ws, idOf(u), { statusMessage: 'friends only' })
      const toStranger = await eventWith(ss, idOf(u), { statusMessage: 'friends only' })
      expect(isUtcIso(toFriend.user.lastSeen)).toBe(true)
      expect(toStranger.user.lastSeen).toBeNull()
      const friend = await lastSeenAsSeenBy(d, w, idOf(u))
      expect(Object.values(friend).every((v) => typeof v === 'string'), JSON.stringify(friend)).toBe(true)
      const other = await lastSeenAsSeenBy(d, stranger, idOf(u))
      expect(Object.values(other).every((v) => v === null), JSON.stringify(other)).toBe(true)
    })

    it('6.4 everyone (the default): every viewer sees it', async () => {
      const d = driver()
      const { u, w, stranger } = await watched(d)
      for (const viewer of [w, stranger]) {
        const seen = await lastSeenAsSeenBy(d, viewer, idOf(u))
        expect(Object.values(seen).every((v) => typeof v === 'string'), JSON.stringify(seen)).toBe(true)
      }
    })

    it("6.4 admins in the admin endpoints see it as it is; the user's own clients always do", async () => {
      const d = driver()
      const { u, tab } = await watched(d)
      const me = await patch(d, u, { last_seen_visibility: 'nobody' })
      expect(isUtcIso(me.last_seen)).toBe(true)
      const admin = await adminOf(d, idOf(u))
      expect(isUtcIso(admin.status.last_seen)).toBe(true)
      expect(isUtcIso(admin.listed.last_seen)).toBe(true)
      expect(isUtcIso(admin.listed.last_activity)).toBe(true)
      // The admin as an ordinary viewer, outside the admin endpoints: hidden like anyone else's view.
      const adminSession = await login(d, 'admin')
      expect((await restViews(d, adminSession, idOf(u))).camel.lastSeen).toBeNull()
      const own = await restViews(d, u, idOf(u))
      expect(isUtcIso(own.camel.lastSeen)).toBe(true)
      const beat = await call(d, u.access, 'POST', '/api/chat/heartbeat/', {})
      expect(isUtcIso(beat.last_seen)).toBe(true)
      frame(tab, { statusMessage: 'mine' })
      expect(isUtcIso((await eventWith(tab, idOf(u), { statusMessage: 'mine' })).user.lastSeen)).toBe(true)
      const again = await connectAs(d, u.access)
      expect(isUtcIso(again.snapshot.onlineUsers.find((x: Json) => x.id === idOf(u)).lastSeen)).toBe(true)
    })

    it('6.4 an invisible user\'s frozen last seen is hidden too from who may not see it', async () => {
      const d = driver()
      const { u, tab, w, ws } = await watched(d)
      frame(tab, { lastSeenVisibility: 'nobody', mode: 'invisible' })
      const gone = await eventWith(ws, idOf(u), { status: 'offline' })
      expect(gone.user.lastSeen).toBeNull()
      expect((await restViews(d, w, idOf(u))).camel).toBeNull()
      const conversation = (await get(d, w.access, '/api/chat/conversations/')).find((c: Json) => c.other_user.id === idOf(u))
      expect(conversation.other_user).toMatchObject({ online_status: 'offline', last_seen: null })
    })

    it('6.4 decision: changing the visibility alone sends no event (a change of last seen alone sends nothing); later views follow it', async () => {
      const d = driver()
      const { u, tab, ws, stranger } = await watched(d)
      frame(tab, { lastSeenVisibility: 'nobody' })
      expect(about(await quiet(ws), idOf(u))).toEqual([])
      expect((await restViews(d, stranger, idOf(u))).camel.lastSeen).toBeNull()
      frame(tab, { lastSeenVisibility: 'everyone' })
      expect(about(await quiet(ws), idOf(u))).toEqual([])
      expect(isUtcIso((await restViews(d, stranger, idOf(u))).camel.lastSeen)).toBe(true)
    })
  })

  describe('6.1–6.4 in the OpenAPI document', () => {
    const driver = fresh(makeDriver)

    it('documents the new request fields, the new view fields, and the WebSocket frames (ClientFrame, ServerFrame) that every frame of a v2 session validates against', async () => {
      const d = driver()
      const doc = d.openapi.document
      const patchBody = doc.paths['/api/users/me/status/'].patch.requestBody.content['application/json'].schema
      expect(Object.keys(patchBody.properties).sort()).toEqual(['idle', 'last_seen_visibility', 'mode', 'status_expires_at', 'status_message'])
      const me = doc.paths['/api/users/me/'].get.responses['200'].content['application/json'].schema
      expect(me.required).toEqual(expect.arrayContaining(['idle', 'devices', 'status_expires_at', 'last_seen_visibility']))
      expect(doc.info.description).toContain('&device=')
      const ajv = new Ajv2020({ strict: false, allErrors: true })
      addFormats(ajv)
      const server = ajv.compile(doc.components.schemas.ServerFrame)
      const client = ajv.compile(doc.components.schemas.ClientFrame)
      for (const ok of [
        { type: 'status', idle: true },
        { type: 'status', statusMessage: 'x', statusExpiresAt: new Date(Date.now() + 60_000).toISOString() },
        { type: 'status', lastSeenVisibility: 'friends' },
        { type: 'ping' },
      ]) {
        expect(client(ok), JSON.stringify(client.errors)).toBe(true)
      }
      for (const bad of [{ type: 'status', idle: 'yes' }, { type: 'status', lastSeenVisibility: 'contacts' }, { type: 'status', statusExpiresAt: 5 }]) {
        expect(client(bad), JSON.stringify(bad)).toBe(false)
      }
      // A session that uses everything of section 6; every frame it gets is a documented ServerFrame.
      const { u, tab, ws } = await socketOnly(d, 'mobile')
      frame(tab, { idle: true, statusMessage: 'brb', statusExpiresAt: new Date(Date.now() + 600_000).toISOString(), lastSeenVisibility: 'nobody' })
      await eventWith(ws, idOf(u), { status: 'away', statusMessage: 'brb' })
      frame(tab, { idle: 'nope' })
      await tab.next((m) => m.type === 'error')
      await advance(d, 601)
      await eventWith(ws, idOf(u), { statusMessage: null })
      await sync(tab)
      const frames = [...tab.received, ...ws.received]
      expect(frames.length).toBeGreaterThan(5)
      for (const f of frames) expect(server(f), `${JSON.stringify(f)}: ${JSON.stringify(server.errors)}`).toBe(true)
    })
  })

  describe("6.1–6.2 through the mock's presence control (stories and tests)", () => {
    const driver = fresh(makeDriver)
    const control = (d: Driver, id: number, body: object) => d.fetch(`/__mock__/users/${id}/presence`, { method: 'POST', json: body })

    it('decision: `device` holds a connection of that kind open until offline, `idle` reports it idle; others see it pushed', async () => {
      const d = driver()
      const w = await login(d, 'jane_smith')
      const ws = await connectAs(d, w.access)
      const ahmad = 1
      const phone = await control(d, ahmad, { status: 'online', device: 'mobile' })
      expect(phone.status, phone.text).toBe(200)
      expect(phone.json).toMatchObject({ online_status: 'online', devices: ['mobile'], idle: false })
      await eventWith(ws, ahmad, { status: 'online', devices: ['mobile'] })
      // Held open: the REST TTL running out does not end it.
      await advance(d, TTL + 1)
      expect((await restViews(d, w, ahmad)).camel).toMatchObject({ status: 'online', devices: ['mobile'] })
      expect((await control(d, ahmad, { status: 'online', idle: true })).json).toMatchObject({ online_status: 'away', idle: true })
      await eventWith(ws, ahmad, { status: 'away', idle: true, devices: ['mobile'] })
      expect((await control(d, ahmad, { status: 'online', device: 'desktop' })).json).toMatchObject({ devices: ['desktop'], idle: false })
      await eventWith(ws, ahmad, { status: 'online', devices: ['desktop'] })
      expect((await control(d, ahmad, { status: 'offline' })).json).toMatchObject({ online_status: 'offline', devices: [] })
      await eventWith(ws, ahmad, { status: 'offline', devices: [] })
      expectError(await control(d, ahmad, { status: 'online', device: 'fridge' }), 400, 'invalid_field', 'device')
    })
  })
}
