import { describe, expect, it } from 'vitest'
import {
  advance,
  call,
  connect,
  expectError,
  fresh,
  idOf,
  quiet,
  controlPresence,
  eventsAbout,
  expectHealthy,
  get,
  isStatusOf,
  isUtcIso,
  login,
  reset,
  setPresence,
  sleep,
  sync,
  type Driver,
  type HttpResult,
  type Json,
  type MakeDriver,
  type Session,
} from './driver'
import { v2Suite } from './v2'

const DAY = 86_400
const TTL = 300
const TOKEN_TTL = 900
const KIB = 1024

// --- small helpers in the contract's terms ---------------------------------------------------------------------

/** Logged in, then marked offline: a user that others see offline, with a live token pair. */
async function offlineUser(d: Driver, username: string): Promise<Session> {
  const session = await login(d, username)
  const res = await call(d, session.access, 'POST', '/api/chat/mark-offline/', {})
  expect(res).toEqual({ success: true, online_status: 'offline' })
  return session
}

/** john_doe online through one socket only (REST presence ended), watched by jane_smith's socket. */
async function socketOnlyUserWatched(d: Driver) {
  const u = await login(d, 'john_doe')
  const tab = await connect(d, u.access)
  await call(d, u.access, 'POST', '/api/chat/mark-offline/', {})
  const w = await login(d, 'jane_smith')
  const ws = await connect(d, w.access)
  return { u, tab, w, ws }
}

const ids = (list: Json[]): number[] => list.map((u) => u.id)

/** The ids that `viewer` sees online in `/api/users/online/` (the viewer excluded). */
async function seenOnline(d: Driver, viewer: Session): Promise<number[]> {
  return ids(await get(d, viewer.access, '/api/users/online/'))
}

/** Waits a little past the coalescing window, then a ping barrier: everything sent by then, unconsumed. */

/** The admin's view of a user (not a sign of life of that user). */
async function adminView(d: Driver, userId: number): Promise<Json> {
  const admin = await login(d, 'admin')
  return get(d, admin.access, `/api/users/admin/users/${userId}/online-status/`)
}

/** Every user online (through the control), so that lists show the whole cast; returns every id. */
async function everyoneOnline(d: Driver): Promise<number[]> {
  const all: number[] = []
  for (let id = 1; id < 1000; id++) {
    const res = await controlPresence(d, id, 'online')
    if (res.status === 404) break
    expect(res.status, res.text).toBe(200)
    all.push(id)
  }
  expect(all.length).toBeGreaterThanOrEqual(25)
  return all
}

async function activity(d: Driver, viewer: Session, query = ''): Promise<Json[]> {
  return get(d, viewer.access, `/api/users/activity/${query}`)
}

const bigBody = (bytes: number) => JSON.stringify({ pad: 'x'.repeat(bytes - '{"pad":""}'.length) })

const ms = (iso: string) => Date.parse(iso)

export function contractSuite(name: string, makeDriver: MakeDriver) {
  describe(`presence contract: ${name}`, () => {
    // Section 6.1–6.4 (version 2): its own file.
    v2Suite(makeDriver)

    // -------------------------------------------------------------------------------------------------------------
    describe('1. the presence model', () => {
      const driver = fresh(makeDriver)

      it('login is a sign of life: others see the user online at once, last seen is the server time', async () => {
        const d = driver()
        const u0 = await offlineUser(d, 'john_doe')
        const w = await login(d, 'jane_smith')
        const ws = await connect(d, w.access)
        expect(ids(ws.snapshot.onlineUsers)).not.toContain(idOf(u0))
        const before = Date.now()
        const u = await login(d, 'john_doe')
        expect(u.user.online_status).toBe('online')
        const event = await ws.next(isStatusOf(idOf(u), 'online'))
        expect(event.user).toMatchObject({ username: 'john_doe', isOnline: true, lastSeen: u.user.last_seen })
        expect(Math.abs(ms(u.user.last_seen) - before)).toBeLessThan(5000)
        expect(await seenOnline(d, w)).toContain(idOf(u))
      })

      it('an authenticated REST request is a sign of life that brings an offline user back online', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const w = await login(d, 'jane_smith')
        const ws = await connect(d, w.access)
        await advance(d, TTL + 1)
        await ws.next(isStatusOf(idOf(u), 'offline'))
        const me = await get(d, u.access, '/api/users/me/')
        expect(me.online_status).toBe('online')
        const event = await ws.next(isStatusOf(idOf(u), 'online'))
        expect(ms(event.user.lastSeen)).toBeGreaterThanOrEqual(ms(u.user.last_seen) + (TTL + 1) * 1000)
      })

      it('whole-duration elapsed: active one day and one second ago is offline (advance the clock 86401 s)', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const w = await login(d, 'jane_smith')
        const ws = await connect(d, w.access)
        await advance(d, DAY + 1)
        await ws.next(isStatusOf(idOf(u), 'offline'))
        // Both access tokens expired meanwhile: look again with new ones (logging in is not U's sign of life).
        const w2 = await login(d, 'jane_smith')
        expect(await seenOnline(d, w2)).not.toContain(idOf(u))
        const chat = await get(d, w2.access, '/api/chat/online-users/')
        expect(chat.online_users).not.toContain(idOf(u))
        expect(await adminView(d, idOf(u))).toMatchObject({
          online_status: 'offline',
          is_online: false,
          last_seen: u.user.last_seen,
        })
      })

      it('REST presence lasts exactly the TTL: online 299 s later, offline at 300 s, the event pushed by the server', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const w = await login(d, 'jane_smith')
        const ws = await connect(d, w.access)
        await advance(d, TTL - 1)
        expect(await seenOnline(d, w)).toContain(idOf(u))
        expect(eventsAbout(await quiet(ws), idOf(u))).toEqual([])
        await advance(d, 1)
        await ws.next(isStatusOf(idOf(u), 'offline'))
        expect(await seenOnline(d, w)).not.toContain(idOf(u))
      })

      it('a heartbeat dated in the future does not keep a user online past the TTL', async () => {
        const d = driver()
        const u = await offlineUser(d, 'john_doe')
        const w = await login(d, 'jane_smith')
        const ws = await connect(d, w.access)
        const future = new Date(Date.now() + 365 * DAY * 1000).toISOString()
        const beat = await call(d, u.access, 'POST', '/api/chat/heartbeat/', { timestamp: future })
        expect(beat).toMatchObject({ message: 'Heartbeat recorded', online_status: 'online' })
        // The server's clock decides: last seen is now, not the body's timestamp.
        expect(Math.abs(ms(beat.last_seen) - Date.now())).toBeLessThan(5000)
        await ws.next(isStatusOf(idOf(u), 'online'))
        await advance(d, TTL - 1)
        expect(await seenOnline(d, w)).toContain(idOf(u))
        await advance(d, 2)
        await ws.next(isStatusOf(idOf(u), 'offline'))
        expect(await seenOnline(d, w)).not.toContain(idOf(u))
      })

      it('heartbeat on both paths (seeds 002 and 004) is a sign of life with {message, online_status, last_seen}', async () => {
        const d = driver()
        for (const path of ['/api/chat/heartbeat/', '/api/users/heartbeat/']) {
          const u = await offlineUser(d, 'john_doe')
          await advance(d, 30)
          const res = await d.fetch(path, { method: 'POST', token: u.access })
          expect(res.status, res.text).toBe(200)
          expect(res.json).toMatchObject({ message: 'Heartbeat recorded', online_status: 'online' })
          expect(isUtcIso(res.json.last_seen)).toBe(true)
          expect(ms(res.json.last_seen)).toBeGreaterThanOrEqual(ms(u.user.last_seen) + 30_000)
          // The user's own mode shows through the heartbeat's online_status.
          await call(d, u.access, 'PATCH', '/api/users/me/status/', { mode: 'dnd' })
          expect((await call(d, u.access, 'POST', path, {})).online_status).toBe('dnd')
          await call(d, u.access, 'PATCH', '/api/users/me/status/', { mode: 'auto' })
        }
      })

      it('WebSocket activity updates last seen but does not extend REST presence', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const ut = await connect(d, u.access)
        const w = await login(d, 'jane_smith')
        const ws = await connect(d, w.access)
        await advance(d, 200)
        ut.send(JSON.stringify({ type: 'ping' }))
        const pong = await ut.next((m) => m.type === 'pong')
        const seen = (await get(d, w.access, '/api/users/online/')).find((x: Json) => x.id === idOf(u))
        expect(seen.last_seen).toBe(pong.ts)
        ut.close()
        await ut.closed
        await advance(d, 50) // grace over; the login's REST presence still runs (250 s of 300)
        expect(await seenOnline(d, w)).toContain(idOf(u))
        await advance(d, 60) // 310 s after the login: the ping at 200 s did not extend it
        const event = await ws.next(isStatusOf(idOf(u), 'offline'))
        expect(event.user.lastSeen).toBe(pong.ts)
      })

      it('two tabs then one closed stays online; the last one closed → offline only after the grace period (clock)', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const tab1 = await connect(d, u.access)
        const tab2 = await connect(d, u.access)
        expect(await call(d, u.access, 'POST', '/api/chat/mark-offline/', {})).toEqual({ success: true, online_status: 'online' })
        const w = await login(d, 'jane_smith')
        const ws = await connect(d, w.access)
        tab1.close()
        await tab1.closed
        await advance(d, 10)
        expect(eventsAbout(await quiet(ws), idOf(u))).toEqual([])
        expect(await seenOnline(d, w)).toContain(idOf(u))
        tab2.close()
        await tab2.closed
        await advance(d, 1)
        expect(eventsAbout(await quiet(ws), idOf(u))).toEqual([])
        expect(await seenOnline(d, w)).toContain(idOf(u))
        await advance(d, 2)
        const [event] = eventsAbout(await sync(ws), idOf(u))
        expect(event?.user).toMatchObject({ status: 'offline', isOnline: false })
        expect(await seenOnline(d, w)).not.toContain(idOf(u))
      })

      it('a reconnect within grace sends no event (no flicker); without it the grace runs out', async () => {
        const d = driver()
        const { u, tab, w, ws } = await socketOnlyUserWatched(d)
        tab.close()
        await tab.closed
        await advance(d, 1)
        const again = await connect(d, u.access)
        await advance(d, 5) // well past the grace period that the reconnect cancelled
        expect(eventsAbout(await quiet(ws), idOf(u))).toEqual([])
        expect(await seenOnline(d, w)).toContain(idOf(u))
        const log = (await activity(d, w)).filter((e) => e.user.id === idOf(u))
        expect(log[0]?.event).toBe('online')
        again.close()
        await again.closed
        await advance(d, 3)
        await ws.next(isStatusOf(idOf(u), 'offline'))
      })

      it('mark-offline with an open socket keeps the user online (the response says so) and ends REST presence', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const tab = await connect(d, u.access)
        const w = await login(d, 'jane_smith')
        const ws = await connect(d, w.access)
        const res = await call(d, u.access, 'POST', '/api/chat/mark-offline/', { timestamp: new Date().toISOString() })
        expect(res).toEqual({ success: true, online_status: 'online' })
        expect(eventsAbout(await quiet(ws), idOf(u))).toEqual([])
        expect(await seenOnline(d, w)).toContain(idOf(u))
        // REST presence ended: when the socket closes, only the grace period is left, not the TTL.
        tab.close()
        await tab.closed
        await advance(d, 3)
        await ws.next(isStatusOf(idOf(u), 'offline'))
      })

      it('mark-offline without a socket → offline at once', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const w = await login(d, 'jane_smith')
        const ws = await connect(d, w.access)
        expect(ids(ws.snapshot.onlineUsers)).toContain(idOf(u))
        const res = await call(d, u.access, 'POST', '/api/chat/mark-offline/', {})
        expect(res).toEqual({ success: true, online_status: 'offline' })
        await ws.next(isStatusOf(idOf(u), 'offline'), 500)
        expect(await seenOnline(d, w)).not.toContain(idOf(u))
        expect((await get(d, u.access, '/api/users/me/')).online_status).toBe('online') // that GET is a sign of life again
      })

      it('mark-offline cancels a running grace period at once', async () => {
        const d = driver()
        const { u, tab, ws } = await socketOnlyUserWatched(d)
        tab.close()
        await tab.closed
        expect(eventsAbout(await sync(ws), idOf(u))).toEqual([]) // in grace
        expect((await call(d, u.access, 'POST', '/api/chat/mark-offline/', {})).online_status).toBe('offline')
        await ws.next(isStatusOf(idOf(u), 'offline'), 1000) // the 2 s grace did not have to run out
      })

      it('away and dnd are shown as such, auto as online; mode and message are kept across logins', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const w = await login(d, 'jane_smith')
        const ws = await connect(d, w.access)
        for (const [mode, status] of [['away', 'away'], ['dnd', 'dnd'], ['auto', 'online'], ['dnd', 'dnd']]) {
          const me = await call(d, u.access, 'PATCH', '/api/users/me/status/', { mode, status_message: `in ${mode}` })
          expect(me).toMatchObject({ mode, online_status: status, status_message: `in ${mode}` })
          const event = await ws.next(isStatusOf(idOf(u)))
          expect(event.user).toMatchObject({ status, isOnline: true, statusMessage: `in ${mode}` })
        }
        const logout = await d.fetch('/api/auth/logout/', { method: 'POST', token: u.access, json: { refresh: u.refresh } })
        expect([200, 204]).toContain(logout.status)
        await ws.next(isStatusOf(idOf(u), 'offline'))
        const again = await login(d, 'john_doe')
        expect(again.user).toMatchObject({ mode: 'dnd', online_status: 'dnd', status_message: 'in dnd' })
        await ws.next(isStatusOf(idOf(u), 'dnd'))
      })

      it('going invisible is announced to others as offline (message hidden); the own sockets see "invisible"', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const tab = await connect(d, u.access)
        const w = await login(d, 'jane_smith')
        const ws = await connect(d, w.access)
        await call(d, u.access, 'PATCH', '/api/users/me/status/', { status_message: 'secret plans' })
        expect((await ws.next(isStatusOf(idOf(u)))).user.statusMessage).toBe('secret plans')
        await tab.next((m) => isStatusOf(idOf(u))(m) && m.user.statusMessage === 'secret plans')
        const me = await call(d, u.access, 'PATCH', '/api/users/me/status/', { mode: 'invisible' })
        expect(me).toMatchObject({ mode: 'invisible', online_status: 'invisible', status_message: 'secret plans' })
        const seen = await ws.next(isStatusOf(idOf(u)))
        expect(seen.user).toMatchObject({ status: 'offline', isOnline: false, statusMessage: null })
        const own = await tab.next(isStatusOf(idOf(u)))
        expect(own.user).toMatchObject({ status: 'invisible', isOnline: true, statusMessage: 'secret plans' })
      })

      it('an invisible user is absent from every list, snapshot and activity entry others get; admins see them as invisible', async () => {
        const d = driver()
        const w = await login(d, 'jane_smith')
        const partner = (await get(d, w.access, '/api/chat/conversations/'))[0].other_user
        const u = await login(d, partner.username)
        await call(d, u.access, 'PATCH', '/api/users/me/status/', { mode: 'invisible', status_message: 'hiding' })
        const tab = await connect(d, u.access)
        expect(tab.snapshot.onlineUsers.find((x: Json) => x.id === idOf(u))).toMatchObject({
          status: 'invisible',
          isOnline: true,
          statusMessage: 'hiding',
        })
        const ws = await connect(d, w.access)
        expect(ids(ws.snapshot.onlineUsers)).not.toContain(idOf(u))
        const chat = await get(d, w.access, '/api/chat/online-users/')
        expect(ids(chat.onlineUsers)).not.toContain(idOf(u))
        expect(chat.online_users).not.toContain(idOf(u))
        expect(await seenOnline(d, w)).not.toContain(idOf(u))
        expect(ids(await get(d, w.access, '/api/users/online/?filter=friends'))).not.toContain(idOf(u))
        const conversation = (await get(d, w.access, '/api/chat/conversations/')).find((c: Json) => c.other_user.id === idOf(u))
        expect(conversation.other_user).toMatchObject({ online_status: 'offline', is_online: false })
        // The only entries about U since the login: online, then offline when going invisible.
        const log = (await activity(d, w)).filter((e) => e.user.id === idOf(u))
        expect(log.slice(0, 2).map((e) => e.event)).toEqual(['offline', 'online'])
        // The user sees themselves as they are.
        const own = await get(d, u.access, '/api/chat/online-users/')
        expect(own.onlineUsers.find((x: Json) => x.id === idOf(u))).toMatchObject({ status: 'invisible', isOnline: true })
        // Admins see them as they really are (real message, real last seen).
        const me = await get(d, u.access, '/api/users/me/')
        const admin = await login(d, 'admin')
        const list = await get(d, admin.access, '/api/users/admin/users/online/?per_page=100')
        expect(list.online_users.find((x: Json) => x.id === idOf(u))).toMatchObject({
          online_status: 'invisible',
          is_online: true,
          status_message: 'hiding',
          last_seen: me.last_seen,
        })
        expect(await get(d, admin.access, `/api/users/admin/users/${idOf(u)}/online-status/`)).toMatchObject({
          online_status: 'invisible',
          is_online: true,
          last_seen: me.last_seen,
        })
      })

      it('while invisible, message changes and activity reach nobody else, and others see last seen frozen', async () => {
        const d = driver()
        const w = await login(d, 'jane_smith')
        const partner = (await get(d, w.access, '/api/chat/conversations/'))[0].other_user
        const u = await login(d, partner.username)
        const tab = await connect(d, u.access)
        const ws = await connect(d, w.access)
        await call(d, u.access, 'PATCH', '/api/users/me/status/', { mode: 'invisible' })
        const gone = await ws.next(isStatusOf(idOf(u), 'offline'))
        await tab.next(isStatusOf(idOf(u), 'invisible'))
        const otherUser = async () =>
          (await get(d, w.access, '/api/chat/conversations/')).find((c: Json) => c.other_user.id === idOf(u)).other_user
        const frozen = (await otherUser()).last_seen
        expect(frozen).toBe(gone.user.lastSeen)
        const logBefore = (await activity(d, w)).filter((e) => e.user.id === idOf(u))

        await advance(d, 60)
        await call(d, u.access, 'PATCH', '/api/users/me/status/', { status_message: 'still here' })
        const own = await tab.next(isStatusOf(idOf(u)))
        expect(own.user).toMatchObject({ status: 'invisible', statusMessage: 'still here' })
        await call(d, u.access, 'POST', '/api/users/heartbeat/', {})
        await sync(tab) // a ping frame: a sign of life
        tab.send(JSON.stringify({ type: 'status', statusMessage: 'and again' }))
        await tab.next(isStatusOf(idOf(u)))

        expect(eventsAbout(await quiet(ws), idOf(u))).toEqual([])
        expect((await otherUser()).last_seen).toBe(frozen)
        expect((await activity(d, w)).filter((e) => e.user.id === idOf(u))).toEqual(logBefore)
        const me = await get(d, u.access, '/api/users/me/')
        expect(ms(me.last_seen)).toBeGreaterThanOrEqual(ms(frozen) + 60_000)
        expect(me.status_message).toBe('and again')
      })

      it('coming back from invisible is announced with the current status, message and last seen', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        await call(d, u.access, 'PATCH', '/api/users/me/status/', { mode: 'invisible', status_message: 'hi' })
        const w = await login(d, 'jane_smith')
        const ws = await connect(d, w.access)
        await advance(d, 30)
        const me = await call(d, u.access, 'PATCH', '/api/users/me/status/', { mode: 'away' })
        const event = await ws.next(isStatusOf(idOf(u)))
        expect(event.user).toMatchObject({ status: 'away', isOnline: true, statusMessage: 'hi', lastSeen: me.last_seen })
        expect((await activity(d, w)).find((e) => e.user.id === idOf(u))?.event).toBe('away')
      })
    })

    describe('1. the presence model: the grace period in real time', () => {
      const driver = fresh(makeDriver, { graceSeconds: 0.3 })

      it('the last socket closed → offline pushed by the server by itself when a real 0.3 s grace runs out', async () => {
        const d = driver()
        const { u, tab, w, ws } = await socketOnlyUserWatched(d)
        const before = await sync(ws)
        expect(eventsAbout(before, idOf(u))).toEqual([])
        const pongBefore = ws.received.filter((m) => m.type === 'pong').at(-1)
        const closedAt = Date.now()
        tab.close()
        await tab.closed
        const event = await ws.next(isStatusOf(idOf(u), 'offline'), 3000)
        expect(Date.now() - closedAt).toBeGreaterThanOrEqual(250)
        // Logged at the moment the grace ran out: 0.3 s after the close, on the server's clock.
        const entry = (await activity(d, w)).find((e) => e.user.id === idOf(u))
        expect(entry.event).toBe('offline')
        expect(ms(entry.at)).toBeGreaterThanOrEqual(ms(pongBefore.ts) + 300)
        expect(ms(entry.at)).toBeLessThanOrEqual(Date.now())
        expect(event.user.isOnline).toBe(false)
      })
    })

    describe('1. the presence model: the grace period in real time, with a clock advance', () => {
      const driver = fresh(makeDriver, { graceSeconds: 3 })

      it('a clock advance during a grace period brings its end closer in real time too', async () => {
        const d = driver()
        const { u, tab, ws } = await socketOnlyUserWatched(d)
        tab.close()
        await tab.closed
        await advance(d, 2.5)
        expect(eventsAbout(await sync(ws), idOf(u))).toEqual([])
        // About half a second of the grace period is left, not three seconds.
        await ws.next(isStatusOf(idOf(u), 'offline'), 1500)
      })
    })

    describe('1. the presence model: many short grace periods in real time', () => {
      const driver = fresh(makeDriver, { graceSeconds: 0.01 })

      it('every grace period runs out by itself, even when its timer fires a millisecond early by the wall clock', async () => {
        // Timers run on a monotonic clock and the server's clock on the wall clock: now and then a timer fires a
        // fraction of a millisecond before its moment. Repeated, so that such a timer is almost surely among them.
        const d = driver()
        const users = [await offlineUser(d, 'john_doe'), await offlineUser(d, 'ahmad'), await offlineUser(d, 'admin')]
        const w = await login(d, 'jane_smith')
        const ws = await connect(d, w.access)
        for (let i = 0; i < 40; i++) {
          const u = users[i % users.length]! // taking turns keeps each user's events out of the coalescing window
          const tab = await connect(d, u.access)
          await ws.next(isStatusOf(idOf(u), 'online'))
          tab.close()
          await ws.next(isStatusOf(idOf(u), 'offline'), 1000)
        }
      })
    })

    describe('1. the presence model: timing is configurable', () => {
      const driver = fresh(makeDriver, { ttlSeconds: 10, graceSeconds: 5 })

      it('a TTL of 10 s and a grace period of 5 s', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const w = await login(d, 'jane_smith')
        const ws = await connect(d, w.access)
        await advance(d, 9)
        expect(eventsAbout(await quiet(ws), idOf(u))).toEqual([])
        await advance(d, 2)
        await ws.next(isStatusOf(idOf(u), 'offline'))
        const tab = await connect(d, u.access)
        await ws.next(isStatusOf(idOf(u), 'online'))
        await call(d, u.access, 'POST', '/api/chat/mark-offline/', {})
        tab.close()
        await tab.closed
        await advance(d, 4)
        expect(eventsAbout(await quiet(ws), idOf(u))).toEqual([])
        await advance(d, 2)
        await ws.next(isStatusOf(idOf(u), 'offline'))
      })
    })

    // -------------------------------------------------------------------------------------------------------------
    describe('2. authentication', () => {
      const driver = fresh(makeDriver)

      it('login returns access, refresh and the user shaped as GET /api/users/me/', async () => {
        const d = driver()
        const res = await d.fetch('/api/auth/login/', { method: 'POST', json: { username: 'john_doe', password: 'password' } })
        expect(res.status).toBe(200)
        expect(res.json).toMatchObject({ access: expect.any(String), refresh: expect.any(String) })
        const user = res.json.user
        const me = await get(d, res.json.access, '/api/users/me/')
        expect(Object.keys(user).sort()).toEqual(Object.keys(me).sort())
        expect(user).toMatchObject({ id: me.id, username: 'john_doe', is_admin: false, mode: me.mode, online_status: 'online' })
        for (const field of ['id', 'username', 'profile_image', 'is_admin', 'online_status', 'mode', 'status_message', 'last_seen']) {
          expect(me).toHaveProperty(field)
        }
        expect(Number.isInteger(me.id)).toBe(true)
        expect(isUtcIso(me.last_seen)).toBe(true)
        expect(new URL(me.profile_image).origin).toBe(d.origin)
        const admin = await login(d, 'admin')
        expect(admin.user.is_admin).toBe(true)
      })

      it('login: wrong password or unknown user → 401 unauthorized; a missing or mistyped field → 400 naming it', async () => {
        const d = driver()
        const post = (json: unknown) => d.fetch('/api/auth/login/', { method: 'POST', json })
        expectError(await post({ username: 'john_doe', password: 'wrong' }), 401, 'unauthorized')
        expectError(await post({ username: 'nobody_at_all', password: 'password' }), 401, 'unauthorized')
        expectError(await post({ username: 'john_doe' }), 400, 'invalid_field', 'password')
        expectError(await post({ password: 'password' }), 400, 'invalid_field', 'username')
        expectError(await post({ username: 42, password: 'password' }), 400, 'invalid_field', 'username')
        expectError(await d.fetch('/api/auth/login/', { method: 'POST', body: '{"username":', headers: { 'content-type': 'application/json' } }), 400, 'invalid_json')
        await expectHealthy(d)
      })

      it('each login is its own session with its own token pair', async () => {
        const d = driver()
        const a = await login(d, 'john_doe')
        const b = await login(d, 'john_doe')
        expect(a.access).not.toBe(b.access)
        expect(a.refresh).not.toBe(b.refresh)
        await get(d, a.access, '/api/users/me/')
        await get(d, b.access, '/api/users/me/')
        const out = await d.fetch('/api/auth/logout/', { method: 'POST', token: a.access })
        expect([200, 204]).toContain(out.status)
        expectError(await d.fetch('/api/users/me/', { token: a.access }), 401, 'unauthorized')
        expect((await get(d, b.access, '/api/users/me/')).username).toBe('john_doe')
        expect((await d.fetch('/api/auth/refresh/', { method: 'POST', json: { refresh: b.refresh } })).status).toBe(200)
      })

      it('refresh → a new working access token; a refresh is not a sign of life', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const w = await login(d, 'jane_smith')
        const ws = await connect(d, w.access)
        await advance(d, TTL + 1)
        await ws.next(isStatusOf(idOf(u), 'offline'))
        const res = await d.fetch('/api/auth/refresh/', { method: 'POST', json: { refresh: u.refresh } })
        expect(res.status, res.text).toBe(200)
        expect(res.json).toEqual({ access: expect.any(String) })
        expect(res.json.access).not.toBe(u.access)
        expect(eventsAbout(await quiet(ws), idOf(u))).toEqual([])
        expect((await adminView(d, idOf(u))).last_seen).toBe(u.user.last_seen)
        const me = await get(d, res.json.access, '/api/users/me/')
        expect(me.id).toBe(idOf(u))
      })

      it('refresh: unknown, revoked or expired (refresh tokens live 7 days) → 401; missing field → 400', async () => {
        const d = driver()
        const refresh = (token: unknown) => d.fetch('/api/auth/refresh/', { method: 'POST', json: { refresh: token } })
        expectError(await refresh('rt_not_a_token'), 401, 'unauthorized')
        expectError(await d.fetch('/api/auth/refresh/', { method: 'POST', json: {} }), 400, 'invalid_field', 'refresh')
        const revoked = await login(d, 'john_doe')
        await d.fetch('/api/users/logout/', { method: 'POST', json: { refresh: revoked.refresh } })
        expectError(await refresh(revoked.refresh), 401, 'unauthorized')
        const u = await login(d, 'jane_smith')
        expect(u.access).not.toBe(u.refresh)
        await advance(d, 7 * DAY - 10)
        expect((await refresh(u.refresh)).status).toBe(200)
        await advance(d, 11)
        expectError(await refresh(u.refresh), 401, 'unauthorized')
        await expectHealthy(d)
      })

      it('access tokens expire after 15 minutes by default', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        await advance(d, TOKEN_TTL - 2)
        await get(d, u.access, '/api/users/me/')
        await advance(d, 3)
        expectError(await d.fetch('/api/users/me/', { token: u.access }), 401, 'unauthorized')
        const res = await d.fetch('/api/auth/refresh/', { method: 'POST', json: { refresh: u.refresh } })
        expect((await get(d, res.json.access, '/api/users/me/')).id).toBe(idOf(u))
      })

      it('every protected route: no, bad, foreign-scheme, refresh-as-access, expired or revoked token → 401 unauthorized', async () => {
        const d = driver()
        const admin = await login(d, 'admin')
        const routes: Array<[string, string, unknown?]> = [
          ['GET', '/api/chat/online-users/'],
          ['GET', '/api/users/online/'],
          ['POST', '/api/chat/heartbeat/', {}],
          ['POST', '/api/users/heartbeat/', {}],
          ['POST', '/api/chat/mark-offline/', {}],
          ['GET', '/api/chat/conversations/'],
          ['GET', '/api/users/me/'],
          ['PATCH', '/api/users/me/status/', { mode: 'away' }],
          ['GET', '/api/users/activity/'],
          ['GET', '/api/users/admin/users/online/'],
          ['GET', `/api/users/admin/users/${idOf(admin)}/online-status/`],
          ['POST', `/api/users/admin/users/${idOf(admin)}/set-online-status/`, { status: 'away' }],
        ]
        const revoked = await login(d, 'admin')
        await d.fetch('/api/auth/logout/', { method: 'POST', token: revoked.access })
        const expired = await login(d, 'admin')
        await advance(d, TOKEN_TTL + 1)
        const live = await login(d, 'admin')
        const headers: Array<Record<string, string>> = [
          {},
          { authorization: 'Bearer at_garbage' },
          { authorization: `Basic ${Buffer.from('admin:password').toString('base64')}` },
          { authorization: `Bearer ${live.refresh}` },
          { authorization: live.access },
          { authorization: `Bearer ${revoked.access}` },
          { authorization: `Bearer ${expired.access}` },
        ]
        for (const [method, path, json] of routes) {
          for (const h of headers) {
            const res = await d.fetch(path, { method, headers: h, ...(json === undefined ? {} : { json }) })
            expect(res.status, `${method} ${path} with ${JSON.stringify(h)}`).toBe(401)
            expectError(res, 401, 'unauthorized')
          }
          const ok = await d.fetch(path, { method, token: live.access, ...(json === undefined ? {} : { json }) })
          expect(ok.status, `${method} ${path}: ${ok.text}`).toBe(200)
        }
      })

      it('public routes need no token: login, refresh, logout by refresh, openapi.json, avatars and the controls', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        expect((await d.fetch('/api/auth/refresh/', { method: 'POST', json: { refresh: u.refresh } })).status).toBe(200)
        expect((await d.fetch('/api/openapi.json')).status).toBe(200)
        expect((await d.fetch(`/avatars/${idOf(u)}.svg`)).status).toBe(200)
        expect((await d.fetch('/__mock__/clock', { method: 'POST', json: { advanceSeconds: 1 } })).status).toBe(200)
        expect((await controlPresence(d, idOf(u), 'away')).status).toBe(200)
        expect([200, 204]).toContain((await d.fetch('/api/users/logout/', { method: 'POST', json: { refresh: u.refresh } })).status)
        expect((await d.fetch('/__mock__/reset', { method: 'POST' })).status).toBe(200)
      })

      it("logout closes that session's sockets with 4401 and revokes both tokens; a socket of another session keeps the user online", async () => {
        const d = driver()
        const s1 = await login(d, 'john_doe')
        const s2 = await login(d, 'john_doe')
        const refreshed = (await d.fetch('/api/auth/refresh/', { method: 'POST', json: { refresh: s1.refresh } })).json.access
        const a1 = await connect(d, s1.access)
        const a2 = await connect(d, refreshed, '/ws/chat/') // an access token of the same session, from a refresh
        const b = await connect(d, s2.access)
        const w = await login(d, 'jane_smith')
        const ws = await connect(d, w.access)
        const res = await d.fetch('/api/auth/logout/', { method: 'POST', token: s1.access })
        expect([200, 204]).toContain(res.status)
        expect(await a1.closed).toEqual({ code: 4401, reason: 'unauthorized' })
        expect(await a2.closed).toEqual({ code: 4401, reason: 'unauthorized' })
        expectError(await d.fetch('/api/auth/refresh/', { method: 'POST', json: { refresh: s1.refresh } }), 401, 'unauthorized')
        expectError(await d.fetch('/api/users/me/', { token: s1.access }), 401, 'unauthorized')
        expectError(await d.fetch('/api/users/me/', { token: refreshed }), 401, 'unauthorized')
        // The other session: its socket open, its tokens alive, the user still online for others.
        expect(b.isClosed).toBe(false)
        await sync(b)
        expect(eventsAbout(await quiet(ws), idOf(s1))).toEqual([])
        expect(await seenOnline(d, w)).toContain(idOf(s1))
        expect((await d.fetch('/api/auth/refresh/', { method: 'POST', json: { refresh: s2.refresh } })).status).toBe(200)
        // The logout ended the REST presence: once the other socket closes, only the grace period is left.
        b.close()
        await b.closed
        await advance(d, 3)
        await ws.next(isStatusOf(idOf(s1), 'offline'))
      })

      it('logout of the only session announces offline at once, on both paths', async () => {
        const d = driver()
        const w = await login(d, 'jane_smith')
        const ws = await connect(d, w.access)
        for (const [path, withBearer] of [['/api/auth/logout/', true], ['/api/users/logout/', false]] as const) {
          const u = await login(d, 'john_doe')
          const tab = await connect(d, u.access)
          await ws.next(isStatusOf(idOf(u), 'online'))
          const res = await d.fetch(path, { method: 'POST', json: { refresh: u.refresh }, ...(withBearer ? { token: u.access } : {}) })
          expect([200, 204]).toContain(res.status)
          expect(await tab.closed).toEqual({ code: 4401, reason: 'unauthorized' })
          await ws.next(isStatusOf(idOf(u), 'offline'), 1000) // no grace period after a logout
          expect(await seenOnline(d, w)).not.toContain(idOf(u))
          expectError(await d.fetch('/api/auth/refresh/', { method: 'POST', json: { refresh: u.refresh } }), 401, 'unauthorized')
        }
      })

      it('logout by refresh only (expired access token) works and is not a sign of life', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const tab = await connect(d, u.access)
        const w = await login(d, 'jane_smith')
        const ws = await connect(d, w.access)
        await advance(d, TOKEN_TTL + 1)
        expectError(await d.fetch('/api/users/me/', { token: u.access }), 401, 'unauthorized')
        const seen = (await adminView(d, idOf(u))).last_seen
        const res = await d.fetch('/api/users/logout/', { method: 'POST', token: u.access, json: { refresh: u.refresh } })
        expect([200, 204]).toContain(res.status)
        expect(await tab.closed).toEqual({ code: 4401, reason: 'unauthorized' })
        await ws.next(isStatusOf(idOf(u), 'offline'), 1000)
        expect((await adminView(d, idOf(u))).last_seen).toBe(seen)
        expectError(await d.fetch('/api/auth/refresh/', { method: 'POST', json: { refresh: u.refresh } }), 401, 'unauthorized')
        // Without any Authorization header at all, on the other path.
        const v = await login(d, 'john_doe')
        const out = await d.fetch('/api/auth/logout/', { method: 'POST', json: { refresh: v.refresh } })
        expect([200, 204]).toContain(out.status)
        expectError(await d.fetch('/api/users/me/', { token: v.access }), 401, 'unauthorized')
      })

      it('an unknown refresh beside a valid bearer is ignored; neither valid → 401', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const res = await d.fetch('/api/users/logout/', { method: 'POST', token: u.access, json: { refresh: 'rt_unknown' } })
        expect([200, 204]).toContain(res.status)
        expectError(await d.fetch('/api/users/me/', { token: u.access }), 401, 'unauthorized')
        expectError(await d.fetch('/api/auth/refresh/', { method: 'POST', json: { refresh: u.refresh } }), 401, 'unauthorized')
        for (const path of ['/api/auth/logout/', '/api/users/logout/']) {
          expectError(await d.fetch(path, { method: 'POST', json: { refresh: 'rt_unknown' } }), 401, 'unauthorized')
          expectError(await d.fetch(path, { method: 'POST' }), 401, 'unauthorized')
          expectError(await d.fetch(path, { method: 'POST', token: 'at_garbage', json: {} }), 401, 'unauthorized')
          expectError(await d.fetch(path, { method: 'POST', token: u.access, json: { refresh: u.refresh } }), 401, 'unauthorized')
        }
        await expectHealthy(d)
      })
    })

    describe('2. authentication: a configured token lifetime', () => {
      const driver = fresh(makeDriver, { tokenTtlSeconds: 60 })

      it('access tokens live --token-ttl seconds; a socket opened with one outlives it', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const tab = await connect(d, u.access)
        await quiet(tab) // the own socket's devices (6.2) were announced to it
        await advance(d, 59)
        await get(d, u.access, '/api/users/me/')
        await advance(d, 2)
        expectError(await d.fetch('/api/users/me/', { token: u.access }), 401, 'unauthorized')
        expect(tab.isClosed).toBe(false)
        const pongs = await sync(tab)
        expect(pongs).toEqual([])
        const late = d.socket(`/ws/user-status/?token=${u.access}`)
        expect(await late.closed).toEqual({ code: 4401, reason: 'unauthorized' })
        expect(late.received).toEqual([])
      })
    })

    // -------------------------------------------------------------------------------------------------------------
    describe('3. REST endpoints', () => {
      const driver = fresh(makeDriver)

      it('GET /api/chat/online-users/: both seeds\' shapes, the caller included, online_users = the ids of onlineUsers', async () => {
        const d = driver()
        const w = await login(d, 'jane_smith')
        const u = await login(d, 'john_doe')
        await call(d, u.access, 'PATCH', '/api/users/me/status/', { mode: 'away', status_message: 'coffee' })
        const gone = await offlineUser(d, 'ahmad')
        const body = await get(d, w.access, '/api/chat/online-users/')
        expect(body.success).toBe(true)
        expect([...body.online_users].sort()).toEqual(ids(body.onlineUsers).sort())
        expect(new Set(body.online_users).size).toBe(body.online_users.length)
        expect(body.online_users).toContain(idOf(w))
        expect(body.online_users).not.toContain(idOf(gone))
        for (const user of body.onlineUsers) {
          expect(Object.keys(user).sort()).toEqual(['devices', 'id', 'idle', 'isOnline', 'lastSeen', 'profileImage', 'status', 'statusExpiresAt', 'statusMessage', 'username'])
          expect(user.isOnline).toBe(true)
          expect(user.status).not.toBe('offline')
          expect(new URL(user.profileImage).href).toBe(user.profileImage)
          expect(user.lastSeen === null || isUtcIso(user.lastSeen)).toBe(true)
        }
        expect(body.onlineUsers.find((x: Json) => x.id === idOf(u))).toMatchObject({
          username: 'john_doe',
          status: 'away',
          statusMessage: 'coffee',
        })
      })

      it('GET /api/users/online/: ordered by id, the caller excluded; ?filter=friends keeps friends only', async () => {
        const d = driver()
        const all = await everyoneOnline(d)
        const w = await login(d, 'jane_smith')
        const list = await get(d, w.access, '/api/users/online/')
        expect(ids(list)).toEqual(all.filter((id) => id !== idOf(w)))
        for (const user of list) {
          for (const field of ['id', 'username', 'profile_image', 'is_online', 'online_status', 'status_message', 'last_seen', 'last_activity']) {
            expect(user).toHaveProperty(field)
          }
          expect(user.is_online).toBe(true)
          expect(user.online_status).not.toBe('offline')
        }
        const friends = await get(d, w.access, '/api/users/online/?filter=friends')
        expect(friends.length).toBeGreaterThan(0)
        expect(friends.length).toBeLessThan(list.length)
        expect(ids(friends)).toEqual([...ids(friends)].sort((a, b) => a - b))
        expect(ids(list)).toEqual(expect.arrayContaining(ids(friends)))
        // Friendship goes both ways.
        const friend = await login(d, friends[0].username)
        expect(ids(await get(d, friend.access, '/api/users/online/?filter=friends'))).toContain(idOf(w))
        const stranger = list.find((x: Json) => !ids(friends).includes(x.id) && x.username !== 'admin')
        const other = await login(d, stranger.username)
        expect(ids(await get(d, other.access, '/api/users/online/?filter=friends'))).not.toContain(idOf(w))
      })

      it('GET /api/chat/conversations/: most recent first, other users as others see them', async () => {
        const d = driver()
        const w = await login(d, 'jane_smith')
        const list = await get(d, w.access, '/api/chat/conversations/')
        expect(list.length).toBeGreaterThan(0)
        const times = list.map((c: Json) => (c.last_message ? ms(c.last_message.sent_at) : -Infinity))
        expect(times).toEqual([...times].sort((a, b) => b - a))
        for (const c of list) {
          expect(Number.isInteger(c.id)).toBe(true)
          expect(Number.isInteger(c.unread_count) && c.unread_count >= 0).toBe(true)
          expect(c.other_user.id).not.toBe(idOf(w))
          for (const field of ['id', 'username', 'profile_image', 'is_online', 'online_status', 'last_seen']) expect(c.other_user).toHaveProperty(field)
          expect(c.other_user.is_online).toBe(c.other_user.online_status !== 'offline')
          if (c.last_message) {
            expect(isUtcIso(c.last_message.sent_at)).toBe(true)
            expect(typeof c.last_message.text).toBe('string')
            expect([idOf(w), c.other_user.id]).toContain(c.last_message.sender_id)
          }
        }
        const partner = list[0].other_user
        const p = await login(d, partner.username)
        await call(d, p.access, 'PATCH', '/api/users/me/status/', { mode: 'dnd' })
        const again = (await get(d, w.access, '/api/chat/conversations/')).find((c: Json) => c.other_user.id === idOf(p))
        expect(again.other_user).toMatchObject({ online_status: 'dnd', is_online: true })
        await call(d, p.access, 'POST', '/api/chat/mark-offline/', {})
        const later = (await get(d, w.access, '/api/chat/conversations/')).find((c: Json) => c.other_user.id === idOf(p))
        expect(later.other_user).toMatchObject({ online_status: 'offline', is_online: false })
      })

      it('GET /api/users/me/ and PATCH /api/users/me/status/ (mode and message, null clears, nothing given changes nothing)', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const me = await get(d, u.access, '/api/users/me/')
        expect(me).toMatchObject({ id: idOf(u), username: 'john_doe', is_admin: false, online_status: 'online' })
        const patch = (json: unknown) => call(d, u.access, 'PATCH', '/api/users/me/status/', json)
        expect(await patch({ mode: 'dnd', status_message: 'deep work' })).toMatchObject({
          id: idOf(u),
          mode: 'dnd',
          online_status: 'dnd',
          status_message: 'deep work',
        })
        expect(await patch({})).toMatchObject({ mode: 'dnd', status_message: 'deep work' })
        expect(await patch({ mode: 'away' })).toMatchObject({ mode: 'away', online_status: 'away', status_message: 'deep work' })
        expect(await patch({ status_message: null })).toMatchObject({ mode: 'away', status_message: null })
        expect(await patch({ mode: 'invisible' })).toMatchObject({ mode: 'invisible', online_status: 'invisible' })
        expect(await patch({ mode: 'auto' })).toMatchObject({ mode: 'auto', online_status: 'online' })
        expect(await get(d, u.access, '/api/users/me/')).toMatchObject({ mode: 'auto', status_message: null })
        const bad = await d.fetch('/api/users/me/status/', { method: 'PATCH', token: u.access, json: { mode: 'sleeping' } })
        expectError(bad, 400, 'invalid_field', 'mode')
      })

      it('status_message: at most 140 code points (an emoji counts as one); a blank message is stored as null', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const patch = (status_message: unknown) =>
          d.fetch('/api/users/me/status/', { method: 'PATCH', token: u.access, json: { status_message } })
        const rockets = '🚀'.repeat(140)
        expect(rockets.length).toBe(280) // 280 UTF-16 units, 140 code points
        const ok = await patch(rockets)
        expect(ok.status, ok.text).toBe(200)
        expect(ok.json.status_message).toBe(rockets)
        expect((await patch('a'.repeat(140))).json.status_message).toBe('a'.repeat(140))
        expectError(await patch('a'.repeat(141)), 400, 'invalid_field', 'status_message')
        expectError(await patch('🚀'.repeat(141)), 400, 'invalid_field', 'status_message')
        expectError(await patch(12), 400, 'invalid_field', 'status_message')
        expect((await get(d, u.access, '/api/users/me/')).status_message).toBe('a'.repeat(140))
        expect((await patch('')).json.status_message).toBeNull()
        await patch('x')
        expect((await patch('   ')).json.status_message).toBeNull()
        expect((await get(d, u.access, '/api/users/me/')).status_message).toBeNull()
        await expectHealthy(d)
      })

      it('decision: a status message must be Unicode text: a lone surrogate (half an emoji cut by a UTF-16 slice) is refused', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const patch = (status_message: unknown) =>
          d.fetch('/api/users/me/status/', { method: 'PATCH', token: u.access, json: { status_message } })
        const cut = `Back at 3 ${'🚀'.slice(0, 1)}` // JSON.stringify sends it as the escape \ud83d
        expect(JSON.stringify(cut)).toContain('\\ud83d')
        expectError(await patch(cut), 400, 'invalid_field', 'status_message')
        expectError(await patch('\udc00 trailing half first'), 400, 'invalid_field', 'status_message')
        expect((await get(d, u.access, '/api/users/me/')).status_message).toBeNull()
        // A whole pair, escaped or not, is one code point.
        const whole = await d.fetch('/api/users/me/status/', {
          method: 'PATCH',
          token: u.access,
          headers: { 'content-type': 'application/json' },
          body: '{"status_message":"Back at 3 \\ud83d\\ude80"}',
        })
        expect(whole.status, whole.text).toBe(200)
        expect(whole.json.status_message).toBe('Back at 3 🚀')
        const tab = await connect(d, u.access)
        tab.send(JSON.stringify({ type: 'status', statusMessage: cut }))
        const refused = await tab.next((m) => m.type === 'error')
        expect(refused).toMatchObject({ code: 'bad_message', message: expect.stringContaining('statusMessage') })
        expect((await get(d, u.access, '/api/users/me/')).status_message).toBe('Back at 3 🚀')
      })

      it('activity: newest first, one entry per change of the status others see; message changes are not logged', async () => {
        const d = driver()
        const u = await offlineUser(d, 'john_doe')
        const w = await login(d, 'jane_smith')
        const steps: Array<[string, unknown]> = [
          ['POST /api/chat/heartbeat/', {}],
          ['PATCH /api/users/me/status/', { status_message: 'not logged' }],
          ['PATCH /api/users/me/status/', { mode: 'away' }],
          ['PATCH /api/users/me/status/', { mode: 'dnd' }],
          ['PATCH /api/users/me/status/', { mode: 'invisible' }],
          ['PATCH /api/users/me/status/', { status_message: 'not logged either' }],
          ['PATCH /api/users/me/status/', { mode: 'auto' }],
          ['POST /api/chat/mark-offline/', {}],
        ]
        for (const [route, json] of steps) {
          const [method, path] = route.split(' ') as [string, string]
          await call(d, u.access, method, path, json)
          await advance(d, 1)
        }
        const log = await activity(d, w)
        for (const entry of log) {
          expect(Object.keys(entry).sort()).toEqual(['at', 'event', 'user'])
          expect(Object.keys(entry.user).sort()).toEqual(['id', 'username'])
          expect(['online', 'offline', 'away', 'dnd']).toContain(entry.event)
          expect(isUtcIso(entry.at)).toBe(true)
        }
        const times = log.map((e) => ms(e.at))
        expect(times).toEqual([...times].sort((a, b) => b - a))
        const mine = log.filter((e) => e.user.id === idOf(u))
        expect(mine.slice(0, 7).map((e) => e.event)).toEqual(['offline', 'online', 'offline', 'dnd', 'away', 'online', 'offline'])
        expect(mine[0].user.username).toBe('john_doe')
      })

      it('activity: limit defaults to 50, larger than 200 is clamped to 200, 0 / abc / -1 / 1.5 → 400', async () => {
        const d = driver()
        const w = await login(d, 'jane_smith')
        const u = await login(d, 'john_doe')
        for (let i = 0; i < 105; i++) {
          await setPresence(d, idOf(u), 'away')
          await setPresence(d, idOf(u), 'online')
        }
        expect(await activity(d, w)).toHaveLength(50)
        expect(await activity(d, w, '?limit=1')).toHaveLength(1)
        expect(await activity(d, w, '?limit=200')).toHaveLength(200)
        expect(await activity(d, w, '?limit=5000')).toHaveLength(200)
        const newest = await activity(d, w, '?limit=3')
        expect(newest.map((e) => [e.user.id, e.event])).toEqual([
          [idOf(u), 'online'],
          [idOf(u), 'away'],
          [idOf(u), 'online'],
        ])
        for (const bad of ['0', 'abc', '-1', '1.5', '']) {
          expectError(await d.fetch(`/api/users/activity/?limit=${bad}`, { token: w.access }), 400, 'invalid_field', 'limit')
        }
        await expectHealthy(d)
      })

      it("activity: ?filter=friends keeps the caller's friends; any other filter → 400", async () => {
        const d = driver()
        const all = await everyoneOnline(d)
        const w = await login(d, 'jane_smith')
        const friends = ids(await get(d, w.access, '/api/users/online/?filter=friends'))
        const log = await activity(d, w, '?limit=200')
        const friendly = await activity(d, w, '?limit=200&filter=friends')
        expect(friendly.length).toBeGreaterThan(0)
        expect(friendly.every((e) => friends.includes(e.user.id))).toBe(true)
        expect(friendly).toEqual(log.filter((e) => friends.includes(e.user.id)))
        expect(log.some((e) => !friends.includes(e.user.id))).toBe(true)
        expect(all.length).toBeGreaterThan(friends.length)
        for (const bad of ['everyone', 'FRIENDS', 'friend']) {
          expectError(await d.fetch(`/api/users/activity/?filter=${bad}`, { token: w.access }), 400, 'invalid_field', 'filter')
        }
      })

      it('activity: a TTL expiry is logged at the moment it ran out, not when someone noticed', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        await advance(d, 1000)
        const w = await login(d, 'jane_smith')
        const entry = (await activity(d, w)).find((e) => e.user.id === idOf(u))
        expect(entry.event).toBe('offline')
        expect(entry.at).toBe(new Date(ms(u.user.last_seen) + TTL * 1000).toISOString())
      })

      it('activity: a grace period that ran out during a clock advance is logged when it ran out', async () => {
        const d = driver()
        const { u, tab, w, ws } = await socketOnlyUserWatched(d)
        await sync(ws)
        const before = ms(ws.received.filter((m) => m.type === 'pong').at(-1).ts)
        tab.close()
        await tab.closed
        await sync(ws)
        const after = ms(ws.received.filter((m) => m.type === 'pong').at(-1).ts)
        await advance(d, 600)
        const entry = (await activity(d, w)).find((e) => e.user.id === idOf(u))
        expect(entry.event).toBe('offline')
        expect(ms(entry.at)).toBeGreaterThanOrEqual(before + 2000)
        expect(ms(entry.at)).toBeLessThanOrEqual(after + 2000)
      })

      it('admin routes → 403 forbidden for non-admins, before 404, 413 and 400, without any user data in the body', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const admin = await login(d, 'admin')
        const requests: Array<[string, string, Partial<{ json: unknown; body: string }>]> = [
          ['GET', '/api/users/admin/users/online/', {}],
          ['GET', '/api/users/admin/users/online/?page=0', {}],
          ['GET', `/api/users/admin/users/${idOf(admin)}/online-status/`, {}],
          ['GET', '/api/users/admin/users/99999/online-status/', {}],
          ['POST', `/api/users/admin/users/${idOf(admin)}/set-online-status/`, { json: { status: 'offline' } }],
          ['POST', '/api/users/admin/users/99999/set-online-status/', { json: { status: 'offline' } }],
          ['POST', `/api/users/admin/users/${idOf(admin)}/set-online-status/`, { body: '{oops' }],
          ['POST', `/api/users/admin/users/${idOf(admin)}/set-online-status/`, { body: bigBody(100 * KIB) }],
        ]
        for (const [method, path, extra] of requests) {
          const res = await d.fetch(path, { method, token: u.access, headers: { 'content-type': 'application/json' }, ...extra })
          expectError(res, 403, 'forbidden')
          expect(Object.keys(res.json)).toEqual(['error'])
          expect(Object.keys(res.json.error).sort()).toEqual(['code', 'message'])
          for (const leak of ['john_doe', 'username', 'online_status', 'last_seen', 'is_online', String(idOf(admin))]) {
            expect(res.json.error.message).not.toContain(leak)
          }
        }
        await expectHealthy(d)
      })

      it('admin list: ordered by id, the calling admin included, others as they really are, with pagination', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        await call(d, u.access, 'PATCH', '/api/users/me/status/', { mode: 'away', status_message: 'out' })
        const admin = await login(d, 'admin')
        const body = await get(d, admin.access, '/api/users/admin/users/online/')
        expect(ids(body.online_users)).toContain(idOf(admin))
        expect(ids(body.online_users)).toEqual([...ids(body.online_users)].sort((a, b) => a - b))
        expect(body.online_users.find((x: Json) => x.id === idOf(u))).toMatchObject({
          username: 'john_doe',
          online_status: 'away',
          is_online: true,
          status_message: 'out',
        })
        for (const user of body.online_users) {
          for (const field of ['id', 'username', 'profile_image', 'is_online', 'online_status', 'status_message', 'last_seen', 'last_activity']) {
            expect(user).toHaveProperty(field)
          }
          expect(user.is_online).toBe(true)
        }
        expect(body.online_count).toBe(body.online_users.length)
        expect(body.pagination).toEqual({
          page: 1,
          per_page: 50,
          total: body.online_users.length,
          total_pages: 1,
          has_next: false,
          has_previous: false,
        })
      })

      it('admin list pagination edges: pages, per_page clamped to 100, past the end empty, non-positive-integer → 400', async () => {
        const d = driver()
        const all = await everyoneOnline(d)
        const admin = await login(d, 'admin')
        const page = (query: string) => get(d, admin.access, `/api/users/admin/users/online/${query}`)
        const total = all.length
        const perPage = 10
        const pages = Math.ceil(total / perPage)
        const seen: number[] = []
        for (let n = 1; n <= pages; n++) {
          const body = await page(`?page=${n}&per_page=${perPage}`)
          expect(body.pagination).toEqual({
            page: n,
            per_page: perPage,
            total,
            total_pages: pages,
            has_next: n < pages,
            has_previous: n > 1,
          })
          expect(body.online_count).toBe(total)
          expect(body.online_users.length).toBe(n < pages ? perPage : total - perPage * (pages - 1))
          seen.push(...ids(body.online_users))
        }
        expect(seen).toEqual(all)
        const past = await page(`?page=${pages + 1}&per_page=${perPage}`)
        expect(past.online_users).toEqual([])
        expect(past.pagination).toMatchObject({ page: pages + 1, total, total_pages: pages, has_next: false, has_previous: true })
        const clamped = await page('?per_page=1000')
        expect(clamped.pagination).toMatchObject({ per_page: 100, total, total_pages: Math.ceil(total / 100) })
        expect(clamped.online_users).toHaveLength(Math.min(total, 100))
        expect((await page('?per_page=100')).pagination.per_page).toBe(100)
        expect((await page('?per_page=1&page=2')).online_users.map((x: Json) => x.id)).toEqual([all[1]])
        // total_pages is 0 when total is 0, but total 0 cannot be reached here: the calling admin is always in the list.
        expect(total).toBeGreaterThan(0)
        for (const [param, value] of [['page', '0'], ['page', '-1'], ['page', 'abc'], ['page', '1.5'], ['per_page', '0'], ['per_page', 'x'], ['per_page', '2.5']]) {
          const res = await d.fetch(`/api/users/admin/users/online/?${param}=${value}`, { token: admin.access })
          expectError(res, 400, 'invalid_field', param)
        }
        await expectHealthy(d)
      })

      it('admin online-status: the user as they really are; a non-integer id → 404 not_found; an unknown id → 404 user_not_found', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const admin = await login(d, 'admin')
        const body = await get(d, admin.access, `/api/users/admin/users/${idOf(u)}/online-status/`)
        expect(body).toEqual({
          user_id: idOf(u),
          username: 'john_doe',
          online_status: 'online',
          last_seen: u.user.last_seen,
          is_online: true,
          idle: false,
          devices: [],
        })
        await call(d, u.access, 'PATCH', '/api/users/me/status/', { mode: 'dnd' })
        expect((await get(d, admin.access, `/api/users/admin/users/${idOf(u)}/online-status/`)).online_status).toBe('dnd')
        for (const id of ['abc', '1.5', '-1', '1e2']) {
          for (const token of [admin.access, u.access, undefined]) {
            const res = await d.fetch(`/api/users/admin/users/${id}/online-status/`, token === undefined ? {} : { token })
            expectError(res, 404, 'not_found')
          }
          const post = await d.fetch(`/api/users/admin/users/${id}/set-online-status/`, { method: 'POST', token: admin.access, json: { status: 'away' } })
          expectError(post, 404, 'not_found')
        }
        expectError(await d.fetch('/api/users/admin/users/99999/online-status/', { token: admin.access }), 404, 'user_not_found')
        await expectHealthy(d)
      })

      it('admin set-online-status: online / away set the mode and count as activity; offline is mark-offline; anything else → 400', async () => {
        const d = driver()
        const u = await offlineUser(d, 'john_doe')
        const w = await login(d, 'jane_smith')
        const ws = await connect(d, w.access)
        const admin = await login(d, 'admin')
        const set = (status: unknown, id = idOf(u)) =>
          d.fetch(`/api/users/admin/users/${id}/set-online-status/`, { method: 'POST', token: admin.access, json: { status } })
        const online = await set('online')
        expect(online.json).toMatchObject({ user_id: idOf(u), username: 'john_doe', online_status: 'online', is_online: true })
        await ws.next(isStatusOf(idOf(u), 'online'))
        const away = await set('away')
        expect(away.json).toMatchObject({ online_status: 'away', is_online: true })
        await ws.next(isStatusOf(idOf(u), 'away'))
        expect((await get(d, u.access, '/api/users/me/')).mode).toBe('away')
        const offline = await set('offline')
        expect(offline.json).toMatchObject({ online_status: 'offline', is_online: false })
        await ws.next(isStatusOf(idOf(u), 'offline'))
        // It counts as that user's REST activity: online for the TTL, then offline.
        await set('online')
        await ws.next(isStatusOf(idOf(u), 'online'))
        await advance(d, TTL - 1)
        expect(await seenOnline(d, w)).toContain(idOf(u))
        await advance(d, 2)
        await ws.next(isStatusOf(idOf(u), 'offline'))
        // With an open socket, offline leaves the user online, and the response says so.
        const u2 = await login(d, 'john_doe')
        const tab = await connect(d, u2.access)
        const admin2 = await login(d, 'admin')
        const still = await d.fetch(`/api/users/admin/users/${idOf(u)}/set-online-status/`, {
          method: 'POST',
          token: admin2.access,
          json: { status: 'offline' },
        })
        expect(still.json).toMatchObject({ online_status: 'online', is_online: true })
        expect(tab.isClosed).toBe(false)
        expect((await get(d, u2.access, '/api/users/me/')).mode).toBe('auto')
        for (const bad of ['dnd', 'invisible', 'busy', 5, null]) {
          const res = await d.fetch(`/api/users/admin/users/${idOf(u)}/set-online-status/`, { method: 'POST', token: admin2.access, json: { status: bad } })
          expectError(res, 400, 'invalid_field', 'status')
        }
        const missing = await d.fetch(`/api/users/admin/users/${idOf(u)}/set-online-status/`, { method: 'POST', token: admin2.access, json: {} })
        expectError(missing, 400, 'invalid_field', 'status')
        const unknown = await d.fetch('/api/users/admin/users/99999/set-online-status/', { method: 'POST', token: admin2.access, json: { status: 'online' } })
        expectError(unknown, 404, 'user_not_found')
        await expectHealthy(d)
      })

      it('error order: 404 not_found → 405 → 401 → 403 → 413 → 400 → 404 user_not_found', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const admin = await login(d, 'admin')
        const json = { 'content-type': 'application/json' }
        const big = bigBody(100 * KIB)
        // 404 not_found first: unknown routes, whatever the method, token or body.
        expectError(await d.fetch('/api/nope/'), 404, 'not_found')
        expectError(await d.fetch('/api/nope/', { method: 'DELETE', body: big, headers: json }), 404, 'not_found')
        expectError(await d.fetch('/api/users/admin/users/abc/set-online-status/', { method: 'PUT' }), 404, 'not_found')
        // 405 before 401: known route, wrong method, no token.
        expectError(await d.fetch('/api/users/me/', { method: 'DELETE' }), 405, 'method_not_allowed')
        expectError(await d.fetch('/api/users/me/status/', { method: 'PUT', body: big, headers: json }), 405, 'method_not_allowed')
        expectError(await d.fetch('/api/auth/login/'), 405, 'method_not_allowed')
        expectError(await d.fetch('/api/chat/heartbeat/', { token: u.access }), 405, 'method_not_allowed')
        expectError(await d.fetch(`/api/users/admin/users/${idOf(admin)}/online-status/`, { method: 'POST', token: u.access }), 405, 'method_not_allowed')
        // 401 before 403 and 413.
        expectError(await d.fetch('/api/users/admin/users/online/'), 401, 'unauthorized')
        expectError(await d.fetch('/api/chat/heartbeat/', { method: 'POST', body: big, headers: json }), 401, 'unauthorized')
        expectError(await d.fetch('/api/users/admin/users/99999/set-online-status/', { method: 'POST', body: big, headers: json }), 401, 'unauthorized')
        // 403 before 413 and 400.
        expectError(await d.fetch(`/api/users/admin/users/${idOf(admin)}/set-online-status/`, { method: 'POST', token: u.access, body: big, headers: json }), 403, 'forbidden')
        // 413 before 400 (the big body is not even valid JSON).
        expectError(await d.fetch('/api/chat/heartbeat/', { method: 'POST', token: u.access, body: big, headers: json }), 413, 'payload_too_large')
        expectError(await d.fetch('/api/chat/heartbeat/', { method: 'POST', token: u.access, body: '{' + big, headers: json }), 413, 'payload_too_large')
        expectError(await d.fetch('/api/users/admin/users/99999/set-online-status/', { method: 'POST', token: admin.access, body: big, headers: json }), 413, 'payload_too_large')
        // 400 before 404 user_not_found.
        const unknown = '/api/users/admin/users/99999/set-online-status/'
        expectError(await d.fetch(unknown, { method: 'POST', token: admin.access, body: '{oops', headers: json }), 400, 'invalid_json')
        expectError(await d.fetch(unknown, { method: 'POST', token: admin.access, json: { status: 'bogus' } }), 400, 'invalid_field', 'status')
        expectError(await d.fetch(unknown, { method: 'POST', token: admin.access, json: { status: 'online' } }), 404, 'user_not_found')
        await expectHealthy(d)
      })

      it('the body limit is 64 KiB: exactly 64 KiB is accepted, one byte more is 413', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const json = { 'content-type': 'application/json' }
        const exact = bigBody(64 * KIB)
        expect(Buffer.byteLength(exact)).toBe(64 * KIB)
        const ok = await d.fetch('/api/chat/heartbeat/', { method: 'POST', token: u.access, body: exact, headers: json })
        expect(ok.status, ok.text).not.toBe(413)
        expect([200, 400]).toContain(ok.status)
        const over = await d.fetch('/api/chat/heartbeat/', { method: 'POST', token: u.access, body: bigBody(64 * KIB + 1), headers: json })
        expectError(over, 413, 'payload_too_large')
        // The same without a declared Content-Length: the body streamed in chunks.
        const streamed = await d.fetch('/api/chat/heartbeat/', { method: 'POST', token: u.access, body: exact, headers: json, chunked: true })
        expect([200, 400]).toContain(streamed.status)
        const streamedOver = await d.fetch('/api/chat/heartbeat/', {
          method: 'POST',
          token: u.access,
          body: bigBody(100 * KIB),
          headers: json,
          chunked: true,
        })
        expectError(streamedOver, 413, 'payload_too_large')
        await expectHealthy(d)
      })

      it('invalid JSON → 400 invalid_json; wrong types → 400 invalid_field whose message names the field', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const json = { 'content-type': 'application/json' }
        const bodyRoutes: Array<[string, string, string | undefined]> = [
          ['POST', '/api/auth/login/', undefined],
          ['POST', '/api/auth/refresh/', undefined],
          ['POST', '/api/chat/heartbeat/', u.access],
          ['POST', '/api/users/heartbeat/', u.access],
          ['POST', '/api/chat/mark-offline/', u.access],
          ['PATCH', '/api/users/me/status/', u.access],
          ['POST', '/__mock__/clock', undefined],
        ]
        for (const [method, path, token] of bodyRoutes) {
          for (const body of ['{', '{"mode":}', 'not json', "{'single': 1}"]) {
            const res = await d.fetch(path, { method, body, headers: json, ...(token ? { token } : {}) })
            expectError(res, 400, 'invalid_json')
          }
          for (const body of ['[]', '"text"', '42', 'null']) {
            const res = await d.fetch(path, { method, body, headers: json, ...(token ? { token } : {}) })
            expect(res.status, `${method} ${path} ${body}`).toBe(400)
            expect(['invalid_json', 'invalid_field']).toContain(res.json.error.code)
          }
        }
        const patch = (body: unknown) => d.fetch('/api/users/me/status/', { method: 'PATCH', token: u.access, json: body })
        expectError(await patch({ mode: 5 }), 400, 'invalid_field', 'mode')
        expectError(await patch({ mode: 'online' }), 400, 'invalid_field', 'mode')
        expectError(await patch({ status_message: ['a'] }), 400, 'invalid_field', 'status_message')
        expectError(await d.fetch('/api/auth/refresh/', { method: 'POST', json: { refresh: 5 } }), 400, 'invalid_field', 'refresh')
        expectError(await d.fetch('/api/auth/logout/', { method: 'POST', json: { refresh: 5 } }), 400, 'invalid_field', 'refresh')
        expectError(await d.fetch('/__mock__/clock', { method: 'POST', json: { advanceSeconds: 'ten' } }), 400, 'invalid_field', 'advanceSeconds')
        // Nothing of the refused requests was applied.
        expect((await get(d, u.access, '/api/users/me/')).mode).toBe(u.user.mode)
        await expectHealthy(d)
      })

      it('CORS: local origins get preflights allowing GET, POST, PATCH, Authorization, Content-Type, and the header on every response', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        for (const origin of ['http://localhost:5173', 'http://127.0.0.1:6006', 'http://localhost:3000', 'http://localhost']) {
          const pre = await d.fetch('/api/users/me/status/', {
            method: 'OPTIONS',
            headers: { origin, 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'authorization,content-type' },
          })
          expect(pre.status, origin).toBeGreaterThanOrEqual(200)
          expect(pre.status, origin).toBeLessThan(300)
          expect(pre.headers.get('access-control-allow-origin')).toBe(origin)
          const methods = (pre.headers.get('access-control-allow-methods') ?? '').toUpperCase().split(/\s*,\s*/)
          expect(methods).toEqual(expect.arrayContaining(['GET', 'POST', 'PATCH']))
          const headers = (pre.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/\s*,\s*/)
          expect(headers).toEqual(expect.arrayContaining(['authorization', 'content-type']))
          const responses = [
            await d.fetch('/api/users/me/', { token: u.access, headers: { origin } }),
            await d.fetch('/api/users/me/', { headers: { origin } }),
            await d.fetch('/api/nope/', { headers: { origin } }),
            await d.fetch('/api/users/me/', { method: 'DELETE', headers: { origin } }),
            await d.fetch('/api/auth/login/', { method: 'POST', body: '{', headers: { origin, 'content-type': 'application/json' } }),
            await d.fetch('/api/openapi.json', { headers: { origin } }),
          ]
          expect(responses.map((r) => r.status)).toEqual([200, 401, 404, 405, 400, 200])
          for (const res of responses) expect(res.headers.get('access-control-allow-origin')).toBe(origin)
        }
        for (const origin of ['http://evil.example', 'https://localhost:5173', 'http://localhost.evil.example', 'http://127.0.0.1.nip.io:6006', 'null']) {
          const pre = await d.fetch('/api/users/me/', {
            method: 'OPTIONS',
            headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
          })
          expect(pre.headers.get('access-control-allow-origin'), origin).toBeNull()
          const res = await d.fetch('/api/users/me/', { token: u.access, headers: { origin } })
          expect(res.status).toBe(200)
          expect(res.headers.get('access-control-allow-origin'), origin).toBeNull()
        }
      })

      it('decision: CORS answers a local dev server: any requested header, credentials allowed; other origins get nothing', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const origin = 'http://localhost:5173'
        const pre = await d.fetch('/api/users/me/', {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization,sentry-trace,baggage' },
        })
        expect(pre.headers.get('access-control-allow-origin')).toBe(origin)
        // What a browser compares the asked headers against: all of them are there, so it sends the request.
        expect((pre.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/\s*,\s*/).sort()).toEqual(['authorization', 'baggage', 'content-type', 'sentry-trace'])
        expect(pre.headers.get('access-control-allow-credentials')).toBe('true')
        // A request sent with credentials: 'include' needs Allow-Credentials: true on the answer too.
        const res = await d.fetch('/api/users/me/', { token: u.access, headers: { origin, 'sentry-trace': '0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-1' } })
        expect(res.status).toBe(200)
        expect(res.headers.get('access-control-allow-origin')).toBe(origin)
        expect(res.headers.get('access-control-allow-credentials')).toBe('true')
        expect(res.headers.get('set-cookie')).toBeNull()
        // A page elsewhere is not answered for: the browser keeps the body from it.
        const other = await d.fetch('/api/users/me/', {
          method: 'OPTIONS',
          headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
        })
        expect(other.headers.get('access-control-allow-origin')).toBeNull()
      })

      it('GET /api/openapi.json: a public OpenAPI 3.1 document of every route and status of the contract', async () => {
        const d = driver()
        const res = await d.fetch('/api/openapi.json')
        expect(res.status).toBe(200)
        expect(res.json.openapi).toMatch(/^3\.1\./)
        const routes: Array<[string, string, number[]]> = [
          ['POST', '/api/auth/login/', [200, 400, 401, 413]],
          ['POST', '/api/auth/refresh/', [200, 400, 401, 413]],
          ['POST', '/api/auth/logout/', [200, 401]],
          ['POST', '/api/users/logout/', [200, 401]],
          ['GET', '/api/chat/online-users/', [200, 401]],
          ['GET', '/api/users/online/', [200, 401]],
          ['POST', '/api/chat/heartbeat/', [200, 400, 401, 413]],
          ['POST', '/api/users/heartbeat/', [200, 400, 401, 413]],
          ['POST', '/api/chat/mark-offline/', [200, 401]],
          ['GET', '/api/chat/conversations/', [200, 401]],
          ['GET', '/api/users/me/', [200, 401]],
          ['PATCH', '/api/users/me/status/', [200, 400, 401, 413]],
          ['GET', '/api/users/activity/', [200, 400, 401]],
          ['GET', '/api/users/admin/users/online/', [200, 400, 401, 403]],
          ['GET', '/api/users/admin/users/7/online-status/', [200, 401, 403, 404]],
          ['POST', '/api/users/admin/users/7/set-online-status/', [200, 400, 401, 403, 404, 413]],
          ['GET', '/api/openapi.json', [200]],
          ['GET', '/avatars/7.svg', [200, 404]],
          ['POST', '/__mock__/reset', [200]],
          ['POST', '/__mock__/clock', [200, 400]],
          ['POST', '/__mock__/users/7/presence', [200, 400, 404]],
        ]
        for (const [method, path, statuses] of routes) {
          const op = d.openapi.operation(method, path)
          expect(op, `${method} ${path} is documented`).not.toBeNull()
          const documented = Object.keys(op!.spec.responses).map(Number)
          expect(documented, `${method} ${path}`).toEqual(expect.arrayContaining(statuses))
        }
        expect(d.openapi.operation('GET', '/api/users/admin/users/abc/online-status/')).toBeNull()
        // The check wired into every request of this suite has teeth.
        const me = await d.fetch('/api/users/me/', { token: (await login(d, 'john_doe')).access })
        expect(() => d.openapi.check('GET', '/api/users/me/', 200, 'application/json', me.text)).not.toThrow()
        expect(() => d.openapi.check('GET', '/api/users/me/', 200, 'application/json', JSON.stringify({ ...me.json, id: 'x' }))).toThrow(/schema/)
        expect(() => d.openapi.check('GET', '/api/users/me/', 418, 'application/json', '{}')).toThrow(/not documented/)
        expect(() => d.openapi.check('GET', '/api/nope/', 404, 'application/json', '{"oops":1}')).toThrow(/Error/)
      })

      it('avatars: profile images are absolute URLs served by the server itself as SVG, publicly', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const url = new URL(u.user.profile_image)
        expect(url.origin).toBe(d.origin)
        const res = await d.fetch(url.pathname)
        expect(res.status).toBe(200)
        expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/)
        expect(res.text).toMatch(/^<svg[\s>]/)
        const chat = await get(d, u.access, '/api/chat/online-users/')
        for (const user of chat.onlineUsers) expect((await d.fetch(new URL(user.profileImage).pathname)).status).toBe(200)
        expectError(await d.fetch('/avatars/99999.svg'), 404, 'user_not_found')
      })
    })

    // -------------------------------------------------------------------------------------------------------------
    describe('4. the WebSocket', () => {
      const driver = fresh(makeDriver)

      it('the snapshot comes first: every user the caller sees online, the caller included, as GET /api/chat/online-users/', async () => {
        const d = driver()
        const w = await login(d, 'jane_smith')
        await call(d, w.access, 'PATCH', '/api/users/me/status/', { mode: 'away', status_message: 'afk' })
        const gone = await offlineUser(d, 'ahmad')
        const u = await login(d, 'john_doe')
        const tab = d.socket(`/ws/user-status/?token=${u.access}`)
        const first = await tab.next()
        expect(first.type).toBe('online_users')
        expect(Object.keys(first).sort()).toEqual(['onlineUsers', 'type'])
        const snapshot: Json[] = first.onlineUsers
        expect(snapshot.find((x) => x.id === idOf(u))).toMatchObject({ username: 'john_doe', status: 'online', isOnline: true })
        expect(snapshot.find((x) => x.id === idOf(w))).toMatchObject({ status: 'away', statusMessage: 'afk', isOnline: true })
        expect(ids(snapshot)).not.toContain(idOf(gone))
        expect(new Set(ids(snapshot)).size).toBe(snapshot.length)
        const rest = await get(d, u.access, '/api/chat/online-users/')
        expect([...ids(snapshot)].sort()).toEqual([...rest.online_users].sort())
      })

      it('each socket gets exactly one snapshot, and each change exactly once', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const w = await login(d, 'jane_smith')
        const ws = await connect(d, w.access)
        const tab = await connect(d, u.access, '/ws/chat/')
        await call(d, u.access, 'PATCH', '/api/users/me/status/', { mode: 'away' })
        await call(d, u.access, 'PATCH', '/api/users/me/status/', { status_message: 'once' })
        await sleep(120)
        const seen = await quiet(ws)
        expect(seen.filter((m) => m.type === 'online_users')).toEqual([])
        const about = eventsAbout(seen, idOf(u))
        expect(about.at(-1).user).toMatchObject({ status: 'away', statusMessage: 'once' })
        expect(about.length).toBeLessThanOrEqual(2) // two changes, possibly coalesced into one, never repeated
        const own = await quiet(tab)
        expect(own.filter((m) => m.type === 'online_users')).toEqual([])
        expect(eventsAbout(own, idOf(u)).length).toBeLessThanOrEqual(2)
        expect(ws.received.filter((m) => m.type === 'online_users')).toHaveLength(1)
        expect(ws.received.filter((m) => m.type === 'pong')).toHaveLength(1)
      })

      it('the caller sees their own invisible entry in the snapshot; others do not get it', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        await call(d, u.access, 'PATCH', '/api/users/me/status/', { mode: 'invisible', status_message: 'shh' })
        const tab = await connect(d, u.access)
        expect(tab.snapshot.onlineUsers.find((x: Json) => x.id === idOf(u))).toMatchObject({
          status: 'invisible',
          isOnline: true,
          statusMessage: 'shh',
        })
        const w = await login(d, 'jane_smith')
        const ws = await connect(d, w.access)
        expect(ids(ws.snapshot.onlineUsers)).not.toContain(idOf(u))
        const chat = await connect(d, w.access, '/ws/chat/')
        expect(ids(chat.snapshot.onlineUsers)).not.toContain(idOf(u))
      })

      it("user.status.changed goes to others and to all of the user's own sockets, as each of them sees it", async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const tab1 = await connect(d, u.access)
        const tab2 = await connect(d, (await login(d, 'john_doe')).access, '/ws/chat/')
        const w = await login(d, 'jane_smith')
        const ws = await connect(d, w.access)
        const me = await call(d, u.access, 'PATCH', '/api/users/me/status/', { mode: 'away', status_message: 'lunch' })
        for (const socket of [tab1, tab2, ws]) {
          const event = await socket.next(isStatusOf(idOf(u), 'away'))
          expect(Object.keys(event).sort()).toEqual(['type', 'user'])
          expect(event.user).toEqual({
            id: idOf(u),
            username: 'john_doe',
            profileImage: me.profile_image,
            status: 'away',
            statusMessage: 'lunch',
            statusExpiresAt: null,
            lastSeen: me.last_seen,
            isOnline: true,
            idle: false,
            devices: ['web'],
          })
        }
        await call(d, u.access, 'PATCH', '/api/users/me/status/', { mode: 'invisible' })
        expect((await tab1.next(isStatusOf(idOf(u)))).user).toMatchObject({ status: 'invisible', statusMessage: 'lunch' })
        expect((await tab2.next(isStatusOf(idOf(u)))).user).toMatchObject({ status: 'invisible', statusMessage: 'lunch' })
        expect((await ws.next(isStatusOf(idOf(u)))).user).toMatchObject({ status: 'offline', statusMessage: null })
      })

      it('a change of lastSeen alone sends nothing', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const tab = await connect(d, u.access)
        const w = await login(d, 'jane_smith')
        const ws = await connect(d, w.access)
        await advance(d, 10)
        await call(d, u.access, 'POST', '/api/chat/heartbeat/', {})
        await get(d, u.access, '/api/users/me/')
        await sync(tab)
        await connect(d, u.access) // another tab: a sign of life, no change of status
        await advance(d, 10)
        expect(eventsAbout(await quiet(ws), idOf(u))).toEqual([])
        expect(eventsAbout(await quiet(tab), idOf(u))).toEqual([])
        const seen = (await get(d, w.access, '/api/users/online/')).find((x: Json) => x.id === idOf(u))
        expect(ms(seen.last_seen)).toBeGreaterThan(ms(u.user.last_seen))
      })

      it('ping → pong with the server time, which follows the clock; a ping is a sign of life', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const tab = await connect(d, u.access)
        tab.send(JSON.stringify({ type: 'ping' }))
        const pong = await tab.next((m) => m.type === 'pong')
        expect(pong).toEqual({ type: 'pong', ts: expect.any(String) })
        expect(Math.abs(ms(pong.ts) - Date.now())).toBeLessThan(5000)
        await advance(d, 3600)
        tab.send(JSON.stringify({ type: 'ping' }))
        const later = await tab.next((m) => m.type === 'pong')
        expect(Math.abs(ms(later.ts) - (Date.now() + 3600_000))).toBeLessThan(5000)
        const w = await login(d, 'jane_smith')
        const seen = (await get(d, w.access, '/api/users/online/')).find((x: Json) => x.id === idOf(u))
        expect(seen.last_seen).toBe(later.ts)
      })

      it('a status frame acts as PATCH /api/users/me/status/; the change event is its acknowledgement', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const tab = await connect(d, u.access)
        const w = await login(d, 'jane_smith')
        const ws = await connect(d, w.access)
        await quiet(tab) // the own socket's devices (6.2) were announced to it
        tab.send(JSON.stringify({ type: 'status', mode: 'dnd', statusMessage: 'heads down' }))
        const ack = await tab.next(isStatusOf(idOf(u)))
        expect(ack).toMatchObject({ type: 'user.status.changed', user: { id: idOf(u), status: 'dnd', statusMessage: 'heads down' } })
        expect((await ws.next(isStatusOf(idOf(u)))).user).toMatchObject({ status: 'dnd', statusMessage: 'heads down' })
        expect(await get(d, u.access, '/api/users/me/')).toMatchObject({ mode: 'dnd', status_message: 'heads down' })
        const mine = isStatusOf(idOf(u))
        tab.send(JSON.stringify({ type: 'status', statusMessage: '  ' }))
        expect((await tab.next(mine)).user).toMatchObject({ status: 'dnd', statusMessage: null })
        tab.send(JSON.stringify({ type: 'status', mode: 'auto', statusMessage: '🚀'.repeat(140) }))
        expect((await tab.next(mine)).user).toMatchObject({ status: 'online', statusMessage: '🚀'.repeat(140) })
        tab.send(JSON.stringify({ type: 'status', statusMessage: null }))
        expect((await tab.next(mine)).user).toMatchObject({ status: 'online', statusMessage: null })
        tab.send(JSON.stringify({ type: 'status', mode: 'invisible' }))
        expect((await tab.next(mine)).user).toMatchObject({ status: 'invisible' })
        await ws.next(isStatusOf(idOf(u), 'offline'))
      })

      it('a status frame that changes nothing gets no reply', async () => {
        const d = driver()
        const w = await login(d, 'jane_smith')
        const u = await login(d, 'john_doe')
        await call(d, u.access, 'PATCH', '/api/users/me/status/', { mode: 'away', status_message: 'same' })
        const tab = await connect(d, u.access)
        const ws = await connect(d, w.access)
        await quiet(tab) // whatever was still on its way from the PATCH
        await quiet(ws)
        await advance(d, 30)
        const seenBefore = (await get(d, w.access, '/api/users/online/')).find((x: Json) => x.id === idOf(u)).last_seen
        for (const frame of [{ type: 'status' }, { type: 'status', mode: 'away' }, { type: 'status', statusMessage: 'same' }, { type: 'status', mode: 'away', statusMessage: 'same' }]) {
          tab.send(JSON.stringify(frame))
        }
        const replies = await tab.next((m) => m.type !== 'user.status.changed' || m.user.id === idOf(u), 300).catch(() => null)
        expect(replies).toBeNull()
        expect(eventsAbout(await quiet(ws), idOf(u))).toEqual([])
        // A valid status frame is a sign of life all the same.
        const seenAfter = (await get(d, w.access, '/api/users/online/')).find((x: Json) => x.id === idOf(u)).last_seen
        expect(ms(seenAfter)).toBeGreaterThanOrEqual(ms(seenBefore) + 30_000)
      })

      it('malformed JSON, an unknown type, an invalid field or a binary frame → bad_message; the socket stays open', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const tab = await connect(d, u.access)
        const bad: Array<string | Uint8Array> = [
          '{not json',
          '',
          '42',
          '"ping"',
          '[]',
          'null',
          '{}',
          JSON.stringify({ type: 'subscribe' }),
          JSON.stringify({ type: 'PING' }),
          JSON.stringify({ type: 'status', mode: 'sleeping' }),
          JSON.stringify({ type: 'status', mode: 3 }),
          JSON.stringify({ type: 'status', statusMessage: 5 }),
          JSON.stringify({ type: 'status', statusMessage: 'a'.repeat(141) }),
          new TextEncoder().encode(JSON.stringify({ type: 'ping' })),
        ]
        for (const frame of bad) {
          tab.send(frame)
          const reply = await tab.next()
          expect(reply, JSON.stringify(typeof frame === 'string' ? frame : 'binary')).toEqual({
            type: 'error',
            code: 'bad_message',
            message: expect.any(String),
          })
        }
        expect(tab.isClosed).toBe(false)
        expect(await sync(tab)).toEqual([])
        expect((await get(d, u.access, '/api/users/me/')).mode).toBe(u.user.mode)
        await expectHealthy(d)
      })

      it('a frame of 16 KiB is accepted; a frame over 16 KiB → close 1009', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const tab = await connect(d, u.access)
        const frame = (bytes: number) => {
          const base = JSON.stringify({ type: 'ping', pad: '' })
          return JSON.stringify({ type: 'ping', pad: 'x'.repeat(bytes - base.length) })
        }
        expect(Buffer.byteLength(frame(16 * KIB))).toBe(16 * KIB)
        tab.send(frame(16 * KIB))
        expect(['pong', 'error']).toContain((await tab.next()).type)
        expect(tab.isClosed).toBe(false)
        const rockets = JSON.stringify({ type: 'ping', pad: '🚀'.repeat(4090) })
        expect(Buffer.byteLength(rockets)).toBe(16 * KIB) // 16 KiB in UTF-8, far fewer UTF-16 units
        tab.send(rockets)
        expect(['pong', 'error']).toContain((await tab.next()).type)
        expect(tab.isClosed).toBe(false)
        const multibyte = await connect(d, u.access)
        multibyte.send(JSON.stringify({ type: 'ping', pad: 'x' + '🚀'.repeat(4090) }))
        expect((await multibyte.closed).code).toBe(1009)
        tab.send(frame(16 * KIB + 1))
        expect((await tab.closed).code).toBe(1009)
        const other = await connect(d, u.access)
        other.send(new Uint8Array(16 * KIB + 1))
        expect((await other.closed).code).toBe(1009)
        await expectHealthy(d)
      })

      it('a burst of 40 frames is allowed; a flood of more than 40 at once → close 1008', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const tab = await connect(d, u.access)
        for (let i = 0; i < 40; i++) tab.send(JSON.stringify({ type: 'ping' }))
        for (let i = 0; i < 40; i++) expect((await tab.next()).type).toBe('pong')
        expect(tab.isClosed).toBe(false)
        const flood = await connect(d, u.access)
        for (let i = 0; i < 60; i++) flood.send(JSON.stringify({ type: 'ping' }))
        expect((await flood.closed).code).toBe(1008)
        expect(flood.received.filter((m) => m.type === 'pong').length).toBeLessThan(60)
        await expectHealthy(d)
      })

      it("a missing, unknown, expired or revoked token: nothing is sent, the socket is closed with 4401 'unauthorized'", async () => {
        const d = driver()
        const expired = await login(d, 'jane_smith')
        await advance(d, TOKEN_TTL + 1)
        const revoked = await login(d, 'john_doe')
        await d.fetch('/api/auth/logout/', { method: 'POST', token: revoked.access })
        const live = await login(d, 'ahmad')
        const queries = ['', '?token=', '?token=at_garbage', `?token=${live.refresh}`, `?token=${expired.access}`, `?token=${revoked.access}`]
        for (const path of ['/ws/user-status/', '/ws/chat/']) {
          for (const query of queries) {
            const socket = d.socket(path + query)
            expect(await socket.closed, path + query).toEqual({ code: 4401, reason: 'unauthorized' })
            expect(socket.received).toEqual([])
          }
        }
        await expectHealthy(d)
      })

      it('token expiry does not close an open socket; it keeps receiving events and its user online', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const tab = await connect(d, u.access)
        await advance(d, TOKEN_TTL + 60)
        expectError(await d.fetch('/api/users/me/', { token: u.access }), 401, 'unauthorized')
        expect(tab.isClosed).toBe(false)
        const w = await login(d, 'jane_smith')
        expect(await seenOnline(d, w)).toContain(idOf(u))
        await call(d, w.access, 'PATCH', '/api/users/me/status/', { mode: 'away' })
        await tab.next(isStatusOf(idOf(w), 'away'))
        tab.send(JSON.stringify({ type: 'status', mode: 'dnd' }))
        expect((await tab.next(isStatusOf(idOf(u)))).user.status).toBe('dnd')
      })

      it('/ws/chat/ speaks the same protocol', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const chat = await connect(d, u.access, '/ws/chat/')
        expect(chat.snapshot.onlineUsers.find((x: Json) => x.id === idOf(u))).toMatchObject({ status: 'online' })
        chat.send(JSON.stringify({ type: 'ping' }))
        expect((await chat.next()).type).toBe('pong')
        chat.send(JSON.stringify({ type: 'status', statusMessage: 'via chat' }))
        expect((await chat.next()).user).toMatchObject({ id: idOf(u), statusMessage: 'via chat' })
        chat.send('{nope')
        expect((await chat.next()).code).toBe('bad_message')
        const w = await login(d, 'jane_smith')
        await chat.next(isStatusOf(idOf(w), 'online'))
        await call(d, w.access, 'PATCH', '/api/users/me/status/', { mode: 'dnd' })
        await chat.next(isStatusOf(idOf(w), 'dnd'))
      })

      it('a new WebSocket connection is a sign of life that brings an offline user online', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const w = await login(d, 'jane_smith')
        const ws = await connect(d, w.access)
        await advance(d, TTL + 1)
        await ws.next(isStatusOf(idOf(u), 'offline'))
        const tab = await connect(d, u.access)
        const own = tab.snapshot.onlineUsers.find((x: Json) => x.id === idOf(u))
        expect(own).toMatchObject({ status: 'online' })
        const event = await ws.next(isStatusOf(idOf(u), 'online'))
        expect(event.user.lastSeen).toBe(own.lastSeen)
        expect(ms(own.lastSeen)).toBeGreaterThanOrEqual(ms(u.user.last_seen) + (TTL + 1) * 1000)
      })

      it('under churn, changes may be coalesced but the final state always arrives, in order', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const tab = await connect(d, u.access)
        const w = await login(d, 'jane_smith')
        const ws = await connect(d, w.access)
        for (let i = 0; i < 12; i++) tab.send(JSON.stringify({ type: 'status', statusMessage: `m${i}`, mode: i % 2 ? 'away' : 'dnd' }))
        await ws.next((m) => isStatusOf(idOf(u))(m) && m.user.statusMessage === 'm11', 2000)
        await tab.next((m) => isStatusOf(idOf(u))(m) && m.user.statusMessage === 'm11', 2000)
        for (const socket of [ws, tab]) {
          const churn = eventsAbout(socket.received, idOf(u)).filter((m) => /^m\d+$/.test(m.user.statusMessage ?? ''))
          const seen = churn.map((m) => Number(m.user.statusMessage.slice(1)))
          expect(seen).toEqual([...seen].sort((a, b) => a - b))
          expect(new Set(seen).size).toBe(seen.length)
          expect(eventsAbout(socket.received, idOf(u)).at(-1).user).toMatchObject({ status: 'away', statusMessage: 'm11' })
        }
        expect(eventsAbout(await quiet(ws), idOf(u))).toEqual([])
      })

      it('each connection gets the events in the order they happened, coalescing included', async () => {
        const d = driver()
        const w = await login(d, 'jane_smith')
        const ws = await connect(d, w.access)
        const b = await login(d, 'john_doe')
        const c = await login(d, 'ahmad')
        const bt = await connect(d, b.access)
        const ct = await connect(d, c.access)
        await sleep(80)
        // The own sockets' devices (6.2) were announced to them: consumed, so that each ack below is its own.
        await sync(bt)
        await sync(ct)
        await sleep(80)
        bt.send(JSON.stringify({ type: 'status', statusMessage: 'b1' }))
        await bt.next(isStatusOf(idOf(b)))
        // Within the coalescing window of b's last event: b2 may be held back a little…
        bt.send(JSON.stringify({ type: 'status', statusMessage: 'b2' }))
        await sync(bt) // the server has handled b2
        // …but c's later change must not overtake it.
        ct.send(JSON.stringify({ type: 'status', statusMessage: 'c1' }))
        await ct.next(isStatusOf(idOf(c)))
        const labels = ['b1', 'b2', 'c1']
        await ws.next((m) => m.type === 'user.status.changed' && m.user.statusMessage === 'c1')
        if (!ws.received.some((m) => m.user?.statusMessage === 'b2')) {
          await ws.next((m) => m.type === 'user.status.changed' && m.user.statusMessage === 'b2', 500).catch(() => null)
        }
        const order = ws.received
          .filter((m) => m.type === 'user.status.changed' && labels.includes(m.user.statusMessage))
          .map((m) => m.user.statusMessage)
        expect(order).toEqual(labels)
      })
    })

    // -------------------------------------------------------------------------------------------------------------
    describe("5. the mock server's controls", () => {
      const driver = fresh(makeDriver)

      it('reset: back to the seeded state and the real clock; every token dropped; every socket closed with 4401', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const seeded = await get(d, u.access, '/api/users/me/')
        const tab = await connect(d, u.access)
        const w = await login(d, 'jane_smith')
        const ws = await connect(d, w.access, '/ws/chat/')
        await call(d, u.access, 'PATCH', '/api/users/me/status/', { mode: 'dnd', status_message: 'changed' })
        await advance(d, 5 * DAY)
        const res = await d.fetch('/__mock__/reset', { method: 'POST' })
        expect(res.status).toBe(200)
        expect(await tab.closed).toEqual({ code: 4401, reason: 'unauthorized' })
        expect(await ws.closed).toEqual({ code: 4401, reason: 'unauthorized' })
        expectError(await d.fetch('/api/users/me/', { token: u.access }), 401, 'unauthorized')
        expectError(await d.fetch('/api/auth/refresh/', { method: 'POST', json: { refresh: w.refresh } }), 401, 'unauthorized')
        const again = await login(d, 'john_doe')
        expect(again.user).toMatchObject({ mode: seeded.mode, status_message: seeded.status_message })
        const log = await activity(d, again)
        expect(log.filter((e) => e.user.id === idOf(u) && e.event === 'dnd')).toEqual([])
        expect(log.every((e) => ms(e.at) <= Date.now() + 1000)).toBe(true) // nothing from the advanced clock
        const fresh = await connect(d, again.access)
        fresh.send(JSON.stringify({ type: 'ping' }))
        const pong = await fresh.next((m) => m.type === 'pong')
        expect(Math.abs(ms(pong.ts) - Date.now())).toBeLessThan(5000)
        expect(Math.abs(ms(again.user.last_seen) - Date.now())).toBeLessThan(5000)
      })

      it('clock: everything that fell due is pushed in the order it happened, before the reply', async () => {
        const d = driver()
        const w = await login(d, 'jane_smith')
        const ws = await connect(d, w.access)
        const b = await login(d, 'john_doe') // REST presence until t0 + 300
        await advance(d, 100)
        const c = await login(d, 'ahmad') // REST presence until t0 + 400
        await sleep(80)
        // b's last event is sent just now, so that a coalescing delay would hold b's next one back.
        const bt = await connect(d, b.access)
        bt.send(JSON.stringify({ type: 'status', statusMessage: 'leaving' }))
        await bt.next(isStatusOf(idOf(b)))
        bt.close()
        await bt.closed
        const reply = await advance(d, 400)
        expect(reply).toBeTruthy()
        // A ping barrier on the watcher's socket: anything pushed before the reply precedes the pong.
        const before = await sync(ws)
        const offline = before.filter((m) => isStatusOf(idOf(b), 'offline')(m) || isStatusOf(idOf(c), 'offline')(m))
        expect(offline.map((m) => [m.user.id, m.user.status])).toEqual([
          [idOf(b), 'offline'],
          [idOf(c), 'offline'],
        ])
        const log = await activity(d, await login(d, 'jane_smith'))
        expect(log.find((e) => e.user.id === idOf(b)).at).toBe(new Date(ms(b.user.last_seen) + TTL * 1000).toISOString())
        expect(log.find((e) => e.user.id === idOf(c)).at).toBe(new Date(ms(c.user.last_seen) + TTL * 1000).toISOString())
      })

      it("clock: an expiry is pushed before the reply even right after another event of that user", async () => {
        const d = driver()
        const w = await login(d, 'jane_smith')
        const ws = await connect(d, w.access)
        const b = await login(d, 'john_doe')
        await sleep(80)
        const bt = await connect(d, b.access)
        bt.send(JSON.stringify({ type: 'status', statusMessage: 'leaving' }))
        await bt.next(isStatusOf(idOf(b)))
        bt.close()
        await bt.closed
        await advance(d, TTL + 10)
        const before = await sync(ws)
        expect(eventsAbout(before, idOf(b)).at(-1)?.user.status).toBe('offline')
      })

      it('clock: advanceSeconds must be a non-negative number', async () => {
        const d = driver()
        const clock = (json: unknown) => d.fetch('/__mock__/clock', { method: 'POST', json })
        expectError(await clock({}), 400, 'invalid_field', 'advanceSeconds')
        expectError(await clock({ advanceSeconds: 'ten' }), 400, 'invalid_field', 'advanceSeconds')
        expectError(await clock({ advanceSeconds: -5 }), 400, 'invalid_field', 'advanceSeconds')
        expectError(await clock({ advanceSeconds: null }), 400, 'invalid_field', 'advanceSeconds')
        expectError(await d.fetch('/__mock__/clock', { method: 'POST', body: '{', headers: { 'content-type': 'application/json' } }), 400, 'invalid_json')
        expectError(await d.fetch('/__mock__/clock'), 405, 'method_not_allowed')
        expect((await clock({ advanceSeconds: 0 })).status).toBe(200)
        await expectHealthy(d)
      })

      it('users/<id>/presence acts as the user: online, away, dnd set the mode with REST activity; invisible the mode; offline marks offline', async () => {
        const d = driver()
        const u = await offlineUser(d, 'john_doe')
        const w = await login(d, 'jane_smith')
        const ws = await connect(d, w.access)
        const mode = async () => (await adminView(d, idOf(u))).online_status
        for (const [status, seen, own] of [
          ['online', 'online', 'online'],
          ['away', 'away', 'away'],
          ['dnd', 'dnd', 'dnd'],
          ['invisible', 'offline', 'invisible'],
          ['online', 'online', 'online'],
          ['offline', 'offline', 'offline'],
        ]) {
          expect((await controlPresence(d, idOf(u), status!)).status).toBe(200)
          expect((await ws.next(isStatusOf(idOf(u)))).user.status, status).toBe(seen)
          expect(await mode(), status).toBe(own)
        }
        // online / away / dnd count as REST activity: online for the TTL.
        await setPresence(d, idOf(u), 'dnd')
        await ws.next(isStatusOf(idOf(u), 'dnd'))
        await advance(d, TTL - 1)
        expect(eventsAbout(await quiet(ws), idOf(u))).toEqual([])
        await advance(d, 2)
        await ws.next(isStatusOf(idOf(u), 'offline'))
        // invisible alone is not activity: an offline user who goes invisible stays offline, even to themselves.
        await setPresence(d, idOf(u), 'invisible')
        expect(await mode()).toBe('offline')
        // offline with an open socket: still online.
        const again = await login(d, 'john_doe')
        await call(d, again.access, 'PATCH', '/api/users/me/status/', { mode: 'auto' })
        const tab = await connect(d, again.access)
        await setPresence(d, idOf(u), 'offline')
        expect(await mode()).toBe('online')
        expect(tab.isClosed).toBe(false)
        expect(await seenOnline(d, w)).toContain(idOf(u))
      })

      it('users/<id>/presence: unknown user → 404 user_not_found, bad status → 400, non-integer id → 404 not_found', async () => {
        const d = driver()
        expectError(await controlPresence(d, 99999, 'online'), 404, 'user_not_found')
        for (const status of ['busy', 'ONLINE', '', 5, null]) expectError(await controlPresence(d, 1, status as string), 400, 'invalid_field', 'status')
        expectError(await d.fetch('/__mock__/users/1/presence', { method: 'POST', json: {} }), 400, 'invalid_field', 'status')
        expectError(await d.fetch('/__mock__/users/abc/presence', { method: 'POST', json: { status: 'online' } }), 404, 'not_found')
        expectError(await d.fetch('/__mock__/users/99999/presence', { method: 'POST', json: { status: 'nope' } }), 400, 'invalid_field', 'status')
        await expectHealthy(d)
      })
    })

    describe("5. the mock server's seeded cast", () => {
      const driver = fresh(makeDriver)

      it('at least 24 demo users with distinct names (john_doe, jane_smith, ahmad among them) and one admin; every password is "password"', async () => {
        const d = driver()
        const all = await everyoneOnline(d)
        const admin = await login(d, 'admin')
        const list = (await get(d, admin.access, '/api/users/admin/users/online/?per_page=100')).online_users
        expect(ids(list)).toEqual(all)
        const names: string[] = list.map((x: Json) => x.username)
        expect(new Set(names).size).toBe(names.length)
        expect(names).toEqual(expect.arrayContaining(['john_doe', 'jane_smith', 'ahmad', 'admin']))
        let admins = 0
        for (const name of names) {
          const session = await login(d, name)
          if (session.user.is_admin) admins++
          expect(session.user.is_admin).toBe(name === 'admin')
        }
        expect(admins).toBe(1)
        expect(names.length - admins).toBeGreaterThanOrEqual(24)
        const john = await login(d, 'john_doe')
        expect((await get(d, john.access, '/api/chat/conversations/')).length).toBeGreaterThan(0)
        expect((await get(d, john.access, '/api/users/online/?filter=friends')).length).toBeGreaterThan(0)
      })
    })

    // -------------------------------------------------------------------------------------------------------------
    describe("6.5 limits that protect the developer's machine", () => {
      const driver = fresh(makeDriver)

      it("query integers above a parameter's maximum are clamped, however many digits; only a non-positive-integer is a 400", async () => {
        const d = driver()
        const w = await login(d, 'jane_smith')
        const admin = await login(d, 'admin')
        for (const huge of ['201', '9007199254740992', '99999999999999999999999', '1' + '0'.repeat(400)]) {
          const res = await d.fetch(`/api/users/activity/?limit=${huge}`, { token: w.access })
          expect(res.status, `limit=${huge}: ${res.text}`).toBe(200)
          expect(res.json.length).toBeLessThanOrEqual(200)
          const page = await d.fetch(`/api/users/admin/users/online/?per_page=${huge}`, { token: admin.access })
          expect(page.status, `per_page=${huge}: ${page.text}`).toBe(200)
          expect(page.json.pagination.per_page).toBe(100)
          const past = await d.fetch(`/api/users/admin/users/online/?page=${huge}`, { token: admin.access })
          expect(past.status, `page=${huge}: ${past.text}`).toBe(200)
          expect(past.json.online_users).toEqual([])
          expect(past.json.pagination).toMatchObject({ has_next: false, has_previous: true })
        }
        for (const bad of ['0', '00', '-9007199254740992', '1e3', '1.0', ' 5', '+5', '0x10']) {
          expectError(await d.fetch(`/api/users/activity/?limit=${encodeURIComponent(bad)}`, { token: w.access }), 400, 'invalid_field', 'limit')
          expectError(await d.fetch(`/api/users/admin/users/online/?per_page=${encodeURIComponent(bad)}`, { token: admin.access }), 400, 'invalid_field', 'per_page')
        }
        await expectHealthy(d)
      })

      it('a status message of nothing but white space, invisible or format characters is stored as null (REST and socket)', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const tab = await connect(d, u.access)
        const patch = (status_message: string) => call(d, u.access, 'PATCH', '/api/users/me/status/', { status_message })
        const blanks = [
          '\u200b\u200b\u200b', // zero-width spaces
          '\u200c\u200d\u2060\ufeff', // zero-width non-joiner, joiner, word joiner, BOM
          ' \u00ad\u3000\u00a0 ', // soft hyphen, ideographic and no-break spaces
          '\u202e\u2066\u2069', // bidi controls
          '\u3164\ufe0f', // Hangul filler, a variation selector
          '\u0007\t\n',
        ]
        for (const blank of blanks) {
          await patch('visible')
          expect((await patch(blank)).status_message, JSON.stringify(blank)).toBeNull()
        }
        await patch('visible')
        await tab.next((m) => isStatusOf(idOf(u))(m) && m.user.statusMessage === 'visible')
        tab.send(JSON.stringify({ type: 'status', statusMessage: '\u200b \u200b' }))
        expect((await tab.next((m) => isStatusOf(idOf(u))(m) && m.user.statusMessage !== 'visible')).user.statusMessage).toBeNull()
        // Invisible characters inside a visible message are the writer's (an emoji's joiner, a variation selector).
        const family = '\u{1f468}\u200d\u{1f469}\u200d\u{1f467}'
        expect((await patch(family)).status_message).toBe(family)
        expect((await patch('\u200bhi\u200b')).status_message).toBe('\u200bhi\u200b')
        expect((await get(d, u.access, '/api/users/me/')).status_message).toBe('\u200bhi\u200b')
      })
    })

    describe("6.5 limits that protect the developer's machine: the clock", () => {
      const driver = fresh(makeDriver)
      const TEN_YEARS = 315_360_000 // 3650 days: ten of them are 100 years of 365 days, inside 100 × 365.25 days
      const clock = (d: Driver, advanceSeconds: number) => d.fetch('/__mock__/clock', { method: 'POST', json: { advanceSeconds } })

      it('clock: an advance that would take it past 100 years from the real time is a 400 invalid_field, and it stays put', async () => {
        const d = driver()
        for (let i = 0; i < 10; i++) expect((await clock(d, TEN_YEARS)).status).toBe(200)
        const at = (await advance(d, 0)).now
        expectError(await clock(d, TEN_YEARS), 400, 'invalid_field', 'advanceSeconds')
        expect(ms((await advance(d, 0)).now) - ms(at)).toBeLessThan(5000) // only real time passed
        expect((await clock(d, DAY)).status).toBe(200) // 36,501 days of 36,525
        expectError(await clock(d, 25 * DAY), 400, 'invalid_field', 'advanceSeconds')
        expect((await clock(d, 23 * DAY)).status).toBe(200)
        await reset(d)
        expect((await clock(d, TEN_YEARS)).status).toBe(200)
        await expectHealthy(d)
      })

      it("the issue's reproduction: 10-year advances repeated with a socket open, then a presence control: the server lives on", async () => {
        const d = driver()
        const w = await login(d, 'jane_smith')
        const ws = await connect(d, w.access)
        let res: HttpResult
        let calls = 0
        do res = await clock(d, TEN_YEARS)
        while (res.status === 200 && ++calls < 30_000)
        expectError(res, 400, 'invalid_field', 'advanceSeconds')
        expect(calls).toBe(10)
        const presence = await controlPresence(d, 5, 'online')
        expect(presence.status, presence.text).toBe(200)
        expect((await ws.next(isStatusOf(5, 'online'))).user.lastSeen).toMatch(/^21\d\d-/)
        for (let i = 0; i < 3; i++) await expectHealthy(d)
        expect(ws.isClosed).toBe(false)
      })
    })

    describe("6.5 limits that protect the developer's machine: controls a web page cannot reach", () => {
      const driver = fresh(makeDriver)
      const FORM = 'application/x-www-form-urlencoded'

      it('the controls take a body only as application/json: any other type is a 403 that changes nothing; no body is fine', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const sofia = 10 // seeded online through REST activity, mode invisible
        const before = await adminView(d, 3)
        const refused: Array<[string, string | undefined, string]> = [
          ['/__mock__/reset', FORM, 'a=1'],
          ['/__mock__/reset', 'text/plain', '{}'],
          ['/__mock__/users/3/presence', 'text/plain', '{"status":"invisible"}'],
          ['/__mock__/users/3/presence', 'text/plain;charset=UTF-8', '{"status":"offline"}'],
          ['/__mock__/users/3/presence', 'multipart/form-data; boundary=x', '--x--'],
          ['/__mock__/users/3/presence', 'application/jsonp', '{"status":"away"}'],
          ['/__mock__/users/3/presence', undefined, '{"status":"away"}'],
          ['/__mock__/clock', 'text/plain', '{"advanceSeconds":86400}'],
          ['/__mock__/clock', FORM, 'advanceSeconds=86400'],
        ]
        for (const [path, type, body] of refused) {
          const res = await d.fetch(path, { method: 'POST', body, headers: type === undefined ? {} : { 'content-type': type } })
          expectError(res, 403, 'forbidden')
        }
        // The same without a declared length: a streamed body is a body too.
        expectError(await d.fetch('/__mock__/reset', { method: 'POST', body: 'a=1', headers: { 'content-type': FORM }, chunked: true }), 403, 'forbidden')
        // Nothing of it happened: the tokens live, the clock did not move, nobody's presence changed.
        expect((await get(d, u.access, '/api/users/me/')).username).toBe('john_doe')
        const after = await adminView(d, 3)
        expect(after.online_status).toBe(before.online_status)
        expect(Math.abs(ms(after.last_seen) - Date.now())).toBeLessThan(60_000)
        expect((await adminView(d, sofia)).online_status).toBe('invisible')
        // JSON with parameters is JSON; no body at all needs no type (`curl -X POST …/__mock__/reset`).
        const json = await d.fetch('/__mock__/users/3/presence', { method: 'POST', body: '{"status":"away"}', headers: { 'content-type': 'Application/JSON; charset=utf-8' } })
        expect(json.status, json.text).toBe(200)
        expect((await d.fetch('/__mock__/reset', { method: 'POST' })).status).toBe(200)
        expectError(await d.fetch('/api/users/me/', { token: u.access }), 401, 'unauthorized')
      })

      it('when an Origin is sent, the controls answer only the local origins of section 3 (others: 403, no CORS header)', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const json = { 'content-type': 'application/json' }
        for (const origin of ['http://evil.example', 'https://localhost:5173', 'http://localhost.evil.example', 'http://127.0.0.1.nip.io:6006', 'null']) {
          for (const [path, body] of [
            ['/__mock__/reset', undefined],
            ['/__mock__/clock', '{"advanceSeconds":86400}'],
            ['/__mock__/users/3/presence', '{"status":"invisible"}'],
          ] as const) {
            const res = await d.fetch(path, { method: 'POST', body, headers: { ...(body ? json : {}), origin } })
            expectError(res, 403, 'forbidden')
            expect(res.headers.get('access-control-allow-origin'), origin).toBeNull()
          }
        }
        expect((await get(d, u.access, '/api/users/me/')).online_status).toBe('online')
        for (const origin of ['http://localhost:5173', 'http://127.0.0.1:6006', 'http://localhost']) {
          const res = await d.fetch('/__mock__/users/3/presence', { method: 'POST', json: { status: 'away' }, headers: { origin } })
          expect(res.status, res.text).toBe(200)
          expect(res.headers.get('access-control-allow-origin')).toBe(origin)
        }
        const reset = await d.fetch('/__mock__/reset', { method: 'POST', headers: { origin: 'http://localhost:3000' } })
        expect(reset.status).toBe(200)
      })

      it('API request bodies are JSON: a body of another type is a 415 unsupported_media_type that changes nothing; no body is fine', async () => {
        const d = driver()
        const u = await login(d, 'john_doe')
        const cases: Array<[string, string, string | undefined, string]> = [
          ['POST', '/api/auth/login/', undefined, '{"username":"jane_smith","password":"password"}'],
          ['POST', '/api/auth/login/', FORM, 'username=jane_smith&password=password'],
          ['POST', '/api/auth/refresh/', 'text/plain', JSON.stringify({ refresh: u.refresh })],
          ['POST', '/api/auth/logout/', 'text/plain', JSON.stringify({ refresh: u.refresh })],
          ['POST', '/api/chat/heartbeat/', 'text/plain', '{}'],
          ['POST', '/api/chat/mark-offline/', FORM, 'x=1'],
          ['PATCH', '/api/users/me/status/', 'text/plain', '{"mode":"invisible"}'],
        ]
        for (const [method, path, type, body] of cases) {
          const res = await d.fetch(path, { method, body, token: u.access, headers: type === undefined ? {} : { 'content-type': type } })
          expectError(res, 415, 'unsupported_media_type')
        }
        const me = await get(d, u.access, '/api/users/me/')
        expect(me).toMatchObject({ mode: u.user.mode, online_status: 'online' })
        // The refresh token was not used up by the refused logout.
        expect((await d.fetch('/api/auth/refresh/', { method: 'POST', json: { refresh: u.refresh } })).status).toBe(200)
        // A body-less POST needs no type; the order stays 401 → 403 → 415 → 413 → 400.
        expect((await d.fetch('/api/chat/heartbeat/', { method: 'POST', token: u.access })).status).toBe(200)
        expectError(await d.fetch('/api/chat/heartbeat/', { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } }), 401, 'unauthorized')
        expectError(await d.fetch('/api/chat/heartbeat/', { method: 'POST', token: u.access, body: bigBody(100 * KIB), headers: { 'content-type': 'text/plain' } }), 415, 'unsupported_media_type')
      })
    })

    describe("6.5 limits that protect the developer's machine: a configured public URL", () => {
      const driver = fresh(makeDriver, { publicUrl: 'https://presence.dev.example/kit/' })

      it('every absolute link is built on the public URL it was given (REST, snapshot and events)', async () => {
        const d = driver()
        const base = 'https://presence.dev.example/kit'
        const u = await login(d, 'john_doe')
        expect(u.user.profile_image).toBe(`${base}/avatars/${idOf(u)}.svg`)
        const w = await login(d, 'jane_smith')
        const ws = await connect(d, w.access)
        for (const user of ws.snapshot.onlineUsers) expect(user.profileImage).toBe(`${base}/avatars/${user.id}.svg`)
        for (const user of (await get(d, w.access, '/api/users/online/'))) expect(user.profile_image).toBe(`${base}/avatars/${user.id}.svg`)
        for (const c of await get(d, w.access, '/api/chat/conversations/')) expect(c.other_user.profile_image.startsWith(`${base}/avatars/`)).toBe(true)
        await call(d, u.access, 'PATCH', '/api/users/me/status/', { mode: 'away' })
        expect((await ws.next(isStatusOf(idOf(u), 'away'))).user.profileImage).toBe(`${base}/avatars/${idOf(u)}.svg`)
        // The server itself still serves the avatars at its root (a proxy maps the prefix).
        expect((await d.fetch(`/avatars/${idOf(u)}.svg`)).status).toBe(200)
      })
    })

    describe("5. the mock server's controls: off", () => {
      const driver = fresh(makeDriver, { control: false })

      it('with the controls off, /__mock__/ routes are 404 not_found and absent from the OpenAPI document', async () => {
        const d = driver()
        expectError(await d.fetch('/__mock__/reset', { method: 'POST' }), 404, 'not_found')
        expectError(await d.fetch('/__mock__/clock', { method: 'POST', json: { advanceSeconds: 10 } }), 404, 'not_found')
        expectError(await d.fetch('/__mock__/users/1/presence', { method: 'POST', json: { status: 'online' } }), 404, 'not_found')
        expect(Object.keys(d.openapi.document.paths).filter((p) => p.startsWith('/__mock__'))).toEqual([])
        await expectHealthy(d)
      })
    })
  })
}
