import { afterEach, beforeEach, expect } from 'vitest'
import type { BackendName } from '../../../mock-server/modes'
import {
  advance,
  sleep,
  type Driver,
  type DriverOptions,
  type HttpResult,
  type Json,
  type MakeDriver,
  type TestSocket,
} from '../contract/driver'

/** Every REST route of the contract (its section 3), the union every backend takes its routes from. */
export const CONTRACT_ROUTES = [
  'POST /api/auth/login/',
  'POST /api/auth/refresh/',
  'POST /api/auth/logout/',
  'POST /api/users/logout/',
  'GET /api/chat/online-users/',
  'GET /api/users/online/',
  'POST /api/chat/heartbeat/',
  'POST /api/users/heartbeat/',
  'POST /api/chat/mark-offline/',
  'GET /api/chat/conversations/',
  'GET /api/users/me/',
  'PATCH /api/users/me/status/',
  'GET /api/users/activity/',
  'GET /api/users/admin/users/online/',
  'GET /api/users/admin/users/{id}/online-status/',
  'POST /api/users/admin/users/{id}/set-online-status/',
  'GET /avatars/{id}.svg',
] as const

export const CONTROL_ROUTES = ['POST /__mock__/reset', 'POST /__mock__/clock', 'POST /__mock__/users/{id}/presence']

/** The contract's sockets; a backend serves some or none of them. */
export const SOCKET_PATHS = ['/ws/chat/', '/ws/user-status/']

export type Checker = (text: string) => string | null

/** The field names that contract section 6 (version 2) adds; no backend design sends any of them. */
export const V2_FIELDS = new Set(['idle', 'devices', 'status_expires_at', 'statusExpiresAt', 'last_seen_visibility', 'lastSeenVisibility'])

/** The paths of every section 6 field in a JSON value (the OpenAPI document aside). */
export function v2Fields(value: Json, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => v2Fields(v, `${path}[${i}]`))
  if (typeof value !== 'object' || value === null) return []
  return Object.entries(value).flatMap(([key, v]) => (V2_FIELDS.has(key) ? [`${path}.${key}`] : v2Fields(v, `${path}.${key}`)))
}

/**
 * A fresh backend of that kind for every test; after it, no frame broke the backend's shapes, and no response
 * body or frame carried a field of contract section 6: a seed-shaped backend keeps working unchanged.
 */
export function freshBackend(makeDriver: MakeDriver, backend: BackendName, checkFrame: Checker, options: DriverOptions = {}) {
  let current: Driver | undefined
  let leaks: string[] = []
  beforeEach(async () => {
    leaks = []
    const checkAll: Checker = (text) => {
      let parsed: Json
      try {
        parsed = JSON.parse(text)
      } catch {
        return checkFrame(text)
      }
      leaks.push(...v2Fields(parsed).map((p) => `frame ${p}`))
      return checkFrame(text)
    }
    const driver = await makeDriver({ backend, checkFrame: checkAll, ...options })
    const fetch = driver.fetch.bind(driver)
    driver.fetch = async (path, init) => {
      const res = await fetch(path, init)
      if (path !== '/api/openapi.json') leaks.push(...v2Fields(res.json).map((p) => `${path} ${p}`))
      return res
    }
    current = driver
  })
  afterEach(async () => {
    const driver = current
    current = undefined
    if (!driver) return
    await driver.close()
    expect(driver.frameErrors, `WebSocket frames that break the ${backend} shapes`).toEqual([])
    expect(leaks, `section 6 fields that the ${backend} backend sent`).toEqual([])
  })
  return () => current!
}

export const sortedKeys = (value: Json): string[] => Object.keys(value).sort()

export const isUtcIso = (value: unknown) =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|\+00:00)$/.test(value)

export const ms = (iso: string) => Date.parse(iso)

export function expectError(res: HttpResult, status: number, code: string, inMessage?: string) {
  expect(res.status, res.text).toBe(status)
  expect(res.headers.get('content-type') ?? '').toMatch(/json/)
  expect(res.json).toEqual({ error: { code, message: expect.any(String) } })
  if (inMessage) expect(res.json.error.message).toContain(inMessage)
}

/** `METHOD /path/{id}/` as a request: the id is 2, a POST or PATCH sends `{}`. */
export function request(d: Driver, route: string, token?: string): Promise<HttpResult> {
  const [method, template] = route.split(' ') as [string, string]
  const path = template.replace('{id}', '2')
  return d.fetch(path, { method, token, ...(method === 'GET' ? {} : { json: {} }) })
}

/** A socket the server must refuse: never opened, closed as a failed handshake (1006), nothing received. */
export async function expectRefused(socket: TestSocket) {
  const closed = await socket.closed
  expect(closed.code).toBe(1006)
  expect(socket.wasOpened).toBe(false)
  expect(socket.received).toEqual([])
}

/** Resolves once the socket is open; fails if it closes first. */
export async function untilOpen(socket: TestSocket, timeoutMs = 5000) {
  const started = Date.now()
  while (!socket.wasOpened) {
    if (socket.isClosed) throw new Error(`closed before opening: ${JSON.stringify(await socket.closed)}`)
    if (Date.now() - started > timeoutMs) throw new Error('not open in time')
    await sleep(5)
  }
}

/** The messages that arrived before a barrier frame (the barrier consumed); nothing still unread is lost. */
export async function before(socket: TestSocket, send: string, isBarrier: (m: Json) => boolean): Promise<Json[]> {
  await untilOpen(socket)
  const start = socket.received.length - socket.pending().length
  socket.send(send)
  const barrier = await socket.next(isBarrier)
  return socket.received.slice(start, socket.received.indexOf(barrier, start))
}

/** Moves the server clock; returns the server time after the move. */
export async function advanceTo(d: Driver, seconds: number): Promise<string> {
  return (await advance(d, seconds)).now
}

/** A little past any coalescing window, so that a frame that should not come would have come. */
export const settle = () => sleep(80)

export async function control(d: Driver, userId: number, status: string): Promise<HttpResult> {
  return d.fetch(`/__mock__/users/${userId}/presence`, { method: 'POST', json: { status } })
}

export async function controlled(d: Driver, userId: number, status: string): Promise<Json> {
  const res = await control(d, userId, status)
  expect(res.status, res.text).toBe(200)
  return res.json
}
