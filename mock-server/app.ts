import { Hono, type Context } from 'hono'
import { cors } from 'hono/cors'
import type { MockBackend } from './backend'
import { describeIssue } from './core/schemas'
import type { SessionRef } from './core/tokens'
import { openApiDocument } from './openapi'
import { HttpError, zodOf, type Route, type Schema } from './route'
import { routesFor } from './modes/table'

export const MAX_BODY_BYTES = 64 * 1024
const LOCAL_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?$/

/** `application/json`, with or without parameters (`; charset=utf-8`). */
const JSON_TYPE = /^application\/json\s*(;|$)/i

const fail = (c: Context, status: number, code: string, message: string) =>
  c.json({ error: { code, message } }, status as 400)

/** `/api/users/admin/users/{id}/x/` → `/api/users/admin/users/:id{[0-9]+}/x`, as Hono matches it with or without the slash. */
export function honoPath(path: string): string {
  return path.replace(/\{(\w+)\}(\.\w+)?/g, (_, name: string, ext?: string) =>
    ext ? `:${name}{[0-9]+\\${ext}}` : `:${name}{[0-9]+}`,
  ).replace(/(.)\/$/, '$1')
}

async function readBody(request: Request): Promise<string | HttpError> {
  const declared = Number(request.headers.get('content-length') ?? 0)
  const tooLarge = new HttpError(413, 'payload_too_large', `the body is over ${MAX_BODY_BYTES} bytes`)
  if (declared > MAX_BODY_BYTES) return tooLarge
  if (!request.body) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > MAX_BODY_BYTES) {
      // Not awaited: the body may be one branch of a tee (MSW clones requests), whose cancel settles only once
      // the other branch is cancelled too; awaiting it would never answer the 413.
      reader.cancel().catch(() => {})
      return tooLarge
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return new TextDecoder().decode(bytes)
}

/** Whether the request carries a body: declared by its headers, or found by reading it (in-process requests). */
async function hasBody(request: Request): Promise<boolean> {
  const length = request.headers.get('content-length')
  if (length !== null && Number(length) > 0) return true
  if (request.headers.has('transfer-encoding')) return true
  if (!request.body) return false
  const text = await readBody(request.clone())
  return text instanceof HttpError || text !== ''
}

function parse<T>(schema: Schema<T> | undefined, input: unknown): T {
  if (!schema) return undefined as T
  const result = zodOf(schema).safeParse(input)
  if (!result.success) throw new HttpError(400, 'invalid_field', describeIssue(result.error))
  return result.data
}

function authenticate(backend: MockBackend, c: Context, route: Route): SessionRef | null {
  if (route.access === 'public' || route.access === 'control') return null
  const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')
  const auth = match ? backend.tokens.authenticate(match[1]!, backend.clock.now()) : null
  if (!auth && route.access !== 'session') throw new HttpError(401, 'unauthorized', 'a valid bearer token is required')
  return auth
}

export interface AppOptions {
  /**
   * The base of absolute links for a request: the server's own address, given by the transport. Default: the
   * backend's `publicUrl`, else the origin of the request's URL (in-process transports, where no other page can
   * address the handlers).
   */
  publicUrl?: (request: Request) => string
}

function handler(backend: MockBackend, route: Route, publicUrl: (request: Request) => string) {
  return async (c: Context) => {
    backend.presence.evaluate()
    const auth = authenticate(backend, c, route)
    // Every request with a valid bearer token is a sign of life, as activity-tracking middleware makes it;
    // the backend's rules say whether it counts.
    if (auth) backend.presence.sign(auth.userId, 'request')
    if (route.access === 'admin' && !backend.presence.user(auth!.userId)?.isAdmin) {
      throw new HttpError(403, 'forbidden', 'admins only')
    }
    const control = route.access === 'control'
    // A web page elsewhere must not reach the controls: a cross-origin `fetch` or form post carries its Origin.
    const origin = c.req.header('origin')
    if (control && origin !== undefined && !LOCAL_ORIGIN.test(origin)) {
      throw new HttpError(403, 'forbidden', "the mock's controls answer only local origins (http://localhost, http://127.0.0.1)")
    }
    // Only a JSON body needs a CORS preflight: a form post or a text/plain fetch from any page does not.
    const json = JSON_TYPE.test(c.req.header('content-type') ?? '')
    if ((control || route.body) && !json && (await hasBody(c.req.raw))) {
      throw control
        ? new HttpError(403, 'forbidden', "the mock's controls take a body only as Content-Type: application/json")
        : new HttpError(415, 'unsupported_media_type', 'the body must be sent as Content-Type: application/json')
    }
    let body: unknown
    if (route.body) {
      const text = await readBody(c.req.raw)
      if (text instanceof HttpError) throw text
      try {
        body = text.trim() === '' ? {} : JSON.parse(text)
      } catch {
        throw new HttpError(400, 'invalid_json', 'the body is not valid JSON')
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw new HttpError(400, 'invalid_json', 'the body must be a JSON object')
      }
    }
    const reply = route.handle({
      backend,
      auth,
      body: parse(route.body, body),
      query: parse(route.query, c.req.query()),
      params: c.req.param() as Record<string, string>,
      origin: publicUrl(c.req.raw),
    })
    if (reply.type) return c.body(reply.body as string, reply.status as 200, { 'content-type': reply.type })
    return c.json(reply.body ?? null, reply.status as 200)
  }
}

/** The routes this backend answers, shaped as it answers them, the controls included unless they are off. */
export function routesOf(backend: MockBackend): Route[] {
  return routesFor(backend.mode, backend.control)
}

/**
 * The one route table as a web-standard `fetch(request) → response` handler: mounted on Node by the server and
 * called from MSW's handlers in tests and stories.
 */
export function createApp(backend: MockBackend, options: AppOptions = {}): Hono {
  const publicUrl = options.publicUrl ?? ((request: Request) => backend.publicUrl ?? new URL(request.url).origin)
  const routes = routesOf(backend)
  const app = new Hono({ strict: false })
  // The contract's two headers are always allowed, also to a preflight that does not ask for them.
  app.use('*', async (c, next) => {
    await next()
    if (c.req.method !== 'OPTIONS' || !c.res.headers.has('access-control-allow-origin')) return
    const asked = (c.req.header('access-control-request-headers') ?? '').split(',').map((h) => h.trim().toLowerCase())
    c.res.headers.set('access-control-allow-headers', [...new Set(['authorization', 'content-type', ...asked])].filter(Boolean).join(','))
  })
  app.use(
    '*',
    // Local origins only, and as a local dev server answers them: an app's own request headers (Sentry's browser SDK
    // adds sentry-trace and baggage to localhost calls by default) and `credentials: 'include'` (axios
    // `withCredentials`) must not fail against the mock. The mock sets no cookie, so credentials grant nothing more.
    cors({
      origin: (origin) => (LOCAL_ORIGIN.test(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'PATCH'],
      credentials: true,
      maxAge: 600,
    }),
  )
  const document = openApiDocument(routes, backend.mode)
  app.get('/api/openapi.json', (c) => c.json(document))
  const methods = new Map<string, string[]>([['/api/openapi.json', ['GET']]])
  for (const route of routes) {
    app.on(route.method.toUpperCase(), honoPath(route.path), handler(backend, route, publicUrl))
    methods.set(route.path, [...(methods.get(route.path) ?? []), route.method.toUpperCase()])
  }
  for (const [path, allowed] of methods) {
    app.all(honoPath(path), (c) => {
      c.header('allow', allowed.join(', '))
      return fail(c, 405, 'method_not_allowed', `${c.req.method} is not allowed here; use ${allowed.join(', ')}`)
    })
  }
  app.notFound((c) => fail(c, 404, 'not_found', `no route for ${c.req.method} ${c.req.path}`))
  app.onError((error, c) => {
    if (error instanceof HttpError) return fail(c, error.status, error.code, error.message)
    console.error(error)
    return fail(c, 500, 'internal_error', 'the mock server failed; see its log')
  })
  return app
}
