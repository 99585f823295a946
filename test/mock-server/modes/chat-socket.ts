import { describe, expect, it } from 'vitest'
import { advance, call, get, login, type Driver, type Json, type MakeDriver, type TestSocket } from '../contract/driver'
import { commonBackendTests } from './common'
import { chatSocketFrame } from './frames'
import { before, controlled, control, expectError, freshBackend, settle, sortedKeys } from './helpers'

type Listening = TestSocket & { first: Json }

/** Opens `/ws/chat/` and waits for the id list that must come first. */
async function listen(d: Driver, token: string): Promise<Listening> {
  const socket = d.socket(`/ws/chat/?token=${encodeURIComponent(token)}`)
  const first = await socket.next()
  expect(first.type, JSON.stringify(first)).toBe('online_users')
  return Object.assign(socket, { first })
}

/** This backend answers no ping: a bad frame's error reply is the barrier. Returns the id lists before it. */
async function lists(socket: TestSocket): Promise<string[][]> {
  await settle()
  const messages = await before(socket, '{"type":"nope"}', (m) => m.type === 'error')
  return messages.filter((m) => m.type === 'online_users').map((m) => m.onlineUsers)
}

const set = (ids: string[] | undefined) => [...(ids ?? [])].sort()

const lastList = async (socket: TestSocket) => (await lists(socket)).at(-1)

const detailIds = async (d: Driver, token: string): Promise<string[]> =>
  (await get(d, token, '/api/chat/online-users/')).onlineUsers.map((u: Json) => u.id)

export function chatSocketSuite(transport: string, makeDriver: MakeDriver) {
  describe(`backend chat-socket (/ws/chat/ ids, details endpoint): ${transport}`, () => {
    const driver = freshBackend(makeDriver, 'chat-socket', chatSocketFrame)

    commonBackendTests(
      {
        backend: 'chat-socket',
        routes: ['POST /api/auth/login/', 'POST /api/auth/refresh/', 'POST /api/auth/logout/', 'GET /api/chat/online-users/', 'GET /avatars/{id}.svg'],
        sockets: ['/ws/chat/'],
        statuses: ['online', 'offline'],
      },
      driver,
    )

    it('on connect, the socket sends the ids of everyone online, as strings, the caller included', async () => {
      const d = driver()
      const u = await login(d, 'john_doe')
      const tab = await listen(d, u.access)
      expect(sortedKeys(tab.first)).toEqual(['onlineUsers', 'type'])
      expect(tab.first.onlineUsers).toContain(String(u.user.id))
      expect(tab.first.onlineUsers.every((id: unknown) => typeof id === 'string')).toBe(true)
      expect(set(tab.first.onlineUsers)).toEqual(set(await detailIds(d, u.access)))
    })

    it('details: GET /api/chat/online-users/ → {success, onlineUsers: [{id (string), username, profileImage, isOnline}]}, the socket\'s users', async () => {
      const d = driver()
      const u = await login(d, 'john_doe')
      const tab = await listen(d, u.access)
      const body = await get(d, u.access, '/api/chat/online-users/')
      expect(sortedKeys(body)).toEqual(['onlineUsers', 'success'])
      expect(body.success).toBe(true)
      for (const user of body.onlineUsers) {
        expect(sortedKeys(user)).toEqual(['id', 'isOnline', 'profileImage', 'username'])
        expect(user).toMatchObject({ id: expect.stringMatching(/^\d+$/), username: expect.any(String), isOnline: true })
        expect(user.profileImage).toMatch(/^https?:\/\//)
      }
      const me = body.onlineUsers.find((x: Json) => x.id === String(u.user.id))
      expect(me).toMatchObject({ username: 'john_doe', profileImage: `${d.origin}/avatars/3.svg` })
      expect(set(body.onlineUsers.map((x: Json) => x.id))).toEqual(set(tab.first.onlineUsers))
      const avatar = await d.fetch(new URL(me.profileImage).pathname)
      expect(avatar.status).toBe(200)
      expect(avatar.headers.get('content-type')).toMatch(/svg/)
    })

    it('REST is not presence: a login and requests without a socket leave the user offline', async () => {
      const d = driver()
      const w = await login(d, 'jane_smith')
      const ws = await listen(d, w.access)
      const u = await login(d, 'john_doe')
      await get(d, u.access, '/api/chat/online-users/')
      await get(d, u.access, '/api/chat/online-users/')
      expect(await lists(ws)).toEqual([])
      expect(await detailIds(d, w.access)).not.toContain(String(u.user.id))
      expect(ws.first.onlineUsers).not.toContain(String(u.user.id))
    })

    it('the list is sent again to every socket on every change: a user connects, and leaves after the grace period', async () => {
      const d = driver()
      const w = await login(d, 'jane_smith')
      const ws = await listen(d, w.access)
      const before = ws.first.onlineUsers as string[]
      const u = await login(d, 'john_doe')
      const tab = await listen(d, u.access)
      const john = String(u.user.id)
      expect(set(await lastList(ws))).toEqual(set([...before, john]))
      expect(set(tab.first.onlineUsers)).toEqual(set([...before, john]))
      tab.close()
      await tab.closed
      await advance(d, 1)
      expect(await lists(ws)).toEqual([]) // within the 2 s grace period: nothing changed
      expect(await detailIds(d, w.access)).toContain(john)
      await advance(d, 2)
      expect(set(await lastList(ws))).toEqual(set(before))
      expect(await detailIds(d, w.access)).not.toContain(john)
    })

    it('two tabs: closing one keeps the user online; a reconnect within the grace period sends nothing', async () => {
      const d = driver()
      const w = await login(d, 'jane_smith')
      const ws = await listen(d, w.access)
      const u = await login(d, 'john_doe')
      const tab1 = await listen(d, u.access)
      const tab2 = await listen(d, u.access)
      await lists(ws)
      tab1.close()
      await tab1.closed
      await advance(d, 10)
      expect(await lists(ws)).toEqual([])
      tab2.close()
      await tab2.closed
      await advance(d, 1)
      const again = await listen(d, u.access)
      await advance(d, 5)
      expect(await lists(ws)).toEqual([])
      expect(again.first.onlineUsers).toContain(String(u.user.id))
      expect(await detailIds(d, w.access)).toContain(String(u.user.id))
    })

    it('a ping gets no answer; a frame it does not know gets an error, and the socket stays open', async () => {
      const d = driver()
      const u = await login(d, 'john_doe')
      const tab = await listen(d, u.access)
      tab.send('{"type":"ping"}')
      // Nothing answers the ping: the first frame after it is the error for the next, unknown frame.
      expect(await before(tab, '{"type":"nope"}', (m) => m.type === 'error')).toEqual([])
      expect(await before(tab, '{"type":"status","mode":"away"}', (m) => m.type === 'error')).toEqual([])
      expect(await before(tab, '[1, 2', (m) => m.type === 'error')).toEqual([])
      expect(tab.isClosed).toBe(false)
    })

    it('an unknown frame is told what this backend takes: only ping (no status frames)', async () => {
      const d = driver()
      const u = await login(d, 'john_doe')
      const tab = await listen(d, u.access)
      for (const frame of ['{"type":"nope"}', '{"type":"status","mode":"sleeping"}', '{"type":"pong"}']) {
        await before(tab, frame, (m) => m.type === 'error')
        const error = tab.received.findLast((m) => m.type === 'error')
        expect(error?.message).toBe('this backend takes only {"type":"ping"}')
      }
    })

    it("logout closes that session's sockets with 4401, and the others get the list without the user at once", async () => {
      const d = driver()
      const w = await login(d, 'jane_smith')
      const ws = await listen(d, w.access)
      const u = await login(d, 'john_doe')
      const tab = await listen(d, u.access)
      await lists(ws)
      expect(await call(d, u.access, 'POST', '/api/auth/logout/', {})).toEqual({ success: true })
      expect(await tab.closed).toEqual({ code: 4401, reason: 'unauthorized' })
      expect(await lastList(ws)).not.toContain(String(u.user.id))
      expectError(await d.fetch('/api/chat/online-users/', { token: u.access }), 401, 'unauthorized')
    })

    it('the controls: online holds a user online without a socket of theirs, offline ends it at once', async () => {
      const d = driver()
      const w = await login(d, 'jane_smith')
      const ws = await listen(d, w.access)
      await controlled(d, 3, 'online')
      expect(await lastList(ws)).toContain('3')
      expect(await detailIds(d, w.access)).toContain('3')
      await advance(d, 3600)
      expect(await lists(ws)).toEqual([]) // held online, as an open tab would be: nothing runs out
      await controlled(d, 3, 'offline')
      expect(await lastList(ws)).not.toContain('3')
      expectError(await control(d, 3, 'away'), 400, 'invalid_field', 'status')
    })
  })
}
