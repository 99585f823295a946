// An independent, black-box conformance check of the mock presence backend against the contract
// (/work/shared/spec/presence-protocol.md), written as a client from outside the team would write it: plain `fetch`
// and plain `ws` against the real Node server on a free port of 127.0.0.1, nothing from the mock's internals but the
// function that starts it. The expectations were written from the contract alone first
// (test/mock-server/conformance.expectations.md); each `it` names the section it checks.
// No sleeps: every wait is for a message, a close or a response, bounded by a timeout.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { startMockServer, type MockServerOptions, type RunningMockServer } from '../../mock-server/node'

type Json = any // eslint-disable-line @typescript-eslint/no-explicit-any

const WAIT_MS = 3000
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|\+00:00)$/
const LOCAL_ORIGIN = 'http://localhost:5173'

interface Reply {
  status: number
  headers: Headers
  text: string
  json: Json
}

interface Session {
  access: string
  refresh: string
  user: Json
  id: number
}

interface Closed {
  code: number
  reason: string
}

/** A `ws` client whose frames are parsed and queued, so that a test waits for a frame, never for time. */
class Client {
  readonly socket: WebSocket
  readonly received: Json[] = []
  private queue: Json[] = []
  private waiters: Array<() => void> = []
  readonly closed: Promise<Closed>
  isClosed = false
  readonly opened: Promise<void>

  constructor(url: string, options?: ConstructorParameters<typeof WebSocket>[2]) {
    this.socket = new WebSocket(url, options)
    this.socket.on('error', () => {})
    this.opened = new Promise((resolve) => this.socket.once('open', () => resolve()))
    this.socket.on('message', (data, isBinary) => {
      const text = isBinary ? '<binary>' : data.toString()
      let message: Json
      try {
        message = JSON.parse(text)
      } catch {
        message = { unparsable: text }
      }
      if (message?.type === 'user.status.changed' || message?.type === 'online_users') frameShapes.push(message)
      this.received.push(message)
      this.queue.push(message)
      this.wake()
    })
    this.closed = new Promise((resolve) => {
      this.socket.once('close', (code, reason) => {
        this.isClosed = true
        this.wake()
        resolve({ code, reason: reason.toString() })
      })
    })
  }

  private wake() {
    for (const waiter of this.waiters.splice(0)) waiter()
  }

  /** The first queued frame that matches; it and every frame before it leave the queue. */
  next(predicate: (message: Json) => boolean = () => true, timeoutMs = WAIT_MS): Promise<Json> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`no matching frame within ${timeoutMs} ms; queued: ${JSON.stringify(this.queue)}`))
      }, timeoutMs)
      const look = () => {
        const index = this.queue.findIndex(predicate)
        if (index >= 0) {
          const [found] = this.queue.splice(0, index + 1).slice(-1)
          clearTimeout(timer)
          resolve(found)
        } else if (this.isClosed) {
          clearTimeout(timer)
          reject(new Error(`closed before a matching frame; queued: ${JSON.stringify(this.queue)}`))
        } else {
          this.waiters.push(look)
        }
      }
      look()
    })
  }

  /** Sends a ping; resolves with the unconsumed frames before its pong, all of them consumed. */
  untilPong(timeoutMs = WAIT_MS): Promise<Json[]> {
    const skip = this.queue.filter((m) => m.type === 'pong').length
    this.send({ type: 'ping' })
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no pong within ${timeoutMs} ms`)), timeoutMs)
      const look = () => {
        let seen = 0
        const index = this.queue.findIndex((m) => m.type === 'pong' && seen++ === skip)
        if (index >= 0) {
          clearTimeout(timer)
          resolve(this.queue.splice(0, index + 1).slice(0, -1).filter((m) => m.type !== 'pong'))
        } else if (this.isClosed) {
          clearTimeout(timer)
          reject(new Error('closed before the pong'))
        } else {
          this.waiters.push(look)
        }
      }
      look()
    })
  }

  send(data: unknown) {
    this.socket.send(typeof data === 'string' ? data : JSON.stringify(data))
  }

  close() {
    this.socket.close()
  }
}

let server: RunningMockServer
const clients: Client[] = []
/** Every snapshot and change any test's socket received: each is checked against the contract's view after the test. */
const frameShapes: Json[] = []

async function start(options: MockServerOptions = {}) {
  server = await startMockServer({ port: 0, host: '127.0.0.1', ...options })
}

async function stop() {
  for (const client of clients.splice(0)) client.socket.terminate()
  await server?.close()
  checkFrames()
}

function checkFrames() {
  for (const frame of frameShapes.splice(0)) {
    if (frame.type === 'online_users') {
      expectKeys(frame, ['type', 'onlineUsers'])
      for (const user of frame.onlineUsers) expectCamelView(user)
    } else {
      expectKeys(frame, ['type', 'user'])
      expectCamelView(frame.user)
    }
  }
}

async function http(
  method: string,
  path: string,
  init: { token?: string; json?: unknown; body?: string; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...init.headers }
  if (init.token) headers.authorization = `Bearer ${init.token}`
  let body: string | undefined = init.body
  if (init.json !== undefined) {
    body = JSON.stringify(init.json)
    headers['content-type'] ??= 'application/json'
  } else if (body !== undefined) {
    headers['content-type'] ??= 'application/json'
  }
  const response = await fetch(server.url.replace(/\/$/, '') + path, { method, headers, body })
  const text = await response.text()
  let json: Json
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: response.status, headers: response.headers, text, json }
}

const get = (path: string, token?: string) => http('GET', path, { token })
const post = (path: string, json?: unknown, token?: string) => http('POST', path, { token, json })
const patch = (path: string, json: unknown, token?: string) => http('PATCH', path, { token, json })

async function login(username: string): Promise<Session> {
  const reply = await post('/api/auth/login/', { username, password: 'password' })
  expect(reply.status, reply.text).toBe(200)
  return { ...reply.json, id: reply.json.user.id }
}

function open(path: string, token?: string, query = ''): Client {
  const url = `${server.url.replace(/^http/, 'ws').replace(/\/$/, '')}${path}${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}${query}`
  const client = new Client(url)
  clients.push(client)
  return client
}

/** A socket of `session` on /ws/user-status/, past its snapshot. */
async function connect(session: Session, query = '', path = '/ws/user-status/'): Promise<{ client: Client; snapshot: Json }> {
  const client = open(path, session.access, query)
  const snapshot = await client.next()
  expect(snapshot.type).toBe('online_users')
  return { client, snapshot }
}

/**
 * Every frame the client has not consumed yet, up to the pong that answers a ping sent now: each connection is
 * ordered, so what the server sent before it read the ping is in this list. `barrier` first moves the clock by
 * nothing: the server pushes what it holds (its 50 ms coalescing window included) before that control replies
 * (section 1, Time), so that "nothing was sent" is not a race with the window.
 */
async function framesBeforePong(client: Client, barrier = true): Promise<Json[]> {
  if (barrier) await advance(0)
  return client.untilPong()
}

const changesOf = (id: number) => (m: Json) => m.type === 'user.status.changed' && m.user?.id === id
const advance = async (seconds: number) => {
  const reply = await post('/__mock__/clock', { advanceSeconds: seconds })
  expect(reply.status, reply.text).toBeLessThan(300)
  return reply
}

function expectError(reply: Reply, status: number, code: string, field?: string) {
  expect(reply.status, reply.text).toBe(status)
  expect(reply.headers.get('content-type') ?? '').toMatch(/^application\/json/)
  expect(Object.keys(reply.json ?? {}), reply.text).toEqual(['error'])
  expect(Object.keys(reply.json.error).sort(), reply.text).toEqual(['code', 'message'])
  expect(reply.json.error.code, reply.text).toBe(code)
  expect(typeof reply.json.error.message).toBe('string')
  if (field) expect(reply.json.error.message, reply.text).toContain(field)
}

function expectKeys(value: Json, keys: string[]) {
  expect(Object.keys(value ?? {}).sort(), JSON.stringify(value)).toEqual([...keys].sort())
}

function expectIsoOrNull(value: unknown) {
  if (value !== null) expect(value, String(value)).toMatch(ISO_UTC)
}

// Field sets, both naming styles (sections 3, 4, 6.1-6.3)
const CAMEL_VIEW = ['id', 'username', 'profileImage', 'status', 'statusMessage', 'lastSeen', 'isOnline', 'idle', 'devices', 'statusExpiresAt']
const SNAKE_ITEM = ['id', 'username', 'profile_image', 'is_online', 'online_status', 'status_message', 'last_seen', 'last_activity', 'idle', 'devices', 'status_expires_at']
const ME = ['id', 'username', 'profile_image', 'is_admin', 'online_status', 'mode', 'status_message', 'last_seen', 'last_seen_visibility']
// section 3's admin status, with section 6's idle and devices
const ADMIN_STATUS = ['user_id', 'username', 'online_status', 'last_seen', 'is_online', 'idle', 'devices']
const STATUSES = ['online', 'away', 'dnd', 'offline', 'invisible']

function expectCamelView(view: Json) {
  expectKeys(view, CAMEL_VIEW)
  expect(Number.isInteger(view.id)).toBe(true)
  expect(typeof view.username).toBe('string')
  expect(new URL(view.profileImage).origin).toBe(new URL(server.url).origin)
  expect(STATUSES).toContain(view.status)
  expect(view.statusMessage === null || typeof view.statusMessage === 'string').toBe(true)
  expectIsoOrNull(view.lastSeen)
  expectIsoOrNull(view.statusExpiresAt)
  expect(typeof view.isOnline).toBe('boolean')
  expect(typeof view.idle).toBe('boolean')
  expect(Array.isArray(view.devices)).toBe(true)
  expectConsistent(view.status, view.isOnline, view.idle, view.devices, view.statusMessage, view.statusExpiresAt)
}

/**
 * What holds in every view (sections 1, 6.1-6.3): online exactly when not offline; an offline user has no devices
 * and is not idle; idle never reads online; an expiry needs a message.
 */
function expectConsistent(status: string, isOnline: boolean, idle: boolean, devices: string[], message: string | null, expiresAt: string | null) {
  const view = JSON.stringify({ status, isOnline, idle, devices, message, expiresAt })
  expect(isOnline, view).toBe(status !== 'offline')
  if (status === 'offline') expect({ idle, devices }, view).toEqual({ idle: false, devices: [] })
  if (idle) expect(['online', 'offline'], view).not.toContain(status)
  if (expiresAt !== null) expect(message, view).not.toBeNull()
  expect([...devices].sort(), view).toEqual([...new Set(devices)].sort())
  expect(devices, view).toEqual([...devices].sort())
  for (const device of devices) expect(['web', 'mobile', 'desktop']).toContain(device)
}

function expectSnakeItem(item: Json) {
  expectKeys(item, SNAKE_ITEM)
  expect(Number.isInteger(item.id)).toBe(true)
  expect(new URL(item.profile_image).origin).toBe(new URL(server.url).origin)
  expect(STATUSES).toContain(item.online_status)
  expect(typeof item.is_online).toBe('boolean')
  expectIsoOrNull(item.last_seen)
  expectIsoOrNull(item.last_activity)
  expectIsoOrNull(item.status_expires_at)
  expect(typeof item.idle).toBe('boolean')
  expect(Array.isArray(item.devices)).toBe(true)
  expectConsistent(item.online_status, item.is_online, item.idle, item.devices, item.status_message, item.status_expires_at)
}

const bigBody = (bytes: number) => JSON.stringify({ status_message: 'x'.repeat(bytes) })

describe('presence contract, black box over HTTP and WebSocket', () => {
  beforeEach(async () => {
    await start()
  })
  afterEach(stop)

  // ---- Section 3: the error format and its order ----
  describe('errors (section 3)', () => {
    it('an unknown route is 404 not_found, before authentication', async () => {
      expectError(await get('/api/nope/'), 404, 'not_found')
      expectError(await get('/api/users/nope/'), 404, 'not_found')
      expectError(await http('DELETE', '/api/nope/'), 404, 'not_found')
      expectError(await get('/nope'), 404, 'not_found')
    })

    it('a known route with a wrong method is 405 method_not_allowed, before authentication', async () => {
      const wrong: Array<[string, string]> = [
        ['POST', '/api/chat/online-users/'],
        ['DELETE', '/api/users/online/'],
        ['GET', '/api/chat/heartbeat/'],
        ['GET', '/api/users/heartbeat/'],
        ['GET', '/api/chat/mark-offline/'],
        ['POST', '/api/chat/conversations/'],
        ['POST', '/api/users/me/'],
        ['PUT', '/api/users/me/status/'],
        ['POST', '/api/users/activity/'],
        ['POST', '/api/users/admin/users/online/'],
        ['POST', '/api/users/admin/users/1/online-status/'],
        ['GET', '/api/users/admin/users/1/set-online-status/'],
        ['GET', '/api/auth/login/'],
        ['GET', '/api/auth/refresh/'],
        ['GET', '/api/auth/logout/'],
        ['GET', '/api/users/logout/'],
        ['POST', '/api/openapi.json'],
        ['GET', '/__mock__/reset'],
        ['GET', '/__mock__/clock'],
        ['GET', '/__mock__/users/1/presence'],
      ]
      for (const [method, path] of wrong) expectError(await http(method, path), 405, 'method_not_allowed')
    })

    it('a protected route without, with a malformed or with an unknown token is 401 unauthorized', async () => {
      const routes: Array<[string, string]> = [
        ['GET', '/api/chat/online-users/'],
        ['GET', '/api/users/online/'],
        ['POST', '/api/chat/heartbeat/'],
        ['POST', '/api/users/heartbeat/'],
        ['POST', '/api/chat/mark-offline/'],
        ['GET', '/api/chat/conversations/'],
        ['GET', '/api/users/me/'],
        ['PATCH', '/api/users/me/status/'],
        ['GET', '/api/users/activity/'],
        ['GET', '/api/users/admin/users/online/'],
        ['GET', '/api/users/admin/users/1/online-status/'],
        ['POST', '/api/users/admin/users/1/set-online-status/'],
      ]
      for (const [method, path] of routes) {
        expectError(await http(method, path), 401, 'unauthorized')
        expectError(await http(method, path, { token: 'not-a-token' }), 401, 'unauthorized')
        expectError(await http(method, path, { headers: { authorization: 'Basic am9objpwYXNzd29yZA==' } }), 401, 'unauthorized')
      }
    })

    it('non-admins get 403 forbidden on every admin route, with no user data in the body', async () => {
      const john = await login('john_doe')
      for (const reply of [
        await get('/api/users/admin/users/online/', john.access),
        await get(`/api/users/admin/users/${john.id}/online-status/`, john.access),
        await get('/api/users/admin/users/99999/online-status/', john.access),
        await post(`/api/users/admin/users/${john.id}/set-online-status/`, { status: 'online' }, john.access),
        await http('POST', `/api/users/admin/users/${john.id}/set-online-status/`, { token: john.access, body: '{' }),
      ]) {
        expectError(reply, 403, 'forbidden')
        expect(reply.text).not.toContain('john_doe')
      }
    })

    it('a body over 64 KiB is 413 payload_too_large, after authentication and before JSON parsing', async () => {
      const john = await login('john_doe')
      expectError(await http('PATCH', '/api/users/me/status/', { token: john.access, body: bigBody(70 * 1024) }), 413, 'payload_too_large')
      expectError(await http('PATCH', '/api/users/me/status/', { token: john.access, body: '{' + 'x'.repeat(70 * 1024) }), 413, 'payload_too_large')
      expectError(await http('PATCH', '/api/users/me/status/', { body: bigBody(70 * 1024) }), 401, 'unauthorized')
      expectError(await http('POST', '/api/auth/login/', { body: bigBody(70 * 1024) }), 413, 'payload_too_large')
      // just under the limit is parsed (and its field is then what is wrong)
      expectError(await http('PATCH', '/api/users/me/status/', { token: john.access, body: bigBody(60 * 1024) }), 400, 'invalid_field', 'status_message')
    })

    it('malformed JSON is 400 invalid_json on every route that takes a body', async () => {
      const john = await login('john_doe')
      expectError(await http('POST', '/api/auth/login/', { body: '{' }), 400, 'invalid_json')
      expectError(await http('POST', '/api/auth/refresh/', { body: '{"refresh":' }), 400, 'invalid_json')
      expectError(await http('PATCH', '/api/users/me/status/', { token: john.access, body: 'nope' }), 400, 'invalid_json')
      expectError(await http('POST', '/api/chat/heartbeat/', { token: john.access, body: '{' }), 400, 'invalid_json')
      expectError(await http('POST', '/api/chat/mark-offline/', { token: john.access, body: '{' }), 400, 'invalid_json')
      expectError(await http('POST', '/__mock__/clock', { body: '{' }), 400, 'invalid_json')
    })

    it('a user id that is not an integer matches no route (404 not_found); an unknown integer id is 404 user_not_found', async () => {
      const admin = await login('admin')
      expectError(await get('/api/users/admin/users/abc/online-status/', admin.access), 404, 'not_found')
      expectError(await get('/api/users/admin/users/1.5/online-status/', admin.access), 404, 'not_found')
      expectError(await get('/api/users/admin/users/abc/online-status/'), 404, 'not_found')
      expectError(await post('/api/users/admin/users/abc/set-online-status/', { status: 'online' }, admin.access), 404, 'not_found')
      expectError(await get('/api/users/admin/users/99999/online-status/', admin.access), 404, 'user_not_found')
      expectError(await post('/api/users/admin/users/99999/set-online-status/', { status: 'online' }, admin.access), 404, 'user_not_found')
      expectError(await post('/__mock__/users/99999/presence', { status: 'online' }), 404, 'user_not_found')
      expectError(await post('/__mock__/users/abc/presence', { status: 'online' }), 404, 'not_found')
    })

    it('checks in the order 404, 405, 401, 403, 413, 400, 404 user_not_found', async () => {
      const john = await login('john_doe')
      const admin = await login('admin')
      // 404 route before 405
      expectError(await http('PUT', '/api/users/admin/users/abc/online-status/'), 404, 'not_found')
      // 405 before 401
      expectError(await http('DELETE', '/api/users/me/'), 405, 'method_not_allowed')
      // 401 before 403
      expectError(await get('/api/users/admin/users/online/', 'bogus'), 401, 'unauthorized')
      // 403 before 413 and 400
      expectError(await http('POST', '/api/users/admin/users/1/set-online-status/', { token: john.access, body: bigBody(70 * 1024) }), 403, 'forbidden')
      // 413 before 400
      expectError(await http('POST', '/api/users/admin/users/1/set-online-status/', { token: admin.access, body: '{' + 'x'.repeat(70 * 1024) }), 413, 'payload_too_large')
      // 400 before 404 user_not_found
      expectError(await post('/api/users/admin/users/99999/set-online-status/', { status: 'bogus' }, admin.access), 400, 'invalid_field', 'status')
      expectError(await http('POST', '/api/users/admin/users/99999/set-online-status/', { token: admin.access, body: '{' }), 400, 'invalid_json')
      // 401 before 404 user_not_found; 403 before a bad query; the controls: 405 before 403, 400 before 404 user_not_found
      expectError(await get('/api/users/admin/users/99999/online-status/'), 401, 'unauthorized')
      expectError(await get('/api/users/admin/users/online/?page=abc', john.access), 403, 'forbidden')
      expectError(await http('GET', '/__mock__/reset', { headers: { origin: 'http://evil.example' } }), 405, 'method_not_allowed')
      expectError(await post('/__mock__/users/99999/presence', { status: 'bogus' }), 400, 'invalid_field', 'status')
    })

    it('JSON responses say so in their content type', async () => {
      const john = await login('john_doe')
      for (const reply of [await get('/api/users/me/', john.access), await get('/api/chat/online-users/', john.access), await get('/api/openapi.json')]) {
        expect(reply.headers.get('content-type') ?? '').toMatch(/^application\/json/)
      }
    })
  })

  // ---- Section 2: authentication ----
  describe('authentication (section 2)', () => {
    it('login answers {access, refresh, user} with user shaped as /api/users/me/, and is a sign of life', async () => {
      const reply = await post('/api/auth/login/', { username: 'jane_smith', password: 'password' })
      expect(reply.status).toBe(200)
      expectKeys(reply.json, ['access', 'refresh', 'user'])
      expect(typeof reply.json.access).toBe('string')
      expect(typeof reply.json.refresh).toBe('string')
      const me = await get('/api/users/me/', reply.json.access)
      expect(Object.keys(reply.json.user).sort()).toEqual(Object.keys(me.json).sort())
      expect(reply.json.user.username).toBe('jane_smith')
      const john = await login('john_doe')
      const seen = await get('/api/chat/online-users/', john.access)
      expect(seen.json.online_users).toContain(reply.json.user.id)
    })

    it('login: a missing field is 400, wrong credentials 401 unauthorized', async () => {
      expectError(await post('/api/auth/login/', { username: 'john_doe' }), 400, 'invalid_field', 'password')
      expectError(await post('/api/auth/login/', { password: 'password' }), 400, 'invalid_field', 'username')
      expectError(await post('/api/auth/login/', { username: 'john_doe', password: 'nope' }), 401, 'unauthorized')
      expectError(await post('/api/auth/login/', { username: 'nobody_here', password: 'password' }), 401, 'unauthorized')
    })

    it('each login is its own session with its own token pair', async () => {
      const a = await login('john_doe')
      const b = await login('john_doe')
      expect(a.access).not.toBe(b.access)
      expect(a.refresh).not.toBe(b.refresh)
    })

    it('refresh answers {access}; an unknown or revoked refresh token is 401; refresh tokens live 7 days', async () => {
      const john = await login('john_doe')
      const reply = await post('/api/auth/refresh/', { refresh: john.refresh })
      expect(reply.status).toBe(200)
      expectKeys(reply.json, ['access'])
      expect((await get('/api/users/me/', reply.json.access)).status).toBe(200)
      expectError(await post('/api/auth/refresh/', { refresh: 'unknown' }), 401, 'unauthorized')
      await advance(6 * 86400)
      expect((await post('/api/auth/refresh/', { refresh: john.refresh })).status).toBe(200)
      await advance(86400 + 1)
      expectError(await post('/api/auth/refresh/', { refresh: john.refresh }), 401, 'unauthorized')
      const jane = await login('jane_smith')
      expect([200, 204]).toContain((await post('/api/auth/logout/', undefined, jane.access)).status)
      expectError(await post('/api/auth/refresh/', { refresh: jane.refresh }), 401, 'unauthorized')
    })

    it('a refresh is not a sign of life', async () => {
      const john = await login('john_doe')
      const jane = await login('jane_smith')
      const before = (await get('/api/users/online/', john.access)).json.find((u: Json) => u.id === jane.id)
      await advance(60)
      expect((await post('/api/auth/refresh/', { refresh: jane.refresh })).status).toBe(200)
      const after = (await get('/api/users/online/', john.access)).json.find((u: Json) => u.id === jane.id)
      expect(after.last_activity).toBe(before.last_activity)
    })

    it('access tokens expire after --token-ttl; an open socket outlives its token', async () => {
      const john = await login('john_doe')
      const { client } = await connect(john)
      await advance(901)
      expectError(await get('/api/users/me/', john.access), 401, 'unauthorized')
      expect(await framesBeforePong(client)).toBeDefined()
      const fresh = await post('/api/auth/refresh/', { refresh: john.refresh })
      expect((await get('/api/users/me/', fresh.json.access)).status).toBe(200)
    })

    for (const path of ['/api/auth/logout/', '/api/users/logout/']) {
      it(`${path} by bearer revokes that session only, closes its sockets with 4401 and announces offline at once`, async () => {
        const john = await login('john_doe')
        const jane = await login('jane_smith')
        const other = await login('jane_smith')
        const watcher = (await connect(john)).client
        const mine = (await connect(jane)).client
        const theirs = (await connect(other)).client
        const reply = await http('POST', path, { token: jane.access })
        expect([200, 204]).toContain(reply.status)
        expect(await mine.closed).toEqual({ code: 4401, reason: 'unauthorized' })
        expectError(await get('/api/users/me/', jane.access), 401, 'unauthorized')
        expectError(await post('/api/auth/refresh/', { refresh: jane.refresh }), 401, 'unauthorized')
        // the other session: its token works, its socket is open, and jane is still online for others (issue 491)
        expect((await get('/api/users/me/', other.access)).status).toBe(200)
        expect(theirs.isClosed).toBe(false)
        const seen = await framesBeforePong(watcher)
        expect(seen.filter((m) => changesOf(jane.id)(m) && m.user.status === 'offline')).toEqual([])
        // the last session logs out by refresh alone: offline at once, without waiting for a grace period
        expect([200, 204]).toContain((await post(path, { refresh: other.refresh })).status)
        expect((await theirs.closed).code).toBe(4401)
        const offline = await watcher.next(changesOf(jane.id))
        expect(offline.user.status).toBe('offline')
      })
    }

    it('logout by refresh alone works after the access token expired and is not a sign of life', async () => {
      const john = await login('john_doe')
      const jane = await login('jane_smith')
      const { client } = await connect(jane)
      await advance(901)
      const before = (await get('/api/users/online/', john.access)).json
      void before
      expect([200, 204]).toContain((await post('/api/users/logout/', { refresh: jane.refresh })).status)
      expect((await client.closed).code).toBe(4401)
      expectError(await post('/api/auth/refresh/', { refresh: jane.refresh }), 401, 'unauthorized')
      const fresh = await login('john_doe')
      const list = (await get('/api/users/online/', fresh.access)).json
      expect(list.find((u: Json) => u.id === jane.id)).toBeUndefined()
    })

    it('a logout by refresh alone does not move last seen (not a sign of life)', async () => {
      const admin = await login('admin')
      const a = await login('jane_smith')
      const b = await login('jane_smith')
      const before = (await get(`/api/users/admin/users/${a.id}/online-status/`, admin.access)).json.last_seen
      await advance(100)
      expect([200, 204]).toContain((await post('/api/users/logout/', { refresh: b.refresh })).status)
      const fresh = await login('admin')
      const after = (await get(`/api/users/admin/users/${a.id}/online-status/`, fresh.access)).json
      expect(after.last_seen).toBe(before)
    })

    it('logout without a bearer and with an unknown refresh is 401; an unknown refresh beside a valid bearer is ignored', async () => {
      expectError(await post('/api/auth/logout/', { refresh: 'unknown' }), 401, 'unauthorized')
      expectError(await post('/api/users/logout/', {}), 401, 'unauthorized')
      const jane = await login('jane_smith')
      const reply = await http('POST', '/api/auth/logout/', { token: jane.access, json: { refresh: 'unknown' } })
      expect([200, 204]).toContain(reply.status)
      expectError(await get('/api/users/me/', jane.access), 401, 'unauthorized')
    })

    it('public routes need no token: openapi.json, the avatars', async () => {
      const openapi = await get('/api/openapi.json')
      expect(openapi.status).toBe(200)
      const john = await login('john_doe')
      const avatar = await fetch(john.user.profile_image)
      expect(avatar.status).toBe(200)
      expect(avatar.headers.get('content-type') ?? '').toMatch(/^image\/svg\+xml/)
      expect(await avatar.text()).toContain('<svg')
    })
  })

  // ---- Section 3: REST shapes ----
  describe('REST endpoints (section 3)', () => {
    it('GET /api/chat/online-users/: both seeds in one body, the caller included, online_users = the ids of onlineUsers', async () => {
      const john = await login('john_doe')
      const jane = await login('jane_smith')
      const reply = await get('/api/chat/online-users/', john.access)
      expect(reply.status).toBe(200)
      expectKeys(reply.json, ['success', 'onlineUsers', 'online_users'])
      expect(reply.json.success).toBe(true)
      for (const user of reply.json.onlineUsers) {
        expectCamelView(user)
        expect(user.isOnline).toBe(true)
        expect(user.status).not.toBe('offline')
      }
      expect(reply.json.online_users).toEqual(reply.json.onlineUsers.map((u: Json) => u.id))
      expect(reply.json.online_users).toContain(john.id)
      expect(reply.json.online_users).toContain(jane.id)
    })

    it('GET /api/users/online/: an array ordered by id, the caller excluded, ?filter=friends keeps friends', async () => {
      const john = await login('john_doe')
      for (let id = 1; id <= 40; id++) await post(`/__mock__/users/${id}/presence`, { status: 'online' })
      const reply = await get('/api/users/online/', john.access)
      expect(reply.status).toBe(200)
      expect(Array.isArray(reply.json)).toBe(true)
      expect(reply.json.length).toBeGreaterThanOrEqual(24)
      for (const item of reply.json) {
        expectSnakeItem(item)
        expect(item.is_online).toBe(true)
      }
      const ids = reply.json.map((u: Json) => u.id)
      expect(ids).toEqual([...ids].sort((a: number, b: number) => a - b))
      expect(ids).not.toContain(john.id)
      const friends = await get('/api/users/online/?filter=friends', john.access)
      expect(friends.status).toBe(200)
      expect(friends.json.length).toBeGreaterThan(0)
      expect(friends.json.length).toBeLessThan(reply.json.length)
      for (const item of friends.json) expect(ids).toContain(item.id)
    })

    for (const path of ['/api/chat/heartbeat/', '/api/users/heartbeat/']) {
      it(`POST ${path}: {message, online_status, last_seen}, the body's timestamp ignored for presence`, async () => {
        const john = await login('john_doe')
        const jane = await login('jane_smith')
        const future = new Date(Date.now() + 10 * 86400_000).toISOString()
        const reply = await post(path, { timestamp: future }, jane.access)
        expect(reply.status).toBe(200)
        expectKeys(reply.json, ['message', 'online_status', 'last_seen'])
        expect(reply.json.message).toBe('Heartbeat recorded')
        expect(reply.json.online_status).toBe('online')
        expect(reply.json.last_seen).toMatch(ISO_UTC)
        expect(Date.parse(reply.json.last_seen)).toBeLessThan(Date.parse(future) - 86400_000)
        expect((await http('POST', path, { token: jane.access })).status).toBe(200)
        const { client } = await connect(john)
        await advance(301)
        const offline = await client.next(changesOf(jane.id))
        expect(offline.user.status).toBe('offline')
      })
    }

    it('POST /api/chat/mark-offline/: {success, online_status}; offline at once without a socket, online with one', async () => {
      const john = await login('john_doe')
      const jane = await login('jane_smith')
      const { client } = await connect(john)
      const reply = await post('/api/chat/mark-offline/', {}, jane.access)
      expect(reply.status).toBe(200)
      expectKeys(reply.json, ['success', 'online_status'])
      expect(reply.json).toEqual({ success: true, online_status: 'offline' })
      expect((await client.next(changesOf(jane.id))).user.status).toBe('offline')
      const janeSocket = await connect(jane)
      expect((await client.next(changesOf(jane.id))).user.status).toBe('online')
      const again = await post('/api/chat/mark-offline/', undefined, jane.access)
      expect(again.json).toEqual({ success: true, online_status: 'online' })
      void janeSocket
    })

    it('mark-offline cancels a running grace period at once', async () => {
      const john = await login('john_doe')
      const jane = await login('jane_smith')
      const watcher = (await connect(john)).client
      const { client } = await connect(jane)
      await watcher.next(changesOf(jane.id)) // devices: ["web"]
      client.close()
      await client.closed
      await post('/api/chat/mark-offline/', undefined, jane.access)
      const offline = await watcher.next((m) => changesOf(jane.id)(m) && m.user.status === 'offline')
      expect(offline.user.isOnline).toBe(false)
    })

    it('GET /api/chat/conversations/: most recent first, the shapes of the contract', async () => {
      const john = await login('john_doe')
      const reply = await get('/api/chat/conversations/', john.access)
      expect(reply.status).toBe(200)
      expect(reply.json.length).toBeGreaterThan(0)
      const times: number[] = []
      for (const conversation of reply.json) {
        expectKeys(conversation, ['id', 'other_user', 'last_message', 'unread_count'])
        // section 6: views gain idle and devices (a view without a message carries no status_expires_at)
        expectKeys(conversation.other_user, ['id', 'username', 'profile_image', 'is_online', 'online_status', 'last_seen', 'idle', 'devices'])
        expect(Number.isInteger(conversation.unread_count)).toBe(true)
        expectIsoOrNull(conversation.other_user.last_seen)
        const other = conversation.other_user
        expectConsistent(other.online_status, other.is_online, other.idle, other.devices, null, null)
        if (conversation.last_message !== null) {
          expectKeys(conversation.last_message, ['text', 'sent_at', 'sender_id'])
          expect(conversation.last_message.sent_at).toMatch(ISO_UTC)
          expect(Number.isInteger(conversation.last_message.sender_id)).toBe(true)
          times.push(Date.parse(conversation.last_message.sent_at))
        }
      }
      expect(times).toEqual([...times].sort((a, b) => b - a))
      // most recent first: no conversation without a message before one with a message
      const kinds = reply.json.map((c: Json) => c.last_message === null)
      expect(kinds).toEqual([...kinds].sort((a: boolean, b: boolean) => Number(a) - Number(b)))
    })

    it('GET /api/users/me/: the caller with every field (v2 last_seen_visibility included)', async () => {
      const john = await login('john_doe')
      const reply = await get('/api/users/me/', john.access)
      expect(reply.status).toBe(200)
      for (const key of ME) expect(reply.json, key).toHaveProperty(key)
      expect(reply.json.id).toBe(john.id)
      expect(reply.json.is_admin).toBe(false)
      expect(reply.json.mode).toBe('auto')
      expect(reply.json.online_status).toBe('online')
      expect(reply.json.last_seen_visibility).toBe('everyone')
      expect(reply.json.last_seen).toMatch(ISO_UTC)
      expect(new URL(reply.json.profile_image).origin).toBe(new URL(server.url).origin)
      expect((await get('/api/users/me/', (await login('admin')).access)).json.is_admin).toBe(true)
    })

    it('PATCH /api/users/me/status/: mode and message, validated, answered as /api/users/me/', async () => {
      const john = await login('john_doe')
      const me = (await get('/api/users/me/', john.access)).json
      for (const mode of ['away', 'dnd', 'invisible', 'auto']) {
        const reply = await patch('/api/users/me/status/', { mode }, john.access)
        expect(reply.status).toBe(200)
        expect(Object.keys(reply.json).sort()).toEqual(Object.keys(me).sort())
        expect(reply.json.mode).toBe(mode)
        expect(reply.json.online_status).toBe(mode === 'auto' ? 'online' : mode)
      }
      expectError(await patch('/api/users/me/status/', { mode: 'busy' }, john.access), 400, 'invalid_field', 'mode')
      expectError(await patch('/api/users/me/status/', { mode: 3 }, john.access), 400, 'invalid_field', 'mode')
      const emoji = '😀'.repeat(140)
      expect((await patch('/api/users/me/status/', { status_message: emoji }, john.access)).json.status_message).toBe(emoji)
      expectError(await patch('/api/users/me/status/', { status_message: 'x'.repeat(141) }, john.access), 400, 'invalid_field', 'status_message')
      expectError(await patch('/api/users/me/status/', { status_message: 42 }, john.access), 400, 'invalid_field', 'status_message')
      expect((await patch('/api/users/me/status/', { status_message: '' }, john.access)).json.status_message).toBeNull()
      expect((await patch('/api/users/me/status/', { status_message: 'lunch' }, john.access)).json.status_message).toBe('lunch')
      expect((await patch('/api/users/me/status/', { status_message: null }, john.access)).json.status_message).toBeNull()
    })

    it('GET /api/users/activity/: newest first, its entry shape, limit and filter validated and clamped', async () => {
      const john = await login('john_doe')
      const jane = await login('jane_smith')
      await patch('/api/users/me/status/', { mode: 'away' }, jane.access)
      await patch('/api/users/me/status/', { mode: 'dnd' }, jane.access)
      const reply = await get('/api/users/activity/', john.access)
      expect(reply.status).toBe(200)
      expect(reply.json.length).toBeLessThanOrEqual(50)
      for (const entry of reply.json) {
        expectKeys(entry, ['user', 'event', 'at'])
        expectKeys(entry.user, ['id', 'username'])
        expect(['online', 'offline', 'away', 'dnd']).toContain(entry.event)
        expect(entry.at).toMatch(ISO_UTC)
      }
      const times = reply.json.map((e: Json) => Date.parse(e.at))
      expect(times).toEqual([...times].sort((a: number, b: number) => b - a))
      const janes = reply.json.filter((e: Json) => e.user.id === jane.id).map((e: Json) => e.event)
      expect(janes.slice(0, 3)).toEqual(['dnd', 'away', 'online'])
      expect((await get('/api/users/activity/?limit=1', john.access)).json).toHaveLength(1)
      expect((await get('/api/users/activity/?limit=500', john.access)).status).toBe(200)
      expect((await get('/api/users/activity/?limit=99999999999999999999', john.access)).status).toBe(200)
      for (const limit of ['0', '-1', 'abc', '1.5', '']) {
        expectError(await get(`/api/users/activity/?limit=${limit}`, john.access), 400, 'invalid_field', 'limit')
      }
      expect((await get('/api/users/activity/?filter=friends', john.access)).status).toBe(200)
      expectError(await get('/api/users/activity/?filter=everyone', john.access), 400, 'invalid_field', 'filter')
    })

    it('activity: a message change is not logged', async () => {
      const john = await login('john_doe')
      const jane = await login('jane_smith')
      const before = (await get('/api/users/activity/?limit=200', john.access)).json
      await patch('/api/users/me/status/', { status_message: 'lunch' }, jane.access)
      expect((await get('/api/users/activity/?limit=200', john.access)).json).toEqual(before)
    })

    it('activity: limit above 200 is clamped to 200', async () => {
      const john = await login('john_doe')
      // 3 entries per cycle for enough history
      for (let round = 0; round < 2; round++) for (let id = 1; id <= 30; id++) {
        await post(`/__mock__/users/${id}/presence`, { status: 'away' })
        await post(`/__mock__/users/${id}/presence`, { status: 'dnd' })
        await post(`/__mock__/users/${id}/presence`, { status: 'offline' })
        await post(`/__mock__/users/${id}/presence`, { status: 'online' })
        await post(`/__mock__/users/${id}/presence`, { status: 'away' })
        await post(`/__mock__/users/${id}/presence`, { status: 'online' })
        await post(`/__mock__/users/${id}/presence`, { status: 'dnd' })
      }
      expect((await get('/api/users/activity/?limit=500', john.access)).json).toHaveLength(200)
      expect((await get('/api/users/activity/?limit=99999999999999999999', john.access)).json).toHaveLength(200)
      expect((await get('/api/users/activity/', john.access)).json).toHaveLength(50)
    })

    it('admin list: shape, order, pagination, clamping and validation; the admin included', async () => {
      const admin = await login('admin')
      for (let id = 1; id <= 40; id++) await post(`/__mock__/users/${id}/presence`, { status: 'online' })
      const defaults = await get('/api/users/admin/users/online/', admin.access)
      expect(defaults.json.pagination).toMatchObject({ page: 1, per_page: 50 })
      const reply = await get('/api/users/admin/users/online/?page=1&per_page=5', admin.access)
      expect(reply.status).toBe(200)
      expectKeys(reply.json, ['online_users', 'online_count', 'pagination'])
      expectKeys(reply.json.pagination, ['page', 'per_page', 'total', 'total_pages', 'has_next', 'has_previous'])
      const { pagination } = reply.json
      expect(pagination.page).toBe(1)
      expect(pagination.per_page).toBe(5)
      expect(pagination.total_pages).toBe(Math.ceil(pagination.total / 5))
      expect(pagination.has_next).toBe(true)
      expect(pagination.has_previous).toBe(false)
      expect(reply.json.online_users).toHaveLength(5)
      expect(reply.json.online_count).toBe(pagination.total)
      for (const item of reply.json.online_users) expectSnakeItem(item)
      const all = await get('/api/users/admin/users/online/?per_page=1000', admin.access)
      expect(all.json.pagination.per_page).toBe(100)
      const ids = all.json.online_users.map((u: Json) => u.id)
      expect(ids).toEqual([...ids].sort((a: number, b: number) => a - b))
      expect(ids).toContain(admin.id)
      const huge = await get('/api/users/admin/users/online/?per_page=99999999999999999999', admin.access)
      expect(huge.status).toBe(200)
      expect(huge.json.pagination.per_page).toBe(100)
      const past = await get('/api/users/admin/users/online/?page=999', admin.access)
      expect(past.status).toBe(200)
      expect(past.json.online_users).toEqual([])
      expect(past.json.pagination.has_previous).toBe(true)
      expect(past.json.pagination.has_next).toBe(false)
      const last = await get(`/api/users/admin/users/online/?per_page=5&page=${pagination.total_pages}`, admin.access)
      expect(last.json.pagination.has_next).toBe(false)
      for (const query of ['page=0', 'page=-1', 'page=abc', 'page=1.5', 'per_page=0', 'per_page=abc', 'per_page=-5']) {
        expectError(await get(`/api/users/admin/users/online/?${query}`, admin.access), 400, 'invalid_field', query.split('=')[0])
      }
    })

    it('admin status: GET shape; set-online-status online/away/offline, anything else 400', async () => {
      const admin = await login('admin')
      const jane = await login('jane_smith')
      const reply = await get(`/api/users/admin/users/${jane.id}/online-status/`, admin.access)
      expect(reply.status).toBe(200)
      expectKeys(reply.json, ADMIN_STATUS)
      expect(reply.json).toMatchObject({ user_id: jane.id, username: 'jane_smith', online_status: 'online', is_online: true })
      const away = await post(`/api/users/admin/users/${jane.id}/set-online-status/`, { status: 'away' }, admin.access)
      expect(away.status).toBe(200)
      expectKeys(away.json, ADMIN_STATUS)
      expect(away.json.online_status).toBe('away')
      expect((await get('/api/users/me/', jane.access)).json.mode).toBe('away')
      const online = await post(`/api/users/admin/users/${jane.id}/set-online-status/`, { status: 'online' }, admin.access)
      expect(online.json.online_status).toBe('online')
      const offline = await post(`/api/users/admin/users/${jane.id}/set-online-status/`, { status: 'offline' }, admin.access)
      expect(offline.json).toMatchObject({ online_status: 'offline', is_online: false })
      await connect(jane)
      const stays = await post(`/api/users/admin/users/${jane.id}/set-online-status/`, { status: 'offline' }, admin.access)
      expect(stays.json).toMatchObject({ online_status: 'online', is_online: true })
      for (const status of ['dnd', 'invisible', 'busy', 1, null]) {
        expectError(await post(`/api/users/admin/users/${jane.id}/set-online-status/`, { status }, admin.access), 400, 'invalid_field', 'status')
      }
      expectError(await post(`/api/users/admin/users/${jane.id}/set-online-status/`, {}, admin.access), 400, 'invalid_field', 'status')
    })

    it('admins see invisible users as they are; nobody else sees anything of them', async () => {
      const admin = await login('admin')
      const john = await login('john_doe')
      const jane = await login('jane_smith')
      await patch('/api/users/me/status/', { status_message: 'secret' }, jane.access)
      const watcher = (await connect(john)).client
      await patch('/api/users/me/status/', { mode: 'invisible' }, jane.access)
      const gone = await watcher.next(changesOf(jane.id))
      expect(gone.user).toMatchObject({ status: 'offline', isOnline: false, statusMessage: null, idle: false, devices: [], statusExpiresAt: null })
      const frozen = gone.user.lastSeen
      const status = await get(`/api/users/admin/users/${jane.id}/online-status/`, admin.access)
      expect(status.json).toMatchObject({ online_status: 'invisible', is_online: true })
      const list = (await get('/api/users/admin/users/online/?per_page=100', admin.access)).json.online_users
      expect(list.find((u: Json) => u.id === jane.id)).toMatchObject({ online_status: 'invisible', is_online: true, status_message: 'secret' })
      expect((await get('/api/chat/online-users/', john.access)).json.online_users).not.toContain(jane.id)
      expect((await get('/api/users/online/', john.access)).json.map((u: Json) => u.id)).not.toContain(jane.id)
      expect((await connect(john)).snapshot.onlineUsers.map((u: Json) => u.id)).not.toContain(jane.id)
      // activity while invisible reaches no one; the last seen others get stays frozen
      await advance(60)
      await post('/api/chat/heartbeat/', {}, jane.access)
      await patch('/api/users/me/status/', { status_message: 'still secret' }, jane.access)
      expect(await framesBeforePong(watcher)).toEqual([])
      const activity = (await get('/api/users/activity/?limit=200', john.access)).json.filter((e: Json) => e.user.id === jane.id)
      expect(activity[0].event).toBe('offline')
      const conversations = (await get('/api/chat/conversations/', john.access)).json
      const withJane = conversations.find((c: Json) => c.other_user.id === jane.id)
      if (withJane) expect(withJane.other_user).toMatchObject({ online_status: 'offline', is_online: false, last_seen: frozen })
      // the user sees themself as they are
      expect((await get('/api/users/me/', jane.access)).json.online_status).toBe('invisible')
      const own = (await connect(jane)).snapshot.onlineUsers.find((u: Json) => u.id === jane.id)
      expect(own.status).toBe('invisible')
    })

    it('GET /api/openapi.json: an OpenAPI 3.1 document with every route', async () => {
      const reply = await get('/api/openapi.json')
      expect(reply.json.openapi).toMatch(/^3\.1/)
      const paths = Object.keys(reply.json.paths).map((p) => p.replace(/\{[^}]+\}/g, '{}'))
      for (const path of [
        '/api/auth/login/', '/api/auth/refresh/', '/api/auth/logout/', '/api/users/logout/',
        '/api/chat/online-users/', '/api/users/online/', '/api/chat/heartbeat/', '/api/users/heartbeat/',
        '/api/chat/mark-offline/', '/api/chat/conversations/', '/api/users/me/', '/api/users/me/status/',
        '/api/users/activity/', '/api/users/admin/users/online/', '/api/users/admin/users/{}/online-status/',
        '/api/users/admin/users/{}/set-online-status/',
      ]) expect(paths, path).toContain(path)
    })

    it('CORS: preflights from local origins are answered; actual responses carry the origin; others get nothing', async () => {
      for (const origin of ['http://localhost:5173', 'http://127.0.0.1:6006', 'http://localhost', 'http://localhost:3000']) {
        const preflight = await http('OPTIONS', '/api/users/me/status/', {
          headers: { origin, 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'authorization,content-type' },
        })
        expect(preflight.status, origin).toBeLessThan(300)
        expect(preflight.headers.get('access-control-allow-origin')).toBe(origin)
        const methods = (preflight.headers.get('access-control-allow-methods') ?? '').toUpperCase()
        for (const method of ['GET', 'POST', 'PATCH']) expect(methods).toContain(method)
        const headers = (preflight.headers.get('access-control-allow-headers') ?? '').toLowerCase()
        expect(headers).toContain('authorization')
        expect(headers).toContain('content-type')
      }
      const john = await login('john_doe')
      const actual = await http('GET', '/api/users/me/', { token: john.access, headers: { origin: LOCAL_ORIGIN } })
      expect(actual.headers.get('access-control-allow-origin')).toBe(LOCAL_ORIGIN)
      const denied = await http('GET', '/api/users/me/', { headers: { origin: LOCAL_ORIGIN } })
      expect(denied.status).toBe(401)
      expect(denied.headers.get('access-control-allow-origin')).toBe(LOCAL_ORIGIN)
      const foreign = await http('OPTIONS', '/api/users/me/', {
        headers: { origin: 'http://evil.example', 'access-control-request-method': 'GET' },
      })
      expect(foreign.headers.get('access-control-allow-origin')).toBeNull()
      const foreignGet = await http('GET', '/api/users/me/', { token: john.access, headers: { origin: 'http://localhost.evil.example' } })
      expect(foreignGet.headers.get('access-control-allow-origin')).toBeNull()
    })
  })

  // ---- Section 1: the presence model, over the wire ----
  describe('presence model (section 1)', () => {
    it('a TTL that ran out is pushed after a clock advance and logged at the moment it ran out', async () => {
      const john = await login('john_doe')
      const jane = await login('jane_smith')
      const lastSeen = (await get('/api/users/online/', john.access)).json.find((u: Json) => u.id === jane.id).last_seen
      const { client } = await connect(john)
      await advance(86400 + 10) // a day and ten seconds: the whole duration counts
      const offline = await client.next(changesOf(jane.id))
      expect(offline.user.status).toBe('offline')
      expect(offline.user.lastSeen).toBe(lastSeen)
      const fresh = await login('ahmad')
      const entry = (await get('/api/users/activity/?limit=200', fresh.access)).json.find((e: Json) => e.user.id === jane.id)
      expect(entry.event).toBe('offline')
      expect(Date.parse(entry.at) - Date.parse(lastSeen)).toBe(300_000)
    })

    it('two tabs: closing one keeps the user online; the last one closed, offline only after the grace period', async () => {
      const john = await login('john_doe')
      const jane = await login('jane_smith')
      const watcher = (await connect(john)).client
      const first = (await connect(jane)).client
      const second = (await connect(jane)).client
      await post('/api/chat/mark-offline/', undefined, jane.access) // the sockets alone keep her online
      first.close()
      await first.closed
      await advance(3)
      expect((await framesBeforePong(watcher)).filter((m) => changesOf(jane.id)(m) && m.user.status === 'offline')).toEqual([])
      second.close()
      await second.closed
      expect((await framesBeforePong(watcher)).filter((m) => changesOf(jane.id)(m) && m.user.status === 'offline')).toEqual([])
      await advance(3)
      expect((await watcher.next((m) => changesOf(jane.id)(m) && m.user.status === 'offline')).user.isOnline).toBe(false)
    })

    it('grace: a new connection during the grace period cancels it, and no status event is sent', async () => {
      const john = await login('john_doe')
      const jane = await login('jane_smith')
      const watcher = (await connect(john)).client
      const first = (await connect(jane)).client
      await post('/api/chat/mark-offline/', undefined, jane.access)
      await framesBeforePong(watcher)
      first.close()
      await first.closed
      await connect(jane)
      await advance(3)
      const seen = (await framesBeforePong(watcher)).filter(changesOf(jane.id))
      expect(seen.filter((m) => m.user.status !== 'online')).toEqual([])
    })

    it('a socket does not extend REST presence: open socket, TTL over, still online; closed, offline after grace', async () => {
      const john = await login('john_doe')
      const jane = await login('jane_smith')
      const watcher = (await connect(john)).client
      const { client } = await connect(jane)
      await advance(400)
      // john's own REST presence ran out too; his socket keeps him
      expect((await framesBeforePong(watcher)).filter((m) => changesOf(jane.id)(m) && m.user.status === 'offline')).toEqual([])
      client.close()
      await client.closed
      await advance(3)
      expect((await watcher.next((m) => changesOf(jane.id)(m) && m.user.status === 'offline')).user.status).toBe('offline')
    })
  })

  // ---- Section 4: the WebSocket ----
  describe('WebSocket (section 4)', () => {
    for (const path of ['/ws/user-status/', '/ws/chat/']) {
      it(`${path}: the first frame is the snapshot of every user not offline, the caller included`, async () => {
        const jane = await login('jane_smith')
        const john = await login('john_doe')
        const { snapshot } = await connect(john, '', path)
        expectKeys(snapshot, ['type', 'onlineUsers'])
        for (const user of snapshot.onlineUsers) {
          expectCamelView(user)
          expect(user.status).not.toBe('offline')
          expect(user.isOnline).toBe(true)
        }
        const ids = snapshot.onlineUsers.map((u: Json) => u.id)
        expect(ids).toContain(john.id)
        expect(ids).toContain(jane.id)
      })
    }

    it('user.status.changed: to others and to the own sockets, with the full view', async () => {
      const john = await login('john_doe')
      const jane = await login('jane_smith')
      const watcher = (await connect(john)).client
      const own = (await connect(jane)).client
      await watcher.next(changesOf(jane.id)) // devices: ["web"]
      await patch('/api/users/me/status/', { mode: 'away', status_message: 'lunch' }, jane.access)
      const event = await watcher.next(changesOf(jane.id))
      expectKeys(event, ['type', 'user'])
      expectCamelView(event.user)
      expect(event.user).toMatchObject({ status: 'away', statusMessage: 'lunch', isOnline: true, username: 'jane_smith' })
      const mine = await own.next(changesOf(jane.id))
      expect(mine.user).toMatchObject({ status: 'away', statusMessage: 'lunch' })
    })

    it('a change of lastSeen alone sends nothing', async () => {
      const john = await login('john_doe')
      const jane = await login('jane_smith')
      const watcher = (await connect(john)).client
      await advance(30)
      await post('/api/chat/heartbeat/', undefined, jane.access)
      expect(await framesBeforePong(watcher)).toEqual([])
    })

    it('each connection gets the events in the order they happened; the final state is never dropped', async () => {
      const john = await login('john_doe')
      const jane = await login('jane_smith')
      const ahmad = await login('ahmad')
      const watcher = (await connect(john)).client
      await patch('/api/users/me/status/', { mode: 'away' }, jane.access)
      await patch('/api/users/me/status/', { mode: 'away' }, ahmad.access)
      await patch('/api/users/me/status/', { mode: 'auto' }, jane.access)
      await patch('/api/users/me/status/', { mode: 'dnd' }, jane.access)
      const events = []
      while (events.length < 2 || events.at(-1).user.id !== jane.id || events.at(-1).user.status !== 'dnd') {
        events.push(await watcher.next((m) => m.type === 'user.status.changed'))
      }
      const firstJane = events.findIndex((m) => m.user.id === jane.id)
      const firstAhmad = events.findIndex((m) => m.user.id === ahmad.id)
      expect(firstJane).toBeLessThan(firstAhmad)
      expect(events[firstJane].user.status).toBe('away')
      expect(await framesBeforePong(watcher)).toEqual([])
    })

    it('ping → pong with the server time (the mock clock included); a ping is a sign of life', async () => {
      const john = await login('john_doe')
      const jane = await login('jane_smith')
      const { client } = await connect(jane)
      await advance(500)
      const sentAt = Date.now()
      client.send({ type: 'ping' })
      const pong = await client.next((m) => m.type === 'pong')
      expectKeys(pong, ['type', 'ts'])
      expect(pong.ts).toMatch(ISO_UTC)
      expect(Math.abs(Date.parse(pong.ts) - (sentAt + 500_000))).toBeLessThan(5000)
      const item = (await get('/api/users/online/', john.access)).json.find((u: Json) => u.id === jane.id)
      expect(Math.abs(Date.parse(item.last_activity) - Date.parse(pong.ts))).toBeLessThan(1000)
    })

    it('a status frame acts as PATCH; its user.status.changed is the acknowledgement; a no-op gets no reply', async () => {
      const john = await login('john_doe')
      const jane = await login('jane_smith')
      const watcher = (await connect(john)).client
      const { client } = await connect(jane)
      client.send({ type: 'status', mode: 'dnd', statusMessage: 'focus' })
      const ack = await client.next(changesOf(jane.id))
      expect(ack.user).toMatchObject({ status: 'dnd', statusMessage: 'focus' })
      expect((await watcher.next((m) => changesOf(jane.id)(m) && m.user.status === 'dnd')).user.statusMessage).toBe('focus')
      expect((await get('/api/users/me/', jane.access)).json).toMatchObject({ mode: 'dnd', status_message: 'focus' })
      client.send({ type: 'status', mode: 'dnd' })
      client.send({ type: 'status', statusMessage: 'focus' })
      expect(await framesBeforePong(client)).toEqual([])
    })

    it('a valid status frame is a sign of life', async () => {
      const john = await login('john_doe')
      const jane = await login('jane_smith')
      const { client } = await connect(jane)
      await advance(500)
      client.send({ type: 'status', mode: 'auto' })
      const pongTs = (await (async () => {
        client.send({ type: 'ping' })
        return client.next((m) => m.type === 'pong')
      })()).ts
      const item = (await get('/api/users/online/', john.access)).json.find((u: Json) => u.id === jane.id)
      expect(Math.abs(Date.parse(item.last_activity) - Date.parse(pongTs))).toBeLessThan(1000)
    })

    it('a bad frame gets {type: "error", code: "bad_message"} and the connection stays open', async () => {
      const jane = await login('jane_smith')
      const { client } = await connect(jane)
      for (const frame of [
        '{not json',
        '42',
        '"text"',
        'null',
        '[]',
        JSON.stringify({}),
        JSON.stringify({ type: 'nope' }),
        JSON.stringify({ type: 'status', mode: 'busy' }),
        JSON.stringify({ type: 'status', statusMessage: 'x'.repeat(141) }),
        JSON.stringify({ type: 'status', statusMessage: 7 }),
        JSON.stringify({ type: 'status', idle: 'yes' }),
        JSON.stringify({ type: 'status', statusMessage: 'lunch', statusExpiresAt: '2000-01-01T00:00:00Z' }),
        JSON.stringify({ type: 'status', statusMessage: 'lunch', statusExpiresAt: 'tomorrow' }),
      ]) {
        client.send(frame)
        const error = await client.next()
        expect(error.type, frame).toBe('error')
        expectKeys(error, ['type', 'code', 'message'])
        expect(error.code).toBe('bad_message')
        expect(typeof error.message).toBe('string')
      }
      expect(await framesBeforePong(client)).toEqual([])
      expect(client.isClosed).toBe(false)
    })

    it('a frame over 16 KiB closes with 1009', async () => {
      const jane = await login('jane_smith')
      const { client } = await connect(jane)
      client.send(JSON.stringify({ type: 'ping', pad: 'x'.repeat(17 * 1024) }))
      expect((await client.closed).code).toBe(1009)
    })

    it('a frame just under 16 KiB is read (an error, not a close)', async () => {
      const jane = await login('jane_smith')
      const { client } = await connect(jane)
      client.send(JSON.stringify({ type: 'nope', pad: 'x'.repeat(15 * 1024) }))
      expect((await client.next()).code).toBe('bad_message')
    })

    it('more than the token bucket allows (burst 40, 20 a second) closes with 1008', async () => {
      const jane = await login('jane_smith')
      const { client } = await connect(jane)
      for (let i = 0; i < 80; i++) client.send({ type: 'ping' })
      expect((await client.closed).code).toBe(1008)
    })

    it('a burst of 30 frames is within the bucket', async () => {
      const jane = await login('jane_smith')
      const { client } = await connect(jane)
      for (let i = 0; i < 30; i++) client.send({ type: 'ping' })
      for (let i = 0; i < 30; i++) await client.next((m) => m.type === 'pong')
      expect(client.isClosed).toBe(false)
    })

    it('a missing, unknown, expired or revoked token: the upgrade is accepted, nothing is sent, close 4401 unauthorized', async () => {
      const expired = await login('john_doe')
      const revoked = await login('jane_smith')
      await post('/api/auth/logout/', undefined, revoked.access)
      await advance(901)
      for (const token of [undefined, '', 'garbage', expired.access, revoked.access]) {
        const client = open('/ws/user-status/', token)
        expect(await client.closed, String(token)).toEqual({ code: 4401, reason: 'unauthorized' })
        expect(client.received).toEqual([])
      }
      const chat = open('/ws/chat/', 'garbage')
      expect(await chat.closed).toEqual({ code: 4401, reason: 'unauthorized' })
    })
  })

  // ---- Section 5: the mock's controls ----
  describe("the mock's controls (section 5, 6.5)", () => {
    it('reset: the seeded state back, every token dropped, every socket closed with 4401', async () => {
      const jane = await login('jane_smith')
      await patch('/api/users/me/status/', { mode: 'dnd', status_message: 'x' }, jane.access)
      const { client } = await connect(jane)
      const reply = await post('/__mock__/reset')
      expect(reply.status).toBeLessThan(300)
      expect(await client.closed).toEqual({ code: 4401, reason: 'unauthorized' })
      expectError(await get('/api/users/me/', jane.access), 401, 'unauthorized')
      expectError(await post('/api/auth/refresh/', { refresh: jane.refresh }), 401, 'unauthorized')
      const again = await login('jane_smith')
      expect(again.user).toMatchObject({ mode: 'auto', status_message: null })
    })

    it('reset brings the real clock back', async () => {
      await advance(86400 * 10)
      await post('/__mock__/reset')
      const jane = await login('jane_smith')
      expect(Math.abs(Date.parse(jane.user.last_seen) - Date.now())).toBeLessThan(5000)
    })

    it('clock: advanceSeconds moves the clock; bad values and advances past 100 years are 400', async () => {
      await advance(3600)
      const jane = await login('jane_smith')
      expect(Math.abs(Date.parse(jane.user.last_seen) - (Date.now() + 3600_000))).toBeLessThan(5000)
      for (const body of [{}, { advanceSeconds: 'x' }, { advanceSeconds: -1 }, { advanceSeconds: null }, { advanceSeconds: 101 * 365 * 86400 }]) {
        expectError(await post('/__mock__/clock', body), 400, 'invalid_field', 'advanceSeconds')
      }
    })

    it('presence control: online, away, dnd, invisible, offline act as the user; anything else is 400', async () => {
      const john = await login('john_doe')
      const jane = (await post('/api/auth/login/', { username: 'jane_smith', password: 'password' })).json.user
      await post('/api/chat/mark-offline/', undefined, (await login('jane_smith')).access)
      const watcher = (await connect(john)).client
      for (const [status, seen] of [['online', 'online'], ['away', 'away'], ['dnd', 'dnd'], ['invisible', 'offline'], ['online', 'online'], ['offline', 'offline']]) {
        expect((await post(`/__mock__/users/${jane.id}/presence`, { status })).status, status).toBeLessThan(300)
        expect((await watcher.next(changesOf(jane.id))).user.status, status).toBe(seen)
      }
      for (const status of ['busy', 3, null]) {
        expectError(await post(`/__mock__/users/${jane.id}/presence`, { status }), 400, 'invalid_field', 'status')
      }
    })

    it('controls take a body only as application/json (403 otherwise) and answer only local origins', async () => {
      expectError(await http('POST', '/__mock__/reset', { body: 'x=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 403, 'forbidden')
      expectError(await http('POST', '/__mock__/clock', { body: '{"advanceSeconds":1}', headers: { 'content-type': 'text/plain' } }), 403, 'forbidden')
      expectError(await http('POST', '/__mock__/reset', { headers: { origin: 'http://evil.example' } }), 403, 'forbidden')
      expect((await http('POST', '/__mock__/reset', { headers: { origin: LOCAL_ORIGIN } })).status).toBeLessThan(300)
      expect((await http('POST', '/__mock__/reset')).status).toBeLessThan(300)
    })

    it('the seeded cast: 24+ demo users and an admin, password "password", avatars as SVG', async () => {
      for (const name of ['john_doe', 'jane_smith', 'ahmad', 'admin']) await login(name)
      const admin = await login('admin')
      for (let id = 1; id <= 60; id++) await post(`/__mock__/users/${id}/presence`, { status: 'online' })
      const all = (await get('/api/users/admin/users/online/?per_page=100', admin.access)).json.online_users
      expect(all.length).toBeGreaterThanOrEqual(25)
      expect(new Set(all.map((u: Json) => u.username)).size).toBe(all.length)
    })
  })

  // ---- Section 6: version 2 ----
  describe('version 2 (section 6)', () => {
    it('6.1 idle by socket: the only connection idle → away with idle: true; active → online; both logged', async () => {
      const john = await login('john_doe')
      const jane = await login('jane_smith')
      const watcher = (await connect(john)).client
      const { client } = await connect(jane)
      await post('/api/chat/mark-offline/', undefined, jane.access)
      await framesBeforePong(watcher)
      client.send({ type: 'status', idle: true })
      const away = await watcher.next(changesOf(jane.id))
      expect(away.user).toMatchObject({ status: 'away', idle: true, isOnline: true })
      expect((await client.next(changesOf(jane.id))).user.idle).toBe(true)
      const item = (await get('/api/users/online/', john.access)).json.find((u: Json) => u.id === jane.id)
      expect(item).toMatchObject({ online_status: 'away', idle: true })
      client.send({ type: 'status', idle: false })
      expect((await watcher.next(changesOf(jane.id))).user).toMatchObject({ status: 'online', idle: false })
      const log = (await get('/api/users/activity/', john.access)).json.filter((e: Json) => e.user.id === jane.id)
      expect(log.slice(0, 2).map((e: Json) => e.event)).toEqual(['online', 'away'])
    })

    it('6.1 idle needs every source idle: a fresh REST presence or a second connection keeps the user active', async () => {
      const john = await login('john_doe')
      const jane = await login('jane_smith')
      const watcher = (await connect(john)).client
      const { client } = await connect(jane)
      client.send({ type: 'status', idle: true })
      expect((await framesBeforePong(watcher)).filter((m) => changesOf(jane.id)(m) && m.user.status === 'away')).toEqual([])
      const patched = await patch('/api/users/me/status/', { idle: true }, jane.access)
      expect(patched.status).toBe(200)
      expect((await watcher.next(changesOf(jane.id))).user).toMatchObject({ status: 'away', idle: true })
      await connect(jane) // a connection that never reported counts as active
      expect((await watcher.next(changesOf(jane.id))).user).toMatchObject({ status: 'online', idle: false })
      expectError(await patch('/api/users/me/status/', { idle: 'yes' }, jane.access), 400, 'invalid_field', 'idle')
    })

    it('6.1 a chosen away stays away; offline and invisible users are seen with idle: false', async () => {
      const john = await login('john_doe')
      const jane = await login('jane_smith')
      await patch('/api/users/me/status/', { idle: true }, jane.access)
      const item = (await get('/api/users/online/', john.access)).json.find((u: Json) => u.id === jane.id)
      expect(item).toMatchObject({ online_status: 'away', idle: true })
      const watcher = (await connect(john)).client
      await patch('/api/users/me/status/', { mode: 'invisible' }, jane.access)
      expect((await watcher.next(changesOf(jane.id))).user).toMatchObject({ status: 'offline', idle: false })
    })

    it('6.2 devices: ?device= kinds, sorted and distinct, default and unknown are web, [] for REST only; not logged', async () => {
      const john = await login('john_doe')
      const jane = await login('jane_smith')
      const watcher = (await connect(john)).client
      const rest = (await get('/api/users/online/', john.access)).json.find((u: Json) => u.id === jane.id)
      expect(rest.devices).toEqual([])
      const before = (await get('/api/users/activity/?limit=200', john.access)).json
      await connect(jane, '&device=mobile')
      expect((await watcher.next(changesOf(jane.id))).user.devices).toEqual(['mobile'])
      await connect(jane, '&device=desktop')
      expect((await watcher.next(changesOf(jane.id))).user.devices).toEqual(['desktop', 'mobile'])
      await connect(jane, '&device=toaster')
      expect((await watcher.next(changesOf(jane.id))).user.devices).toEqual(['desktop', 'mobile', 'web'])
      await connect(jane, '&device=mobile')
      expect(await framesBeforePong(watcher)).toEqual([])
      const own = (await connect(jane, '&device=web')).snapshot.onlineUsers.find((u: Json) => u.id === jane.id)
      expect(own.devices).toEqual(['desktop', 'mobile', 'web'])
      expect((await get('/api/users/activity/?limit=200', john.access)).json).toEqual(before)
      const admin = await login('admin')
      await connect(admin)
      expect((await get('/api/users/online/', john.access)).json.find((u: Json) => u.id === admin.id).devices).toEqual(['web'])
    })

    it('6.2 others see devices [] for an invisible user', async () => {
      const john = await login('john_doe')
      const jane = await login('jane_smith')
      await connect(jane, '&device=mobile')
      await patch('/api/users/me/status/', { mode: 'invisible' }, jane.access)
      const { snapshot } = await connect(john)
      expect(snapshot.onlineUsers.map((u: Json) => u.id)).not.toContain(jane.id)
      const admin = await login('admin')
      const seen = (await get('/api/users/admin/users/online/', admin.access)).json.online_users.find((u: Json) => u.id === jane.id)
      expect(seen.devices).toEqual(['mobile'])
    })

    it('6.3 status expiry: set with a message, pushed as null when the clock passes it, both naming styles', async () => {
      const john = await login('john_doe')
      const jane = await login('jane_smith')
      const watcher = (await connect(john)).client
      const at = new Date(Date.now() + 60_000).toISOString()
      const reply = await patch('/api/users/me/status/', { status_message: 'lunch', status_expires_at: at }, jane.access)
      expect(reply.status).toBe(200)
      expect(Date.parse(reply.json.status_expires_at)).toBe(Date.parse(at))
      const set = await watcher.next(changesOf(jane.id))
      expect(Date.parse(set.user.statusExpiresAt)).toBe(Date.parse(at))
      const item = (await get('/api/users/online/', john.access)).json.find((u: Json) => u.id === jane.id)
      expect(Date.parse(item.status_expires_at)).toBe(Date.parse(at))
      await advance(61)
      const expired = await watcher.next(changesOf(jane.id))
      expect(expired.user).toMatchObject({ statusMessage: null, statusExpiresAt: null })
      expect((await get('/api/users/me/', jane.access)).json).toMatchObject({ status_message: null, status_expires_at: null })
    })

    it('6.3 a new message without expiry clears it; a past time or nothing to expire is 400; the socket frame takes it', async () => {
      const jane = await login('jane_smith')
      const at = new Date(Date.now() + 60_000).toISOString()
      await patch('/api/users/me/status/', { status_message: 'lunch', status_expires_at: at }, jane.access)
      expect((await patch('/api/users/me/status/', { status_message: 'back' }, jane.access)).json.status_expires_at).toBeNull()
      expectError(await patch('/api/users/me/status/', { status_message: 'x', status_expires_at: '2000-01-01T00:00:00Z' }, jane.access), 400, 'invalid_field', 'status_expires_at')
      expectError(await patch('/api/users/me/status/', { status_message: null, status_expires_at: at }, jane.access), 400, 'invalid_field', 'status_expires_at')
      expectError(await patch('/api/users/me/status/', { status_message: 'x', status_expires_at: 'soon' }, jane.access), 400, 'invalid_field', 'status_expires_at')
      await patch('/api/users/me/status/', { status_message: null }, jane.access)
      expectError(await patch('/api/users/me/status/', { status_expires_at: at }, jane.access), 400, 'invalid_field', 'status_expires_at')
      const { client } = await connect(jane)
      client.send({ type: 'status', statusMessage: 'meeting', statusExpiresAt: at })
      const ack = await client.next(changesOf(jane.id))
      expect(ack.user.statusMessage).toBe('meeting')
      expect(Date.parse(ack.user.statusExpiresAt)).toBe(Date.parse(at))
      client.send({ type: 'status', statusExpiresAt: null })
      expect((await client.next(changesOf(jane.id))).user.statusExpiresAt).toBeNull()
    })

    it('6.4 last_seen_visibility: nobody hides last seen from others everywhere; admins and the user see it', async () => {
      const john = await login('john_doe')
      const jane = await login('jane_smith')
      const admin = await login('admin')
      const watcher = (await connect(john)).client
      expect((await patch('/api/users/me/status/', { last_seen_visibility: 'nobody' }, jane.access)).json.last_seen_visibility).toBe('nobody')
      expect((await get('/api/users/me/', jane.access)).json).toMatchObject({ last_seen_visibility: 'nobody' })
      expect((await get('/api/users/me/', jane.access)).json.last_seen).toMatch(ISO_UTC)
      const item = (await get('/api/users/online/', john.access)).json.find((u: Json) => u.id === jane.id)
      expect(item).toMatchObject({ last_seen: null, last_activity: null, is_online: true })
      const camel = (await get('/api/chat/online-users/', john.access)).json.onlineUsers.find((u: Json) => u.id === jane.id)
      expect(camel.lastSeen).toBeNull()
      const snapshot = (await connect(john)).snapshot.onlineUsers.find((u: Json) => u.id === jane.id)
      expect(snapshot.lastSeen).toBeNull()
      await patch('/api/users/me/status/', { mode: 'away' }, jane.access)
      expect((await watcher.next(changesOf(jane.id))).user.lastSeen).toBeNull()
      const conversations = (await get('/api/chat/conversations/', john.access)).json
      const withJane = conversations.find((c: Json) => c.other_user.id === jane.id)
      if (withJane) expect(withJane.other_user.last_seen).toBeNull()
      const own = (await connect(jane)).snapshot.onlineUsers.find((u: Json) => u.id === jane.id)
      expect(own.lastSeen).toMatch(ISO_UTC)
      expect((await get(`/api/users/admin/users/${jane.id}/online-status/`, admin.access)).json.last_seen).toMatch(ISO_UTC)
      const adminItem = (await get('/api/users/admin/users/online/', admin.access)).json.online_users.find((u: Json) => u.id === jane.id)
      expect(adminItem.last_seen).toMatch(ISO_UTC)
      expect(adminItem.last_activity).toMatch(ISO_UTC)
      expectError(await patch('/api/users/me/status/', { last_seen_visibility: 'some' }, jane.access), 400, 'invalid_field', 'last_seen_visibility')
    })

    it('6.4 friends: friends see last seen, others do not', async () => {
      const john = await login('john_doe')
      for (let id = 1; id <= 40; id++) await post(`/__mock__/users/${id}/presence`, { status: 'online' })
      const friends = (await get('/api/users/online/?filter=friends', john.access)).json.map((u: Json) => u.id)
      const everyone = (await get('/api/users/online/', john.access)).json.map((u: Json) => u.id)
      const stranger = everyone.find((id: number) => !friends.includes(id))
      expect(stranger).toBeDefined()
      const friendId = friends[0]
      // find the usernames to log them in
      const admin = await login('admin')
      const names = new Map<number, string>((await get('/api/users/admin/users/online/?per_page=100', admin.access)).json.online_users.map((u: Json) => [u.id, u.username]))
      const friend = await login(names.get(friendId)!)
      const other = await login(names.get(stranger)!)
      await patch('/api/users/me/status/', { last_seen_visibility: 'friends' }, john.access)
      const seenByFriend = (await get('/api/users/online/', friend.access)).json.find((u: Json) => u.id === john.id)
      expect(seenByFriend.last_seen).toMatch(ISO_UTC)
      const seenByOther = (await get('/api/users/online/', other.access)).json.find((u: Json) => u.id === john.id)
      expect(seenByOther.last_seen).toBeNull()
      expect(seenByOther.is_online).toBe(true)
    })
  })
})

describe('presence contract, the edges', () => {
  beforeEach(async () => {
    await start()
  })
  afterEach(stop)

  const rawBody = async (path: string, body: string, headers: Record<string, string>) => {
    const response = await fetch(server.url.replace(/\/$/, '') + path, { method: 'POST', headers, body })
    const text = await response.text()
    return { status: response.status, headers: response.headers, text, json: text ? JSON.parse(text) : undefined }
  }

  it('413 also for a chunked body without a Content-Length (section 3)', async () => {
    const john = await login('john_doe')
    const chunk = new TextEncoder().encode('x'.repeat(8192))
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 10) controller.enqueue(chunk)
        else controller.close()
      },
    })
    const response = await fetch(server.url.replace(/\/$/, '') + '/api/users/me/status/', {
      method: 'PATCH',
      headers: { authorization: `Bearer ${john.access}`, 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit)
    const text = await response.text()
    expectError({ status: response.status, headers: response.headers, text, json: JSON.parse(text) }, 413, 'payload_too_large')
  })

  it('a body that is JSON but not an object is a 400 (section 3)', async () => {
    const john = await login('john_doe')
    for (const body of ['[]', '"x"', 'null', '42']) {
      const reply = await http('PATCH', '/api/users/me/status/', { token: john.access, body })
      expect(reply.status, body).toBe(400)
      expect(['invalid_json', 'invalid_field']).toContain(reply.json.error.code)
    }
    expectError(await post('/api/auth/login/', { username: 3, password: 'password' }), 400, 'invalid_field', 'username')
  })

  it('CORS: https, look-alike and other hosts are not local origins; errors and controls carry the header too', async () => {
    for (const origin of ['https://localhost:5173', 'http://[::1]:5173', 'http://localhost.evil.example', 'http://127.0.0.1.evil.example', 'http://evil.example:5173', 'null']) {
      const reply = await http('OPTIONS', '/api/users/me/', { headers: { origin, 'access-control-request-method': 'GET' } })
      expect(reply.headers.get('access-control-allow-origin'), origin).toBeNull()
    }
    const notFound = await http('GET', '/api/nope/', { headers: { origin: LOCAL_ORIGIN } })
    expect(notFound.headers.get('access-control-allow-origin')).toBe(LOCAL_ORIGIN)
    const preflight = await http('OPTIONS', '/__mock__/clock', {
      headers: { origin: 'http://localhost:6006', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    })
    expect(preflight.status).toBeLessThan(300)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:6006')
    const control = await http('POST', '/__mock__/clock', { json: { advanceSeconds: 1 }, headers: { origin: 'http://localhost:6006' } })
    expect(control.status).toBeLessThan(300)
    expect(control.headers.get('access-control-allow-origin')).toBe('http://localhost:6006')
  })

  it('controls: Origin "null" and foreign origins are 403; a JSON body with a charset is fine; other types are 403 before 413', async () => {
    expectError(await http('POST', '/__mock__/reset', { headers: { origin: 'null' } }), 403, 'forbidden')
    expectError(await http('POST', '/__mock__/clock', { json: { advanceSeconds: 1 }, headers: { origin: 'https://localhost:5173' } }), 403, 'forbidden')
    const charset = await rawBody('/__mock__/clock', '{"advanceSeconds":1}', { 'content-type': 'application/json; charset=utf-8' })
    expect(charset.status).toBeLessThan(300)
    expectError(await rawBody('/__mock__/clock', 'x'.repeat(70 * 1024), { 'content-type': 'text/plain' }), 403, 'forbidden')
    expectError(await rawBody('/__mock__/clock', '{"advanceSeconds":1}', { 'content-type': 'multipart/form-data; boundary=x' }), 403, 'forbidden')
    expectError(await rawBody('/__mock__/clock', '{"advanceSeconds":1}', { 'content-type': 'application/jsonp' }), 403, 'forbidden')
  })

  it('clock: a string is not a number of seconds; the 100-year limit counts earlier advances', async () => {
    expectError(await post('/__mock__/clock', { advanceSeconds: '5' }), 400, 'invalid_field', 'advanceSeconds')
    // one advance of 60 years stays inside the 100 (section 6.5 limits where the clock ends up, not one step)
    await advance(60 * 365 * 86400)
    expectError(await post('/__mock__/clock', { advanceSeconds: 60 * 365 * 86400 }), 400, 'invalid_field', 'advanceSeconds')
    await post('/__mock__/reset')
    expectError(await post('/__mock__/clock', { advanceSeconds: 101 * 365 * 86400 }), 400, 'invalid_field', 'advanceSeconds')
    expectError(await post('/__mock__/clock', { advanceSeconds: 1e300 }), 400, 'invalid_field', 'advanceSeconds')
    expect((await post('/__mock__/clock', { advanceSeconds: 99 * 365 * 86400 })).status).toBe(200)
  })

  it('after an advance, the resulting events are pushed before the control replies (section 1, Time)', async () => {
    const john = await login('john_doe')
    const jane = await login('jane_smith')
    const watcher = (await connect(john)).client
    await advance(301)
    const before = await framesBeforePong(watcher, false)
    expect(before.filter(changesOf(jane.id)).map((m) => m.user.status)).toEqual(['offline'])
  })

  it('events after an advance come in the order they happened, whatever the user ids', async () => {
    const john = await login('john_doe')
    const ahmad = await login('ahmad') // REST presence runs out at +300 s
    const jane = await login('jane_smith')
    await connect(jane) // keeps jane online
    await patch('/api/users/me/status/', { status_message: 'lunch', status_expires_at: new Date(Date.now() + 200_000).toISOString() }, jane.access)
    const watcher = (await connect(john)).client
    await advance(400)
    const events = (await framesBeforePong(watcher)).filter((m) => changesOf(jane.id)(m) || changesOf(ahmad.id)(m))
    expect(events.map((m) => [m.user.username, m.user.status, m.user.statusMessage])).toEqual([
      ['jane_smith', 'online', null],
      ['ahmad', 'offline', null],
    ])
    expect(ahmad.id).toBeLessThan(jane.id) // so that an evaluation in id order would get it wrong
  })

  it('a grace period that ran out is logged at the moment it ran out, not at the advance', async () => {
    const john = await login('john_doe')
    const jane = await login('jane_smith')
    const { client } = await connect(jane)
    await post('/api/chat/mark-offline/', undefined, jane.access)
    client.close()
    await client.closed
    const closedAt = Date.now()
    await advance(100)
    const entry = (await get('/api/users/activity/?limit=200', john.access)).json.find((e: Json) => e.user.id === jane.id)
    expect(entry.event).toBe('offline')
    expect(Math.abs(Date.parse(entry.at) - (closedAt + 2000))).toBeLessThan(1000)
  })

  it('6.1 a REST presence running out under an idle socket turns the user away at that moment', async () => {
    const john = await login('john_doe')
    const jane = await login('jane_smith')
    const { client } = await connect(jane)
    client.send({ type: 'status', idle: true })
    const watcher = (await connect(john)).client
    expect((await framesBeforePong(watcher)).filter(changesOf(jane.id))).toEqual([])
    const lastSeen = (await get('/api/users/online/', john.access)).json.find((u: Json) => u.id === jane.id).last_seen
    await advance(301)
    const events = (await framesBeforePong(watcher)).filter(changesOf(jane.id))
    expect(events.map((m) => [m.user.status, m.user.idle])).toEqual([['away', true]])
    const fresh = await login('ahmad')
    const entry = (await get('/api/users/activity/?limit=200', fresh.access)).json.find((e: Json) => e.user.id === jane.id)
    expect(entry.event).toBe('away')
    expect(Math.abs(Date.parse(entry.at) - (Date.parse(lastSeen) + 300_000))).toBeLessThan(1000)
  })

  it('6.1 the active connection closing leaves the idle one: away', async () => {
    const john = await login('john_doe')
    const jane = await login('jane_smith')
    await post('/api/chat/mark-offline/', undefined, jane.access)
    const idle = (await connect(jane)).client
    const active = (await connect(jane)).client
    idle.send({ type: 'status', idle: true })
    await framesBeforePong(idle)
    const watcher = (await connect(john)).client
    active.close()
    await active.closed
    const event = await watcher.next(changesOf(jane.id))
    expect(event.user).toMatchObject({ status: 'away', idle: true })
  })

  it('6.1 idle with a chosen dnd stays dnd', async () => {
    const john = await login('john_doe')
    const jane = await login('jane_smith')
    await patch('/api/users/me/status/', { mode: 'dnd', idle: true }, jane.access)
    const item = (await get('/api/users/online/', john.access)).json.find((u: Json) => u.id === jane.id)
    expect(item.online_status).toBe('dnd')
  })

  it("6.2 a user's own other sockets get the change of their devices", async () => {
    const jane = await login('jane_smith')
    const first = (await connect(jane)).client
    await connect(jane, '&device=mobile')
    const event = await first.next(changesOf(jane.id))
    expect(event.user.devices).toEqual(['mobile', 'web'])
  })

  it('6.3 an expiry is future by the server clock; offsets are read and answered in UTC; a mode change keeps it', async () => {
    const jane = await login('jane_smith')
    const inTwoHours = new Date(Date.now() + 2 * 3600_000)
    const withOffset = new Date(inTwoHours.getTime() + 2 * 3600_000).toISOString().replace('Z', '+02:00')
    const reply = await patch('/api/users/me/status/', { status_message: 'x', status_expires_at: withOffset }, jane.access)
    expect(reply.status, reply.text).toBe(200)
    expect(reply.json.status_expires_at).toMatch(ISO_UTC)
    expect(Date.parse(reply.json.status_expires_at)).toBe(inTwoHours.getTime())
    expect(Date.parse((await patch('/api/users/me/status/', { mode: 'away' }, jane.access)).json.status_expires_at)).toBe(inTwoHours.getTime())
    await advance(3 * 3600)
    const fresh = await login('jane_smith')
    expectError(await patch('/api/users/me/status/', { status_message: 'y', status_expires_at: new Date(Date.now() + 3600_000).toISOString() }, fresh.access), 400, 'invalid_field', 'status_expires_at')
  })

  it('6.3 an expiry while invisible reaches only the own sockets and is not logged', async () => {
    const john = await login('john_doe')
    const jane = await login('jane_smith')
    const own = (await connect(jane)).client
    await patch('/api/users/me/status/', { mode: 'invisible', status_message: 'x', status_expires_at: new Date(Date.now() + 60_000).toISOString() }, jane.access)
    await own.next((m) => changesOf(jane.id)(m) && m.user.statusMessage === 'x')
    const watcher = (await connect(john)).client
    const before = (await get('/api/users/activity/?limit=200', john.access)).json
    await advance(61)
    expect((await framesBeforePong(watcher)).filter(changesOf(jane.id))).toEqual([])
    expect((await own.next(changesOf(jane.id))).user).toMatchObject({ status: 'invisible', statusMessage: null, statusExpiresAt: null })
    expect((await get('/api/users/activity/?limit=200', john.access)).json).toEqual(before)
  })

  it('6.4 a change of last seen visibility alone sends no event', async () => {
    const john = await login('john_doe')
    const jane = await login('jane_smith')
    const watcher = (await connect(john)).client
    await patch('/api/users/me/status/', { last_seen_visibility: 'nobody' }, jane.access)
    expect((await framesBeforePong(watcher)).filter(changesOf(jane.id))).toEqual([])
  })

  it('section 1: the caller invisible sees themself in the online lists as invisible, online', async () => {
    const jane = await login('jane_smith')
    await patch('/api/users/me/status/', { mode: 'invisible' }, jane.access)
    const reply = await get('/api/chat/online-users/', jane.access)
    const self = reply.json.onlineUsers.find((u: Json) => u.id === jane.id)
    expect(self).toMatchObject({ status: 'invisible', isOnline: true })
    expect(reply.json.online_users).toContain(jane.id)
    const beat = await post('/api/chat/heartbeat/', undefined, jane.access)
    expect(beat.json.online_status).toBe('invisible')
  })

  it('section 1: admins see an invisible user\'s real last seen, others the frozen one', async () => {
    const admin = await login('admin')
    const john = await login('john_doe')
    const jane = await login('jane_smith')
    const frozen = (await get('/api/users/online/', john.access)).json.find((u: Json) => u.id === jane.id).last_seen
    await patch('/api/users/me/status/', { mode: 'invisible' }, jane.access)
    await advance(120)
    await post('/api/chat/heartbeat/', undefined, jane.access)
    const real = (await get(`/api/users/admin/users/${jane.id}/online-status/`, admin.access)).json.last_seen
    expect(Date.parse(real) - Date.parse(frozen)).toBeGreaterThanOrEqual(119_000)
    await patch('/api/users/me/status/', { mode: 'auto' }, jane.access)
    const back = (await get('/api/users/online/', john.access)).json.find((u: Json) => u.id === jane.id)
    expect(Date.parse(back.last_seen)).toBeGreaterThanOrEqual(Date.parse(real))
  })

  it('section 2: logout closes the sockets opened with a refreshed access token of that session and revokes it', async () => {
    const jane = await login('jane_smith')
    const refreshed = (await post('/api/auth/refresh/', { refresh: jane.refresh })).json.access
    const { client } = await connect({ ...jane, access: refreshed })
    expect([200, 204]).toContain((await post('/api/auth/logout/', undefined, jane.access)).status)
    expect(await client.closed).toEqual({ code: 4401, reason: 'unauthorized' })
    expectError(await get('/api/users/me/', refreshed), 401, 'unauthorized')
  })

  it('section 2: logout by the refresh alone revokes every access token of that session', async () => {
    const jane = await login('jane_smith')
    const refreshed = (await post('/api/auth/refresh/', { refresh: jane.refresh })).json.access
    expect([200, 204]).toContain((await post('/api/users/logout/', { refresh: jane.refresh })).status)
    expectError(await get('/api/users/me/', jane.access), 401, 'unauthorized')
    expectError(await get('/api/users/me/', refreshed), 401, 'unauthorized')
  })

  it('section 2: an open socket outlives its token and still takes status frames', async () => {
    const jane = await login('jane_smith')
    const { client } = await connect(jane)
    await advance(901)
    client.send({ type: 'status', mode: 'away' })
    expect((await client.next(changesOf(jane.id))).user.status).toBe('away')
  })

  it('section 4: a frame of exactly 16 KiB is read, one byte more closes with 1009', async () => {
    const jane = await login('jane_smith')
    const { client } = await connect(jane)
    const base = JSON.stringify({ type: 'nope', pad: '' })
    client.send(JSON.stringify({ type: 'nope', pad: 'x'.repeat(16 * 1024 - base.length) }))
    expect((await client.next()).code).toBe('bad_message')
    client.send(JSON.stringify({ type: 'nope', pad: 'x'.repeat(16 * 1024 - base.length + 1) }))
    expect((await client.closed).code).toBe(1009)
  })

  it('section 4: a burst of 40 is within the bucket, 43 is not', async () => {
    const jane = await login('jane_smith')
    const a = (await connect(jane)).client
    for (let i = 0; i < 40; i++) a.send({ type: 'ping' })
    for (let i = 0; i < 40; i++) await a.next((m) => m.type === 'pong')
    expect(a.isClosed).toBe(false)
    const b = (await connect(jane)).client
    for (let i = 0; i < 43; i++) b.send({ type: 'ping' })
    expect((await b.closed).code).toBe(1008)
  })

  it('section 4: an empty status frame changes nothing and gets no reply; a binary frame is an error, not a close', async () => {
    const jane = await login('jane_smith')
    const { client } = await connect(jane)
    client.send({ type: 'status' })
    expect(await framesBeforePong(client)).toEqual([])
    client.socket.send(Buffer.from('{"type":"ping"}'), { binary: true })
    const reply = await client.next()
    expect(client.isClosed).toBe(false)
    expect(reply.type === 'error' || reply.type === 'pong').toBe(true)
  })

  it('section 3: page far past the end is an empty page, not an error', async () => {
    const admin = await login('admin')
    const reply = await get('/api/users/admin/users/online/?page=99999999999999999999', admin.access)
    expect(reply.status, reply.text).toBe(200)
    expect(reply.json.online_users).toEqual([])
  })

  it('section 3: an avatar of no user is a JSON 404 user_not_found; a path that is no avatar is not_found', async () => {
    const missing = await get('/avatars/99999.svg')
    expectError(missing, 404, 'user_not_found')
    expect(missing.json.error.message).not.toContain('.svg') // the id is 99999, the extension is no part of it
    expectError(await get('/avatars/abc.svg'), 404, 'not_found')
    expectError(await get('/avatars/1.png'), 404, 'not_found')
  })

  it('section 3: the openapi document names the methods of each route', async () => {
    const { paths } = (await get('/api/openapi.json')).json
    const byShape = new Map(Object.entries(paths).map(([p, v]) => [p.replace(/\{[^}]+\}/g, '{}'), v as Json]))
    const routes: Array<[string, string]> = [
      ['/api/users/me/status/', 'patch'], ['/api/chat/heartbeat/', 'post'], ['/api/users/online/', 'get'],
      ['/api/users/admin/users/{}/set-online-status/', 'post'], ['/api/users/activity/', 'get'], ['/api/auth/login/', 'post'],
    ]
    for (const [path, method] of routes) expect(byShape.get(path), `${method} ${path}`).toHaveProperty(method)
  })
})

describe('presence contract: an invisible user leaks nothing (section 1)', () => {
  beforeEach(async () => {
    await start()
  })
  afterEach(stop)

  async function invisibleJane() {
    const john = await login('john_doe')
    const jane = await login('jane_smith')
    await patch('/api/users/me/status/', { mode: 'invisible' }, jane.access)
    const watcher = (await connect(john)).client
    const before = (await get('/api/users/activity/?limit=200', john.access)).json
    return { john, jane, watcher, before }
  }

  it('nor their devices, idleness, TTL, grace or logout reach anyone, nor the activity log', async () => {
    const { john, jane, watcher, before } = await invisibleJane()
    const { client } = await connect(jane, '&device=mobile')
    client.send({ type: 'status', idle: true })
    await patch('/api/users/me/status/', { idle: true }, jane.access)
    client.send({ type: 'status', idle: false })
    client.close()
    await client.closed
    await advance(400) // grace and TTL both run out
    expect((await framesBeforePong(watcher)).filter(changesOf(jane.id))).toEqual([])
    const again = await login('jane_smith')
    await post('/api/auth/logout/', undefined, again.access)
    expect((await framesBeforePong(watcher)).filter(changesOf(jane.id))).toEqual([])
    const after = (await get('/api/users/activity/?limit=200', john.access)).json.filter((e: Json) => e.user.id === jane.id)
    expect(after).toEqual(before.filter((e: Json) => e.user.id === jane.id))
  })

  it('an admin outside the admin endpoints is an ordinary viewer', async () => {
    const { jane } = await invisibleJane()
    const admin = await login('admin')
    expect((await get('/api/chat/online-users/', admin.access)).json.online_users).not.toContain(jane.id)
    expect((await get('/api/users/online/', admin.access)).json.map((u: Json) => u.id)).not.toContain(jane.id)
    expect((await connect(admin)).snapshot.onlineUsers.map((u: Json) => u.id)).not.toContain(jane.id)
  })

  it('coming back is announced online and logged online', async () => {
    const { john, jane, watcher } = await invisibleJane()
    await patch('/api/users/me/status/', { mode: 'auto' }, jane.access)
    expect((await watcher.next(changesOf(jane.id))).user).toMatchObject({ status: 'online', isOnline: true })
    expect((await get('/api/users/activity/', john.access)).json.find((e: Json) => e.user.id === jane.id).event).toBe('online')
  })
})

describe('presence contract: the command line (section 5)', () => {
  it('--ttl, --grace and --token-ttl take effect; the banner names the URL and the demo logins', async () => {
    const cwd = fileURLToPath(new URL('../..', import.meta.url))
    const child = spawn(process.execPath, ['--import', 'tsx', 'mock-server/cli.ts', '--port', '0', '--host', '127.0.0.1', '--ttl', '10', '--grace', '1', '--token-ttl', '60'], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    try {
      let stdout = ''
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no banner: ${stdout}`)), 15_000)
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString()
          const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)
          if (found && /Demo logins/.test(stdout)) {
            clearTimeout(timer)
            resolve(found[1] ?? '')
          }
        })
        child.once('exit', (code) => reject(new Error(`exited with ${code}`)))
      })
      for (const name of ['john_doe', 'jane_smith', 'ahmad', 'admin']) expect(stdout).toContain(name)
      server = { url } as RunningMockServer
      const john = await login('john_doe')
      const jane = await login('jane_smith')
      const watcher = open('/ws/user-status/', john.access)
      await watcher.next()
      await advance(11)
      expect((await watcher.next(changesOf(jane.id))).user.status).toBe('offline') // --ttl 10
      const janeSocket = (await connect(await login('jane_smith'))).client
      await post('/api/chat/mark-offline/', undefined, (await login('jane_smith')).access)
      await framesBeforePong(watcher)
      janeSocket.close()
      await janeSocket.closed
      await advance(1.5)
      expect((await watcher.next(changesOf(jane.id))).user.status).toBe('offline') // --grace 1
      await advance(60)
      expectError(await get('/api/users/me/', john.access), 401, 'unauthorized') // --token-ttl 60
      checkFrames()
    } finally {
      for (const client of clients.splice(0)) client.socket.terminate()
      frameShapes.length = 0
      child.kill('SIGTERM')
    }
    expect(await exited).toBe(0)
  })
})

describe('presence contract: more edges', () => {
  afterEach(stop)

  it('section 1: TTL, grace and a message expiry also run out in real time, pushed without anyone asking', async () => {
    await start({ ttlSeconds: 1, graceSeconds: 0.5 })
    const john = await login('john_doe')
    const watcher = (await connect(john)).client
    const jane = await login('jane_smith')
    expect((await watcher.next((m) => changesOf(jane.id)(m) && m.user.status === 'offline', 5000)).user.isOnline).toBe(false)
    const ahmad = await login('ahmad')
    const socket = (await connect(ahmad)).client
    await patch('/api/users/me/status/', { status_message: 'brb', status_expires_at: new Date(Date.now() + 1200).toISOString() }, ahmad.access)
    expect((await watcher.next((m) => changesOf(ahmad.id)(m) && m.user.statusMessage === null, 5000)).user.status).toBe('online')
    socket.close()
    expect((await watcher.next((m) => changesOf(ahmad.id)(m) && m.user.status === 'offline', 5000)).user.isOnline).toBe(false)
  })

  it('CORS: a 413 and a 405 carry the origin too (the browser reads the error)', async () => {
    await start()
    const john = await login('john_doe')
    const big = await http('PATCH', '/api/users/me/status/', { token: john.access, body: bigBody(70 * 1024), headers: { origin: LOCAL_ORIGIN } })
    expect(big.status).toBe(413)
    expect(big.headers.get('access-control-allow-origin')).toBe(LOCAL_ORIGIN)
    const wrong = await http('DELETE', '/api/users/me/', { headers: { origin: LOCAL_ORIGIN } })
    expect(wrong.status).toBe(405)
    expect(wrong.headers.get('access-control-allow-origin')).toBe(LOCAL_ORIGIN)
  })

  it('section 1: mode and message are kept across logins; an invisible user logging in is announced to no one', async () => {
    await start()
    const john = await login('john_doe')
    const jane = await login('jane_smith')
    await patch('/api/users/me/status/', { mode: 'invisible', status_message: 'hidden' }, jane.access)
    await post('/api/auth/logout/', undefined, jane.access)
    const watcher = (await connect(john)).client
    const again = await login('jane_smith')
    expect(again.user).toMatchObject({ mode: 'invisible', status_message: 'hidden', online_status: 'invisible' })
    await connect(again)
    expect((await framesBeforePong(watcher)).filter(changesOf(jane.id))).toEqual([])
  })

  it('section 3: the admin setting online or away counts as that user\'s REST activity', async () => {
    await start()
    const admin = await login('admin')
    const jane = await login('jane_smith')
    await advance(200)
    const fresh = await login('admin')
    const reply = await post(`/api/users/admin/users/${jane.id}/set-online-status/`, { status: 'away' }, fresh.access)
    expect(Math.abs(Date.parse(reply.json.last_seen) - (Date.now() + 200_000))).toBeLessThan(2000)
    await advance(200) // 400 s after login, 200 s after the admin's change: still online through it
    const seen = await get(`/api/users/admin/users/${jane.id}/online-status/`, (await login('admin')).access)
    expect(seen.json).toMatchObject({ online_status: 'away', is_online: true })
    void admin
  })

  it('section 4: under churn the final state is never dropped', async () => {
    await start()
    const john = await login('john_doe')
    const jane = await login('jane_smith')
    const watcher = (await connect(john)).client
    const modes = ['away', 'dnd', 'auto', 'away', 'auto', 'dnd', 'away', 'auto', 'dnd', 'away']
    await Promise.all(modes.map((mode, i) => patch('/api/users/me/status/', { mode, status_message: `m${i}` }, jane.access)))
    const me = (await get('/api/users/me/', jane.access)).json
    const events = (await framesBeforePong(watcher)).filter(changesOf(jane.id))
    expect(events.length).toBeGreaterThan(0)
    expect(events.at(-1).user).toMatchObject({ status: me.online_status, statusMessage: me.status_message })
  })

  it('section 5: the seeded cast starts with varied past last seen values', async () => {
    await start()
    const john = await login('john_doe')
    const seen = (await get('/api/chat/conversations/', john.access)).json
      .map((c: Json) => c.other_user.last_seen)
      .filter((t: string | null) => t !== null)
      .map((t: string) => Date.now() - Date.parse(t))
    expect(seen.some((age: number) => age > 86400_000)).toBe(true)
    expect(new Set(seen.map((age: number) => Math.round(age / 60_000))).size).toBeGreaterThan(1)
  })
})

describe('presence contract: boundaries', () => {
  beforeEach(async () => {
    await start()
  })
  afterEach(stop)

  it('section 3: a body of exactly 64 KiB is read, one byte more is 413', async () => {
    const john = await login('john_doe')
    const exact = bigBody(64 * 1024 - bigBody(0).length)
    expect(exact.length).toBe(65536)
    expectError(await http('PATCH', '/api/users/me/status/', { token: john.access, body: exact }), 400, 'invalid_field', 'status_message')
    expectError(await http('PATCH', '/api/users/me/status/', { token: john.access, body: exact + ' ' }), 413, 'payload_too_large')
  })

  it('the limits count bytes, not characters: 64 KiB of body, 16 KiB of frame in UTF-8', async () => {
    const john = await login('john_doe')
    const body = JSON.stringify({ status_message: '😀'.repeat(18 * 1024) }) // 72 KiB of UTF-8 in 36 Ki UTF-16 units
    expect(body.length).toBeLessThan(64 * 1024)
    expectError(await http('PATCH', '/api/users/me/status/', { token: john.access, body }), 413, 'payload_too_large')
    const { client } = await connect(john)
    const frame = JSON.stringify({ type: 'nope', pad: '😀'.repeat(5 * 1024) }) // 20 KiB of UTF-8 in 10 Ki units
    expect(frame.length).toBeLessThan(16 * 1024)
    client.send(frame)
    expect((await client.closed).code).toBe(1009)
  })

  it('section 4: /ws/chat/ speaks the same protocol: ping, status, errors', async () => {
    const jane = await login('jane_smith')
    const { client } = await connect(jane, '', '/ws/chat/')
    client.send({ type: 'ping' })
    expect((await client.next()).type).toBe('pong')
    client.send({ type: 'status', mode: 'dnd' })
    expect((await client.next(changesOf(jane.id))).user.status).toBe('dnd')
    client.send({ type: 'status', mode: 'nope' })
    expect((await client.next()).code).toBe('bad_message')
  })

  it('6.3 socket: an expiry without a message to expire is bad_message and changes nothing', async () => {
    const jane = await login('jane_smith')
    const { client } = await connect(jane)
    client.send({ type: 'status', statusExpiresAt: new Date(Date.now() + 60_000).toISOString() })
    expect((await client.next()).code).toBe('bad_message')
    client.send({ type: 'status', statusMessage: null, statusExpiresAt: new Date(Date.now() + 60_000).toISOString() })
    expect((await client.next()).code).toBe('bad_message')
    expect(await framesBeforePong(client)).toEqual([])
  })
})

describe('presence contract: one state, every endpoint', () => {
  beforeEach(async () => {
    await start()
  })
  afterEach(stop)

  it('the snapshot, both online lists and the admin list agree on who is online and how', async () => {
    const john = await login('john_doe')
    const admin = await login('admin')
    await post('/__mock__/users/4/presence', { status: 'away' })
    await post('/__mock__/users/5/presence', { status: 'dnd' })
    await post('/__mock__/users/6/presence', { status: 'invisible' })
    await post('/__mock__/users/7/presence', { status: 'offline' })
    await post('/__mock__/users/8/presence', { status: 'online', device: 'mobile' })
    const jane = await login('jane_smith')
    await patch('/api/users/me/status/', { status_message: 'lunch', status_expires_at: new Date(Date.now() + 3600_000).toISOString() }, jane.access)
    await connect(jane, '&device=desktop')
    const { snapshot } = await connect(john)
    const camel = (await get('/api/chat/online-users/', john.access)).json.onlineUsers
    const snake = (await get('/api/users/online/', john.access)).json
    const adminList = (await get('/api/users/admin/users/online/?per_page=100', admin.access)).json.online_users
    const byId = (list: Json[]) => new Map(list.map((u: Json) => [u.id, u]))
    const fromSnapshot = byId(snapshot.onlineUsers)
    const fromCamel = byId(camel)
    expect([...fromSnapshot.keys()].sort((a, b) => a - b)).toEqual([...fromCamel.keys()].sort((a, b) => a - b))
    expect(snake.map((u: Json) => u.id)).toEqual([...fromCamel.keys()].filter((id) => id !== john.id).sort((a, b) => a - b))
    const strip = ({ lastSeen, ...rest }: Json) => ({ ...rest, lastSeen: lastSeen && Math.floor(Date.parse(lastSeen) / 1000) })
    for (const [id, user] of fromCamel) {
      expect(strip(fromSnapshot.get(id)), String(id)).toEqual(strip(user))
      const item = snake.find((u: Json) => u.id === id)
      if (!item) continue
      expect({
        id: item.id, username: item.username, profileImage: item.profile_image, status: item.online_status, statusMessage: item.status_message,
        isOnline: item.is_online, idle: item.idle, devices: item.devices, statusExpiresAt: item.status_expires_at, lastSeen: item.last_seen,
      }).toEqual({ ...user, lastSeen: item.last_seen })
    }
    expect(fromCamel.get(4)?.status).toBe('away')
    expect(fromCamel.get(5)?.status).toBe('dnd')
    expect(fromCamel.has(6)).toBe(false)
    expect(fromCamel.has(7)).toBe(false)
    expect(fromCamel.get(8)?.devices).toEqual(['mobile'])
    expect(fromCamel.get(jane.id)).toMatchObject({ statusMessage: 'lunch', devices: ['desktop'] })
    const adminIds = adminList.map((u: Json) => u.id)
    for (const id of fromCamel.keys()) expect(adminIds).toContain(id)
    expect(adminList.find((u: Json) => u.id === 6)).toMatchObject({ online_status: 'invisible', is_online: true })
  })
})

describe('presence contract: --no-control and protocol pings', () => {
  afterEach(stop)

  it('--no-control: the controls do not answer', async () => {
    await start({ control: false })
    expect((await post('/__mock__/reset')).status).toBe(404)
    expect((await post('/__mock__/clock', { advanceSeconds: 1 })).status).toBe(404)
  })

  it('protocol pings are not signs of life (section 1)', async () => {
    await start({ pingIntervalMs: 50 })
    const john = await login('john_doe')
    const jane = await login('jane_smith')
    const { client } = await connect(jane)
    const before = (await get('/api/users/online/', john.access)).json.find((u: Json) => u.id === jane.id).last_activity
    await new Promise<void>((resolve) => {
      let pings = 0
      client.socket.on('ping', () => ++pings === 4 && resolve())
    })
    const after = (await get('/api/users/online/', john.access)).json.find((u: Json) => u.id === jane.id).last_activity
    expect(after).toBe(before)
  })

  it('only a pong that echoes the server\'s own ping counts for liveness (6.5)', async () => {
    await start({ pingIntervalMs: 100 })
    const jane = await login('jane_smith')
    const client = new Client(`${server.url.replace(/^http/, 'ws').replace(/\/$/, '')}/ws/user-status/?token=${jane.access}`, { autoPong: false })
    clients.push(client)
    client.socket.on('ping', () => client.socket.pong(Buffer.from('not your payload')))
    await client.next()
    const honest = (await connect(jane)).client // answers every ping with its payload (the ws default)
    const closed = await Promise.race([client.closed, new Promise<null>((resolve) => setTimeout(() => resolve(null), 3000))])
    expect(closed).not.toBeNull()
    expect(await honest.untilPong()).toBeDefined()
    expect(honest.isClosed).toBe(false)
  })

  it('a socket that does not answer the protocol ping is dropped', async () => {
    await start({ pingIntervalMs: 100 })
    const jane = await login('jane_smith')
    const client = new Client(`${server.url.replace(/^http/, 'ws').replace(/\/$/, '')}/ws/user-status/?token=${jane.access}`, { autoPong: false })
    clients.push(client)
    await client.next()
    const closed = await Promise.race([client.closed, new Promise<null>((resolve) => setTimeout(() => resolve(null), 3000))])
    expect(closed).not.toBeNull()
  })
})
