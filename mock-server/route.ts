import type { z } from 'zod'
import type { MockBackend } from './backend'
import type { SessionRef } from './core/tokens'

/**
 * `public` ignores any bearer token; `session` uses one when it is valid (logout); `user` and `admin` require one.
 * `control` is the mock's own controls.
 */
export type Access = 'public' | 'session' | 'user' | 'admin' | 'control'

export interface RouteContext<Body, Query> {
  backend: MockBackend
  /** The caller: always set for `user` and `admin` routes, set when valid for `session` routes. */
  auth: SessionRef | null
  body: Body
  query: Query
  params: Record<string, string>
  /** The server's own public address (never the request's `Host` header), the base of absolute avatar links. */
  origin: string
}

export interface Reply {
  status: number
  body?: unknown
  type?: string
}

/**
 * A route's request or response schema: a zod schema, known to the published types by its output only, so that
 * `presence-kit/mock`'s declarations import no zod (zod is bundled into the mock entries: an app installs none).
 * {@link zodOf} gives the schema back to the mock's own code.
 */
export interface Schema<T = unknown> {
  readonly _zod: { readonly output: T }
}

/** The zod schema behind a {@link Schema}. */
export const zodOf = <T>(schema: Schema<T>): z.ZodType<T> => schema as unknown as z.ZodType<T>

export interface Route<Body = unknown, Query = unknown> {
  method: 'get' | 'post' | 'patch'
  /** OpenAPI form: `/api/users/admin/users/{id}/online-status/`; every `{param}` is a positive integer. */
  path: string
  access: Access
  summary: string
  tag: string
  body?: Schema<Body>
  query?: Schema<Query>
  /** The JSON schema of each success status, for the OpenAPI document; a string is a non-JSON media type. */
  responses: Record<number, Schema | string>
  /** Error statuses this route can give besides the ones its access and body imply. */
  errors?: number[]
  handle(context: RouteContext<Body, Query>): Reply
}

export class HttpError extends Error {
  readonly status: number
  readonly code: string

  constructor(status: number, code: string, message: string) {
    super(message)
    this.status = status
    this.code = code
  }
}

export const define = <Body, Query>(route: Route<Body, Query>) => route as Route
