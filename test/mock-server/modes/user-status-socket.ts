import { describe, expect, it } from 'vitest'
import { advance, call, get, login, type Driver, type Json, type MakeDriver, type TestSocket } from '../contract/driver'
import { commonBackendTests } from './common'
import { userStatusFrame } from './frames'
import { before, control, controlled, expectError, freshBackend, ms, settle, sortedKeys, untilOpen } from './helpers'

const open = async (d: Driver, token: string): Promise<TestSocket> => {
  const socket = d.socket(`/ws/user-status/?token=${encodeURIComponent(token)}`)
  await untilOpen(socket)
  return socket
}

/** The ping barrier: the frames before the pong, which must be exactly `{"type": "pong"}`. */
async function changes(socket: TestSocket): Promise<Json[]> {
  await settle()
  const messages = await before(socket, '{"type":"ping"}', (m) => m.type === 'pong')
  return messages.filter((m) => m.type === 'user.status.changed')
}

const about = (messages: Json[], userId: number) => messages.filter((m) => m.user_id === userId)

const listed = async (d: Driver, token: string): Promise<number[]> =>
  (await get(d, token, '/api/users/online/')).map((u: Json) => u.id)

export function userStatusSocketSuite(transport: string, makeDriver: MakeDriver) {
  describe(`backend user-status-socket (/ws/user-status/ changes, /api/users/online/): ${transport}`, () => {
    const driver = freshBackend(makeDriver, 'user-status-socket', userStatusFrame)

    commonBackendTests(
      {
        backend: 'user-status-socket',
        routes: ['POST /api/auth/login/', 'POST /api/auth/refresh/', 'POST /api/auth/logout/', 'GET /api/users/online/', 'GET /avatars/{id}.svg'],
        sockets: ['/ws/user-status/'],
        statuses: ['online', 'offline'],
      },
      driver,
    )

    it('no snapshot: a new socket gets nothing about who is already online; a ping is answered {"type": "pong"}', async () => {
      const d = driver()
      await controlled(d, 2, 'online')
      const u = await login(d, 'john_doe')
      const tab = await open(d, u.access)
      const messages = await before(tab, '{"type":"ping"}', (m) => m.type === 'pong')
      expect(messages.filter((m) => m.type !== 'user.status.changed')).toEqual([])
      // At most the user's own change of is_online, never the others already online.
      expect(messages.filter((m) => m.user_id !== u.user.id)).toEqual([])
      expect(tab.received.find((m) => m.type === 'pong')).toEqual({ type: 'pong' })
    })

    it('changes only, flat: another user connecting, then leaving after the grace period, reaches every open socket', async () => {
      const d = driver()
      const w = await login(d, 'jane_smith')
      const ws = await open(d, w.access)
      const a = await login(d, 'ahmad')
      const as = await open(d, a.access)
      await changes(ws)
      await changes(as)
      const u = await login(d, 'john_doe')
      const tab = await open(d, u.access)
      for (const socket of [ws, as]) {
        const [event, ...more] = about(await changes(socket), u.user.id)
        expect(more).toEqual([])
        expect(sortedKeys(event)).toEqual(['is_online', 'last_seen', 'type', 'user_id', 'username'])
        expect(event).toMatchObject({ type: 'user.status.changed', user_id: 3, username: 'john_doe', is_online: true })
      }
      tab.close()
      await tab.closed
      await advance(d, 1)
      expect(about(await changes(ws), u.user.id)).toEqual([]) // within the 2 s grace period
      await advance(d, 2)
      const [gone] = about(await changes(ws), u.user.id)
      expect(gone).toMatchObject({ user_id: 3, username: 'john_doe', is_online: false })
      expect(about(await changes(as), u.user.id)).toHaveLength(1)
    })

    it('GET /api/users/online/: socket-connected users, the caller excluded, ordered by id, exact fields; no filter', async () => {
      const d = driver()
      const u = await login(d, 'john_doe')
      const w = await login(d, 'jane_smith')
      await open(d, w.access)
      await get(d, u.access, '/api/users/online/') // REST is not presence
      expect(await listed(d, w.access)).not.toContain(u.user.id)
      const tab = await open(d, u.access)
      await changes(tab)
      const list = await get(d, w.access, '/api/users/online/')
      expect(Array.isArray(list)).toBe(true)
      for (const user of list) {
        expect(sortedKeys(user)).toEqual(['id', 'is_online', 'last_activity', 'last_seen', 'profile_image', 'username'])
        expect(user).toMatchObject({ id: expect.any(Number), username: expect.any(String), is_online: true })
        expect(user.profile_image).toMatch(/^https?:\/\//)
      }
      const ids = list.map((x: Json) => x.id)
      expect(ids).toContain(u.user.id)
      expect(ids).not.toContain(w.user.id)
      expect(ids).toEqual([...ids].sort((a, b) => a - b))
      expect((await get(d, w.access, '/api/users/online/?filter=friends')).map((x: Json) => x.id)).toEqual(ids)
    })

    it('a ping moves last_activity (and nothing else is sent about it)', async () => {
      const d = driver()
      const u = await login(d, 'john_doe')
      const tab = await open(d, u.access)
      const w = await login(d, 'jane_smith')
      const ws = await open(d, w.access)
      await changes(ws)
      const now = (await advance(d, 60)).now
      await changes(tab) // a ping
      const john = (await get(d, w.access, '/api/users/online/')).find((x: Json) => x.id === u.user.id)
      expect(ms(john.last_activity)).toBeGreaterThanOrEqual(ms(now))
      expect(about(await changes(ws), u.user.id)).toEqual([])
    })

    it('two tabs: closing one keeps the user online; a reconnect within the grace period sends nothing', async () => {
      const d = driver()
      const w = await login(d, 'jane_smith')
      const ws = await open(d, w.access)
      const u = await login(d, 'john_doe')
      const tab1 = await open(d, u.access)
      const tab2 = await open(d, u.access)
      await changes(ws)
      tab1.close()
      await tab1.closed
      await advance(d, 10)
      expect(about(await changes(ws), u.user.id)).toEqual([])
      tab2.close()
      await tab2.closed
      await advance(d, 1)
      await open(d, u.access)
      await advance(d, 5)
      expect(about(await changes(ws), u.user.id)).toEqual([])
      expect(await listed(d, w.access)).toContain(u.user.id)
    })

    it("logout closes that session's sockets with 4401, and is_online false reaches the others at once", async () => {
      const d = driver()
      const w = await login(d, 'jane_smith')
      const ws = await open(d, w.access)
      const u = await login(d, 'john_doe')
      const tab = await open(d, u.access)
      await changes(ws)
      expect(await call(d, u.access, 'POST', '/api/auth/logout/', {})).toEqual({ success: true })
      expect(await tab.closed).toEqual({ code: 4401, reason: 'unauthorized' })
      expect(about(await changes(ws), u.user.id)).toMatchObject([{ is_online: false }])
      expect(await listed(d, w.access)).not.toContain(u.user.id)
    })

    it('a status frame, or any frame but ping, gets an error and the socket stays open', async () => {
      const d = driver()
      const u = await login(d, 'john_doe')
      const tab = await open(d, u.access)
      for (const frame of ['{"type":"status","mode":"away"}', '{"type":"nope"}', 'not json']) {
        const messages = await before(tab, frame, (m) => m.type === 'error')
        expect(messages.filter((m) => m.user_id !== u.user.id)).toEqual([])
      }
      expect(tab.isClosed).toBe(false)
    })

    it('the controls: online holds a user online without a socket of theirs (pushed and listed), offline ends it', async () => {
      const d = driver()
      const w = await login(d, 'jane_smith')
      const ws = await open(d, w.access)
      await changes(ws)
      await controlled(d, 3, 'online')
      expect(about(await changes(ws), 3)).toMatchObject([{ is_online: true, username: 'john_doe' }])
      expect(await listed(d, w.access)).toContain(3)
      await controlled(d, 3, 'offline')
      expect(about(await changes(ws), 3)).toMatchObject([{ is_online: false }])
      expect(await listed(d, w.access)).not.toContain(3)
      expectError(await control(d, 3, 'away'), 400, 'invalid_field', 'status')
    })
  })
}
