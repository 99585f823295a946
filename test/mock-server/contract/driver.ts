import { afterEach, beforeEach, expect } from 'vitest'
import type { BackendName } from '../../../mock-server/modes'
import { loadOpenApi, type OpenApiChecker } from './openapi'

/** What both transports are started with: the mock backend's own options. */
export interface DriverOptions {
  /** Which backend the mock is (default the contract). */
  backend?: BackendName
  /** Checks each server frame; returns what is wrong, or null. Default: the contract's shapes (section 4). */
  checkFrame?: (text: string) => string | null
  ttlSeconds?: number
  graceSeconds?: number
  tokenTtlSeconds?: number
  control?: boolean
  /** The base of absolute links (section 6.5). */
  publicUrl?: string
}

export type Json = any // eslint-disable-line @typescript-eslint/no-explicit-any

export interface HttpResult {
  status: number
  headers: Headers
  text: string
  /** The parsed body when it is JSON, else undefined. */
  json: Json
}

export interface FetchInit {
  method?: string
  headers?: Record<string, string>
  /** Sent as is (a string or bytes). */
  body?: string | Uint8Array
  /** Serialised as JSON, with `Content-Type: application/json`. */
  json?: unknown
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string
  /** Streams the body in 8 KiB chunks, without a Content-Length. */
  chunked?: boolean
}

export interface Closed {
  code: number
  reason: string
}

/** A client WebSocket with its messages parsed and queued. */
export interface TestSocket {
  /** Every parsed message received so far, in order, whether consumed or not. */
  readonly received: Json[]
  /** Resolves when the server (or the client) closed the connection. */
  readonly closed: Promise<Closed>
  /** Whether the open event was seen (node: the upgrade was accepted). */
  readonly wasOpened: boolean
  readonly isClosed: boolean
  /**
   * The first queued message that matches, removed from the queue together with every message before it.
   * Rejects after `timeoutMs`, or when the socket closes first.
   */
  next(predicate?: (message: Json) => boolean, timeoutMs?: number): Promise<Json>
  /** Messages received and not yet consumed. */
  pending(): Json[]
  send(data: string | Uint8Array): void
  close(code?: number): void
}

export interface Driver {
  readonly kind: 'node' | 'msw'
  /** The server's OpenAPI document, as every response is checked against it. */
  readonly openapi: OpenApiChecker
  /** WebSocket frames from the server that break the shapes of contract section 4 (checked after each test). */
  readonly frameErrors: string[]
  /** The HTTP origin the client calls; avatar links are absolute URLs on it. */
  readonly origin: string
  /** A request to the server; every JSON body is checked against the server's OpenAPI document. */
  fetch(path: string, init?: FetchInit): Promise<HttpResult>
  /** Opens a WebSocket on `path?query` of the server. */
  socket(pathWithQuery: string): TestSocket
  close(): Promise<void>
}

export type MakeDriver = (options?: DriverOptions) => Promise<Driver>

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** The minimal browser-style WebSocket that both the `ws` package's client and MSW's override provide. */
export interface BrowserLikeSocket {
  readonly readyState: number
  send(data: string | Uint8Array): void
  close(code?: number, reason?: string): void
  addEventListener(type: 'open', listener: () => void): void
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
  addEventListener(type: 'close', listener: (event: { code: number; reason: string }) => void): void
  addEventListener(type: 'error', listener: (event: unknown) => void): void
}

async function frameText(data: unknown): Promise<string> {
  if (typeof data === 'string') return data
  if (data instanceof Blob) return data.text()
  if (data instanceof ArrayBuffer) return new TextDecoder().decode(data)
  if (ArrayBuffer.isView(data)) return new TextDecoder().decode(data)
  if (Array.isArray(data)) return Buffer.concat(data as Buffer[]).toString('utf8')
  return String(data)
}

/** Wraps a browser-style socket into a TestSocket. `onFrame` sees every raw text frame (for shape checks). */
export function wrapSocket(socket: BrowserLikeSocket, onFrame?: (text: string) => void): TestSocket {
  const received: Json[] = []
  const queue: Json[] = []
  const waiters = new Set<() => void>()
  let wasOpened = false
  let isClosed = false
  let parsing = Promise.resolve()
  let resolveClosed!: (closed: Closed) => void
  const closed = new Promise<Closed>((resolve) => (resolveClosed = resolve))
  const wake = () => {
    for (const waiter of [...waiters]) waiter()
  }

  socket.addEventListener('open', () => {
    wasOpened = true
  })
  socket.addEventListener('message', (event) => {
    // Blobs are read asynchronously: keep the order of arrival.
    parsing = parsing.then(async () => {
      const text = await frameText(event.data)
      onFrame?.(text)
      let parsed: Json
      try {
        parsed = JSON.parse(text)
      } catch {
        parsed = { type: '<not json>', text }
      }
      received.push(parsed)
      queue.push(parsed)
      wake()
    })
  })
  socket.addEventListener('error', () => {})
  socket.addEventListener('close', (event) => {
    void parsing.then(() => {
      isClosed = true
      resolveClosed({ code: event.code, reason: event.reason })
      wake()
    })
  })

  return {
    received,
    closed,
    get wasOpened() {
      return wasOpened
    },
    get isClosed() {
      return isClosed
    },
    next(predicate = () => true, timeoutMs = 2000) {
      return new Promise<Json>((resolve, reject) => {
        const check = () => {
          const index = queue.findIndex((m) => predicate(m))
          if (index >= 0) {
            const [message] = queue.splice(0, index + 1).slice(-1)
            done()
            resolve(message)
          } else if (isClosed) {
            done()
            reject(new Error(`socket closed while waiting for a message; unconsumed: ${JSON.stringify(queue)}`))
          }
        }
        const timer = setTimeout(() => {
          done()
          reject(new Error(`no matching message within ${timeoutMs} ms; unconsumed: ${JSON.stringify(queue).slice(0, 2000)}`))
        }, timeoutMs)
        const done = () => {
          clearTimeout(timer)
          waiters.delete(check)
        }
        waiters.add(check)
        check()
      })
    },
    pending: () => [...queue],
    send: (data) => socket.send(data),
    close: (code) => {
      if (socket.readyState <= 1) socket.close(code ?? 1000)
    },
  }
}

const STATUSES = ['online', 'away', 'dnd', 'offline', 'invisible']

/** The user object of snapshots and events (contract section 4, seed 000's detailed form); null when fine. */
export function checkCamelUser(user: Json): string | null {
  if (typeof user !== 'object' || user === null) return 'user is not an object'
  if (!Number.isInteger(user.id) || user.id < 1) return 'id is not a positive integer'
  if (typeof user.username !== 'string') return 'username is not a string'
  if (typeof user.profileImage !== 'string' || !/^https?:\/\//.test(user.profileImage)) return 'profileImage is not an absolute URL'
  if (!STATUSES.includes(user.status)) return `status ${user.status} is unknown`
  if (user.isOnline !== (user.status !== 'offline')) return 'isOnline disagrees with status'
  if (user.statusMessage !== null && typeof user.statusMessage !== 'string') return 'statusMessage is not a string or null'
  if (user.lastSeen !== null && !isUtcIso(user.lastSeen)) return 'lastSeen is not an ISO 8601 UTC time or null'
  // Section 6: present in every contract view, consistent with the status shown.
  if (typeof user.idle !== 'boolean') return 'idle is not a boolean'
  if (user.idle && user.status !== 'away') return 'idle is true but the status is not away'
  if (!Array.isArray(user.devices)) return 'devices is not an array'
  const kinds = ['desktop', 'mobile', 'web']
  if (user.devices.some((k: unknown, i: number) => !kinds.includes(k as string) || (i > 0 && user.devices[i - 1] >= (k as string)))) {
    return 'devices are not sorted, distinct kinds'
  }
  if (user.status === 'offline' && (user.idle || user.devices.length)) return 'an offline user shows idle or devices'
  if (user.statusExpiresAt !== null && !isUtcIso(user.statusExpiresAt)) return 'statusExpiresAt is not an ISO 8601 UTC time or null'
  if (user.statusExpiresAt !== null && user.statusMessage === null) return 'statusExpiresAt without a message'
  return null
}

/** Every server frame is one JSON text message of one of the four kinds of contract section 4. */
export function checkServerFrame(text: string): string | null {
  let frame: Json
  try {
    frame = JSON.parse(text)
  } catch {
    return 'frame is not JSON'
  }
  switch (frame?.type) {
    case 'online_users':
      if (!Array.isArray(frame.onlineUsers)) return 'onlineUsers is not an array'
      for (const user of frame.onlineUsers) {
        const error = checkCamelUser(user)
        if (error) return `snapshot entry: ${error}`
        if (user.status === 'offline') return 'snapshot lists an offline user'
      }
      return null
    case 'user.status.changed':
      return checkCamelUser(frame.user)
    case 'pong':
      return isUtcIso(frame.ts) ? null : 'pong ts is not an ISO 8601 UTC time'
    case 'error':
      return frame.code === 'bad_message' && typeof frame.message === 'string' ? null : 'error frame without bad_message code and message'
    default:
      return `unknown frame type ${String(frame?.type)}`
  }
}

const TIME_FIELDS = new Set(['last_seen', 'lastSeen', 'last_activity', 'sent_at', 'at', 'ts', 'now', 'status_expires_at', 'statusExpiresAt'])

/** Contract section 3: timestamps are ISO 8601 in UTC. Returns the paths of those that are not. */
export function badTimestamps(value: Json, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => badTimestamps(v, `${path}[${i}]`))
  if (typeof value !== 'object' || value === null) return []
  return Object.entries(value).flatMap(([key, v]) =>
    TIME_FIELDS.has(key) && !(v === null || isUtcIso(v)) ? [`${path}.${key}=${JSON.stringify(v)}`] : badTimestamps(v, `${path}.${key}`),
  )
}

export interface Transport {
  kind: Driver['kind']
  origin: string
  /** A plain fetch against the transport. */
  rawFetch: (url: string, init: RequestInit) => Promise<Response>
  /** A browser-style WebSocket to an absolute ws:// URL. */
  openSocket: (url: string) => BrowserLikeSocket
  /** Stops the server or handlers; the driver has closed its sockets by then. */
  dispose: () => Promise<void>
}

/** A driver over a transport: fetch with OpenAPI checks, and sockets that are all closed with the driver. */
export async function createDriver(transport: Transport, checkFrame = checkServerFrame): Promise<Driver> {
  const { origin, rawFetch } = transport
  const openapi = await loadOpenApi((path) => rawFetch(origin + path, {}))
  const sockets = new Set<{ raw: BrowserLikeSocket; test: TestSocket }>()
  const frameErrors: string[] = []
  return {
    kind: transport.kind,
    origin,
    openapi,
    frameErrors,
    async fetch(path, init = {}) {
      const method = (init.method ?? 'GET').toUpperCase()
      const headers: Record<string, string> = { ...init.headers }
      let body: string | Uint8Array | undefined = init.body
      if (init.json !== undefined) {
        body = JSON.stringify(init.json)
        headers['content-type'] ??= 'application/json'
      }
      if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`
      let payload: BodyInit | undefined = body as BodyInit | undefined
      if (init.chunked && body !== undefined) {
        const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body
        payload = new ReadableStream<Uint8Array>({
          start(controller) {
            for (let i = 0; i < bytes.length; i += 8 * 1024) controller.enqueue(bytes.slice(i, i + 8 * 1024))
            controller.close()
          },
        })
      }
      const res = await rawFetch(origin + path, {
        method,
        headers,
        body: payload,
        ...(init.chunked ? { duplex: 'half' } : {}),
      } as RequestInit)
      const text = await res.text()
      // Every response is checked against the document; a mismatch fails the test that made the request.
      openapi.check(method, path, res.status, res.headers.get('content-type'), text)
      let json: Json
      if (/json/i.test(res.headers.get('content-type') ?? '')) json = JSON.parse(text)
      if (path.startsWith('/api/') && path !== '/api/openapi.json') {
        const bad = badTimestamps(json)
        if (bad.length) throw new Error(`${method} ${path}: timestamps not in ISO 8601 UTC: ${bad.join(', ')}`)
      }
      return { status: res.status, headers: res.headers, text, json }
    },
    socket(pathWithQuery) {
      const raw = transport.openSocket(origin.replace(/^http/, 'ws') + pathWithQuery)
      const test = wrapSocket(raw, (text) => {
        const error = checkFrame(text)
        if (error) frameErrors.push(`${error}: ${text.slice(0, 500)}`)
      })
      const entry = { raw, test }
      sockets.add(entry)
      void test.closed.then(() => sockets.delete(entry))
      return test
    },
    async close() {
      for (const { test } of sockets) test.close()
      await Promise.race([Promise.all([...sockets].map(({ test }) => test.closed)), sleep(500)])
      await transport.dispose()
    },
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers over a driver, in the contract's terms.

export const PASSWORD = 'password'

export interface Session {
  access: string
  refresh: string
  user: Json
}

export async function login(d: Driver, username: string): Promise<Session> {
  const res = await d.fetch('/api/auth/login/', { method: 'POST', json: { username, password: PASSWORD } })
  expect(res.status, `login ${username}: ${res.text}`).toBe(200)
  return res.json as Session
}

/** An authenticated request that must succeed with 200; returns the body. */
export async function call(d: Driver, token: string, method: string, path: string, json?: unknown): Promise<Json> {
  const res = await d.fetch(path, { method, token, ...(json === undefined ? {} : { json }) })
  expect(res.status, `${method} ${path}: ${res.text}`).toBe(200)
  return res.json
}

export const get = (d: Driver, token: string, path: string) => call(d, token, 'GET', path)

/** Moves the server clock (the contract's control); never sleep for presence timing. */
export async function advance(d: Driver, seconds: number): Promise<Json> {
  const res = await d.fetch('/__mock__/clock', { method: 'POST', json: { advanceSeconds: seconds } })
  expect(res.status, res.text).toBe(200)
  return res.json
}

export async function reset(d: Driver): Promise<void> {
  const res = await d.fetch('/__mock__/reset', { method: 'POST' })
  expect(res.status, res.text).toBe(200)
}

export async function controlPresence(d: Driver, userId: number, status: string): Promise<HttpResult> {
  return d.fetch(`/__mock__/users/${userId}/presence`, { method: 'POST', json: { status } })
}

export async function setPresence(d: Driver, userId: number, status: string): Promise<Json> {
  const res = await controlPresence(d, userId, status)
  expect(res.status, res.text).toBe(200)
  return res.json
}

/** Opens `/ws/user-status/` (or `path`) with the token and waits for the snapshot, which must come first. */
export async function connect(d: Driver, token: string, path = '/ws/user-status/'): Promise<TestSocket & { snapshot: Json }> {
  const socket = d.socket(`${path}?token=${encodeURIComponent(token)}`)
  const snapshot = await socket.next()
  expect(snapshot.type, JSON.stringify(snapshot)).toBe('online_users')
  return Object.assign(socket, { snapshot })
}

/**
 * A barrier: sends `{"type":"ping"}` and waits for the pong. Whatever the server sent on this socket before
 * handling the ping has arrived by then. Returns the messages consumed up to the pong (the pong excluded).
 * Note that a ping frame is a sign of life of the socket's user.
 */
export async function sync(socket: TestSocket): Promise<Json[]> {
  // The queue is always the unconsumed tail of `received`.
  const start = socket.received.length - socket.pending().length
  socket.send(JSON.stringify({ type: 'ping' }))
  const pong = await socket.next((m) => m.type === 'pong')
  return socket.received.slice(start, socket.received.indexOf(pong, start))
}

export const isStatusOf = (userId: number, status?: string) => (m: Json) =>
  m.type === 'user.status.changed' && m.user?.id === userId && (status === undefined || m.user.status === status)

/** The `user.status.changed` events about a user among messages. */
export const eventsAbout = (messages: Json[], userId: number) => messages.filter(isStatusOf(userId))

/** A fresh login and a GET answer normally: the server survived whatever came before. */
export async function expectHealthy(d: Driver): Promise<void> {
  const session = await login(d, 'ahmad')
  const me = await get(d, session.access, '/api/users/me/')
  expect(me.username).toBe('ahmad')
  const list = await get(d, session.access, '/api/chat/online-users/')
  expect(list.success).toBe(true)
}

export const isUtcIso = (value: unknown) =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|\+00:00)$/.test(value) && !Number.isNaN(Date.parse(value))

// --- what every contract test file uses: a fresh backend per test, the error shape, a quiet socket --------------

/** A fresh backend for every test (tests are independent); frames and sockets are checked and closed after it. */
export function fresh(makeDriver: MakeDriver, options?: DriverOptions): () => Driver {
  let current: Driver | undefined
  beforeEach(async () => {
    current = await makeDriver(options)
  })
  afterEach(async () => {
    const driver = current
    current = undefined
    if (!driver) return
    await driver.close()
    expect(driver.frameErrors, 'WebSocket frames that break the contract shapes').toEqual([])
  })
  return () => current!
}

/** The contract's JSON error: that status, that code, a message, and the field named when one is given. */
export function expectError(res: HttpResult, status: number, code: string, field?: string) {
  expect(res.status, res.text).toBe(status)
  expect(res.headers.get('content-type') ?? '').toMatch(/json/)
  expect(res.json).toEqual({ error: { code, message: expect.any(String) } })
  if (field) expect(res.json.error.message).toContain(field)
}

export async function quiet(socket: TestSocket): Promise<Json[]> {
  await sleep(80)
  return sync(socket)
}

export const idOf = (s: Session): number => s.user.id
