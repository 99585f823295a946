// A backend written from one background document alone (not from the kit's mock), for the document-backend suites:
// a node:http server on 127.0.0.1 that answers only the routes the document defines, as Django would answer the
// rest (an unknown path is a 404 HTML page; a known one without its trailing slash is a 301 for GET and a 500 for
// POST, APPEND_SLASH's answers). Every request is recorded with the user its token names. The server's clock can
// be moved (the documents' 5-minute windows); two real PresenceRuntime instances drive it, and every wait is for a
// state, never for a time.
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, expect, vi } from 'vitest'
import type { UserStatusProviderProps } from '../../src'
import { PresenceRuntime, type PresenceRuntimeOptions } from '../../src/runtime'
import { Stage, type Tab } from './harness'

/** One user of the document's backend; `token` is their access token, the rest is the backend's own state. */
export interface DocumentUser {
  id: number
  username: string
  token: string
  isAdmin: boolean
  [field: string]: unknown
}

/** One request as the backend saw it. */
export interface SeenRequest {
  /** Whose token it carried (null: none or unknown). */
  user: string | null
  method: string
  path: string
  query: string
  /** The route it matched (`POST /api/chat/heartbeat/`), or null. */
  route: string | null
  status: number
  body: unknown
  /** When the backend received it (performance.now()). */
  at: number
  /** Sent by the test as the app (the document's frontend), not by the kit. */
  byApp: boolean
}

/** What a route answers. */
export type Reply = { status: number; json?: unknown } | { status: number; html: string }

/** A route's handler: the caller (authenticated by Bearer token, or null), the JSON body, the path's `<id>`s. */
export type Handler = (request: { user: DocumentUser | null; body: unknown; query: URLSearchParams; params: string[] }) => Reply

/** Django's production 404 page (DEBUG = False). */
export const DJANGO_404 =
  '<!doctype html>\n<html lang="en">\n<head>\n  <title>Not Found</title>\n</head>\n<body>\n  <h1>Not Found</h1><p>The requested resource was not found on this server.</p>\n</body>\n</html>\n'

/** DRF's answer to a request without (valid) credentials. */
export const NOT_AUTHENTICATED: Reply = { status: 401, json: { detail: 'Authentication credentials were not provided.' } }

/** DRF's answer to an authenticated user without permission. */
export const FORBIDDEN: Reply = { status: 403, json: { detail: 'You do not have permission to perform this action.' } }

interface Route {
  key: string
  method: string
  pattern: RegExp
  handler: Handler
}

/**
 * A document's backend: its routes (`'POST /api/chat/heartbeat/'`, `<id>` for a number in the path), its users and
 * a hook run on every authenticated request before the route (the documents' activity middlewares).
 *
 * @example
 * const backend = new DocumentBackend(['john_doe', 'jane_smith'], { 'GET /api/chat/online-users/': () => ({ status: 200, json: {} }) })
 */
export class DocumentBackend {
  readonly requests: SeenRequest[] = []
  readonly users: DocumentUser[]
  url = ''
  /** Run on every authenticated request before its route (a middleware); none while `null`. */
  middleware: ((user: DocumentUser) => void) | null = null
  readonly #routes: Route[] = []
  readonly #server: Server
  #offsetMs = 0

  constructor(users: Array<string | { username: string; isAdmin?: boolean }>, routes: Record<string, Handler>) {
    this.users = users.map((user, index) => {
      const { username, isAdmin = false } = typeof user === 'string' ? { username: user } : user
      return { id: index + 1, username, token: `token-of-${username}`, isAdmin }
    })
    for (const [key, handler] of Object.entries(routes)) this.route(key, handler)
    this.#server = createServer((request, response) => {
      void this.#answer(request).then(({ reply, headers }) => {
        const isHtml = 'html' in reply
        response.writeHead(reply.status, { 'content-type': isHtml ? 'text/html; charset=utf-8' : 'application/json', ...headers })
        response.end(isHtml ? reply.html : reply.json === undefined ? '' : JSON.stringify(reply.json))
      })
    })
  }

  /** Adds (or replaces) a route. */
  route(key: string, handler: Handler): void {
    const [method = '', path = ''] = key.split(' ')
    const pattern = new RegExp(`^${path.replace(/<id>/g, '(\\d+)')}$`)
    const index = this.#routes.findIndex((route) => route.key === key)
    const route = { key, method, pattern, handler }
    if (index === -1) this.#routes.push(route)
    else this.#routes[index] = route
  }

  /**
   * Takes a route away: the backend answers it as a path it does not have (it still counts as the document's).
   * Returns the function that puts it back.
   */
  unroute(key: string): () => void {
    const route = this.#routes.find((candidate) => candidate.key === key)
    if (!route) throw new Error(`no route ${key}`)
    const handler = route.handler
    route.handler = () => ({ status: 404, html: DJANGO_404 })
    return () => (route.handler = handler)
  }

  /** The backend's clock, in epoch ms. */
  now(): number {
    return Date.now() + this.#offsetMs
  }

  /** Moves the backend's clock forward. */
  advance(seconds: number): void {
    this.#offsetMs += seconds * 1000
  }

  user(username: string): DocumentUser {
    const user = this.users.find((candidate) => candidate.username === username)
    if (!user) throw new Error(`no user ${username}`)
    return user
  }

  /** The kit's requests (not the app's), optionally of one user. */
  kitRequests(username?: string): SeenRequest[] {
    return this.requests.filter((request) => !request.byApp && (username === undefined || request.user === username))
  }

  /** The kit's requests to a route the document does not define. */
  undocumented(): SeenRequest[] {
    return this.kitRequests().filter((request) => request.route === null)
  }

  /** A request as the app's own code makes it (recorded, but not as the kit's). */
  async app(username: string, key: string, body?: unknown): Promise<Response> {
    const [method = '', path = ''] = key.split(' ')
    return fetch(`${this.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.user(username).token}`, 'content-type': 'application/json', 'x-by-app': '1' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections()
    await new Promise<void>((resolve) => this.#server.close(() => resolve()))
  }

  async #answer(request: IncomingMessage): Promise<{ reply: Reply; headers: Record<string, string> }> {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    const text = Buffer.concat(chunks).toString('utf8')
    let body: unknown
    try {
      body = text === '' ? undefined : JSON.parse(text)
    } catch {
      body = text
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const method = request.method ?? 'GET'
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1]
    const user = this.users.find((candidate) => candidate.token === token) ?? null
    const seen: SeenRequest = {
      user: user?.username ?? null,
      method,
      path: url.pathname,
      query: url.search,
      route: null,
      status: 0,
      body,
      at: performance.now(),
      byApp: request.headers['x-by-app'] === '1',
    }
    this.requests.push(seen)
    const match = (path: string) => {
      for (const route of this.#routes) {
        const found = route.method === method ? route.pattern.exec(path) : null
        if (found) return { route, params: found.slice(1) }
      }
      return null
    }
    let reply: Reply
    const headers: Record<string, string> = {}
    const found = match(url.pathname)
    if (found) {
      seen.route = found.route.key
      if (user) this.middleware?.(user)
      reply = found.route.handler({ user, body, query: url.searchParams, params: found.params })
    } else if (!url.pathname.endsWith('/') && match(`${url.pathname}/`)) {
      // APPEND_SLASH: a GET is redirected, a POST cannot be (Django raises a RuntimeError, a 500 in production).
      reply = method === 'GET' ? { status: 301, html: '' } : { status: 500, html: '<h1>Server Error (500)</h1>' }
      if (method === 'GET') headers.location = `${url.pathname}/${url.search}`
    } else {
      reply = { status: 404, html: DJANGO_404 }
    }
    seen.status = reply.status
    return { reply, headers }
  }
}

const runtimes: PresenceRuntime[] = []

/**
 * A runtime signed in as `username` against the document's backend: Node's fetch, no tab election (each user is
 * one tab), the preset and options given. Started at once; {@link stopRuntimes} stops it.
 */
export function signIn(backend: DocumentBackend, username: string, options: PresenceRuntimeOptions): PresenceRuntime {
  const user = backend.user(username)
  const runtime = new PresenceRuntime({
    apiBaseUrl: backend.url,
    fetch: (input, init) => fetch(input, init),
    heartbeat: { locks: null, BroadcastChannel: null },
    userId: user.id,
    ...options,
  })
  runtimes.push(runtime)
  runtime.start(user.token)
  return runtime
}

/** Stops every runtime {@link signIn} made. */
export function stopRuntimes(): void {
  for (const runtime of runtimes.splice(0)) runtime.stop()
}

/** Whether `observer`'s store has this user online. */
export const seesOnline = (observer: PresenceRuntime, user: DocumentUser) => observer.store.users.get(String(user.id))?.isOnline === true

/** Waits (checking every 5 ms, never sleeping a set time) until `check` holds. */
export const until = (check: () => boolean, what: string, timeout = 3_000) =>
  vi.waitFor(() => expect(check(), what).toBe(true), { timeout, interval: 5 })

/** Waits until the backend has seen `count` more kit requests matching `filter` than now. */
export async function nextRequests(backend: DocumentBackend, filter: (request: SeenRequest) => boolean, count = 1): Promise<void> {
  const before = backend.kitRequests().filter(filter).length
  await until(() => backend.kitRequests().filter(filter).length >= before + count, `${count} more matching requests`)
}

/** The ms between each request and the one before it. */
export const gaps = (requests: readonly SeenRequest[]) => requests.slice(1).map((request, index) => request.at - requests[index]!.at)

/**
 * A fresh backend from `make` for each test, started before it (`use` receives it); after it, the runtimes are
 * stopped, the backend too, and no kit request may have gone to a path the document does not define.
 */
export function backendPerTest(make: () => DocumentBackend, use: (backend: DocumentBackend) => void): void {
  let backend: DocumentBackend
  beforeEach(() => {
    backend = make()
    use(backend)
    return backend.start()
  })
  afterEach(async () => {
    stopRuntimes()
    await backend.stop()
    expect(backend.undocumented(), 'kit requests to paths the document does not define').toEqual([])
  })
}

/** What {@link showCard} gives: the tab (its runtime, its card) and the text of the card's message. */
export interface ShownCard {
  tab: Tab
  message: () => string | null
  close: () => Promise<void>
}

/**
 * The real provider and OnlineUsers card of `username` on this backend, in a happy-dom window of their own (the
 * preset suites' Stage, on this server instead of the mock). `close` unmounts it and fails on console problems.
 */
export async function showCard(backend: DocumentBackend, username: string, props: Omit<UserStatusProviderProps, 'token' | 'children'>): Promise<ShownCard> {
  const stage = new Stage()
  stage.startOn({ url: backend.url, close: async () => {} })
  const user = backend.user(username)
  const tab = stage.tab(username, { userId: user.id, ...props })
  tab.render(user.token)
  await until(() => tab.runtime !== null, 'the provider is up')
  const message = () => stage.window.document.querySelector('[data-slot="online-users"] p')?.textContent ?? null
  const close = async () => {
    await stage.stop()
    expect(stage.consoleProblems, 'console errors and warnings').toEqual([])
  }
  return { tab, message, close }
}
