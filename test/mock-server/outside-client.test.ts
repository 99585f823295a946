// Deviations found by an outside client written against the contract alone (/work/shared/spec/presence-protocol.md),
// black-box over real sockets: plain fetch and plain ws against the Node server on a free port of 127.0.0.1.
// No sleeps: every wait is for a frame or a response, bounded by a timeout.
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { startMockServer, type RunningMockServer } from '../../mock-server/node'

type Json = any // eslint-disable-line @typescript-eslint/no-explicit-any

const WAIT_MS = 3000

let server: RunningMockServer | undefined
const sockets: WebSocket[] = []

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate()
  await server?.close()
  server = undefined
})

async function call(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; json: Json }> {
  const headers: Record<string, string> = {}
  if (token) headers.Authorization = `Bearer ${token}`
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const reply = await fetch(`${server!.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await reply.text()
  return { status: reply.status, json: text ? JSON.parse(text) : null }
}

async function login(username: string): Promise<{ access: string; id: number }> {
  const reply = await call('POST', '/api/auth/login/', { username, password: 'password' })
  expect(reply.status).toBe(200)
  return { access: reply.json.access, id: reply.json.user.id }
}

const advance = async (seconds: number): Promise<number> => {
  const reply = await call('POST', '/__mock__/clock', { advanceSeconds: seconds })
  expect(reply.status).toBe(200)
  return Date.parse(reply.json.now)
}

/** A socket whose frames are queued, so that a test waits for frames, never for time. */
async function open(token: string) {
  const socket = new WebSocket(`${server!.url.replace(/^http/, 'ws')}/ws/user-status/?token=${token}`)
  sockets.push(socket)
  const frames: Json[] = []
  let wake: (() => void) | null = null
  socket.on('message', (data) => {
    frames.push(JSON.parse(data.toString()))
    wake?.()
  })
  const next = async (match: (frame: Json) => boolean): Promise<Json> => {
    const deadline = Date.now() + WAIT_MS
    for (;;) {
      const index = frames.findIndex(match)
      if (index >= 0) return frames.splice(index, 1)[0]
      const left = deadline - Date.now()
      if (left <= 0) throw new Error(`no matching frame within ${WAIT_MS} ms; queued: ${JSON.stringify(frames)}`)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left)
        wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      wake = null
    }
  }
  await next((frame) => frame.type === 'online_users')
  /** Forgets what is queued: the frames after this are the ones the test is about. */
  const drain = () => void frames.splice(0)
  return { frames, next, drain }
}

describe('outside client: events pushed after a clock advance', () => {
  it('a user whose message expires and whose TTL later runs out inside one advance gets both events, in order (1 "Time", 6.3)', async () => {
    server = await startMockServer({ port: 0, host: '127.0.0.1' })
    const watcher = await login('jane_smith')
    const watch = await open(watcher.access)
    const user = await login('ahmad') // REST presence until now + 300 s
    const now = await advance(0)
    const set = await call('PATCH', '/api/users/me/status/', { status_message: 'back at 3', status_expires_at: new Date(now + 100_000).toISOString() }, user.access)
    expect(set.status).toBe(200)
    const isAhmad = (frame: Json) => frame.type === 'user.status.changed' && frame.user.id === user.id
    await watch.next((frame) => isAhmad(frame) && frame.user.statusMessage === 'back at 3')
    watch.drain()
    // The message runs out at +100 s (still online), the REST presence at +300 s: 200 s of server time apart.
    await advance(400)
    const expired = await watch.next(isAhmad)
    expect([expired.user.status, expired.user.statusMessage, expired.user.statusExpiresAt]).toEqual(['online', null, null])
    const offline = await watch.next(isAhmad)
    expect([offline.user.status, offline.user.statusMessage]).toEqual(['offline', null])
  })

  it('the intermediate event carries the state at its own moment, not the final one (dnd, message expiry, then TTL)', async () => {
    server = await startMockServer({ port: 0, host: '127.0.0.1' })
    const watcher = await login('jane_smith')
    const watch = await open(watcher.access)
    const user = await login('ahmad')
    const now = await advance(0)
    // A message that runs out in the middle, a REST presence that ends later: two changes 100 s apart.
    await call('PATCH', '/api/users/me/status/', { mode: 'dnd', status_message: 'focus', status_expires_at: new Date(now + 200_000).toISOString() }, user.access)
    const isAhmad = (frame: Json) => frame.type === 'user.status.changed' && frame.user.id === user.id
    await watch.next((frame) => isAhmad(frame) && frame.user.status === 'dnd')
    watch.drain()
    await advance(1000)
    const first = await watch.next(isAhmad)
    expect([first.user.status, first.user.statusMessage, first.user.isOnline]).toEqual(['dnd', null, true])
    const second = await watch.next(isAhmad)
    expect([second.user.status, second.user.isOnline]).toEqual(['offline', false])
  })
})

describe('outside client: the Authorization header', () => {
  // HTTP auth schemes are case-insensitive (RFC 9110 §11.1): a client that writes `bearer` is still signed in.
  it('takes the Bearer scheme in any case', async () => {
    server = await startMockServer({ port: 0, host: '127.0.0.1' })
    const { access } = await login('jane_smith')
    for (const scheme of ['Bearer', 'bearer', 'BEARER']) {
      const reply = await fetch(`${server.url}/api/users/me/`, { headers: { authorization: `${scheme} ${access}` } })
      expect(reply.status, scheme).toBe(200)
    }
    const wrong = await fetch(`${server.url}/api/users/me/`, { headers: { authorization: `Token ${access}` } })
    expect(wrong.status).toBe(401)
  })
})

describe('outside client: points the contract leaves open, as the README decides them', () => {
  // "A user id in a path that is not an integer matches no route": 003 is the integer 3 written with zeros.
  it('reads a path id with leading zeros as that integer', async () => {
    server = await startMockServer({ port: 0, host: '127.0.0.1' })
    const admin = await login('admin')
    const { id } = await login('jane_smith')
    const padded = String(id).padStart(3, '0')
    expect(padded).not.toBe(String(id))
    const reply = await call('GET', `/api/users/admin/users/${padded}/online-status/`, undefined, admin.access)
    expect([reply.status, reply.json.user_id]).toEqual([200, id])
    expect((await call('GET', `/api/users/admin/users/${id}x/online-status/`, undefined, admin.access)).json.error.code).toBe('not_found')
  })

  // A refresh hands out a new access token; the one it replaces lives on until it expires or its session logs out,
  // so a second tab that still holds it is not signed out by the first tab's refresh.
  it('keeps the replaced access token valid after a refresh, until logout', async () => {
    server = await startMockServer({ port: 0, host: '127.0.0.1' })
    const signedIn = await call('POST', '/api/auth/login/', { username: 'jane_smith', password: 'password' })
    const { access, refresh } = signedIn.json
    const refreshed = await call('POST', '/api/auth/refresh/', { refresh })
    expect(refreshed.status).toBe(200)
    expect(refreshed.json.access).not.toBe(access)
    expect((await call('GET', '/api/users/me/', undefined, access)).status).toBe(200)
    expect((await call('GET', '/api/users/me/', undefined, refreshed.json.access)).status).toBe(200)
    expect((await call('POST', '/api/auth/logout/', undefined, refreshed.json.access)).status).toBeLessThan(300)
    expect((await call('GET', '/api/users/me/', undefined, access)).status).toBe(401)
  })
})
