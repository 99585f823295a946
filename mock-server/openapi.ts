import { z } from 'zod'
import { clientFrame, schemas, serverFrame } from './core/schemas'
import type { BackendMode } from './modes'
import { zodOf, type Route, type Schema } from './route'

type JsonSchema = Record<string, unknown>

const toJson = (schema: Schema, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _, ...rest } = z.toJSONSchema(zodOf(schema), { io, unrepresentable: 'any' }) as JsonSchema
  return rest
}

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid JSON (`invalid_json`) or an invalid field (`invalid_field`, the message names it)',
  401: 'No, bad, expired or revoked token (`unauthorized`)',
  403: 'Admins only (`forbidden`); the body carries no user data. The controls: an Origin that is not local, or a body that is not `application/json`',
  404: 'No such user (`user_not_found`)',
  413: 'The body is over 64 KiB (`payload_too_large`)',
  415: 'A body that is not `Content-Type: application/json` (`unsupported_media_type`)',
}

const errorResponse = (status: number) => ({
  description: ERROR_TEXT[status] ?? 'Error',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
})

function operation(route: Route) {
  const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'integer', minimum: 1 },
  }))
  const query = route.query && zodOf(route.query)
  const queryShape = query instanceof z.ZodObject ? (query.shape as Record<string, z.ZodType>) : {}
  const queryParams = Object.entries(queryShape).map(([name, schema]) => ({
    name,
    in: 'query',
    required: !schema.safeParse(undefined).success,
    schema: toJson(schema, 'output'),
  }))
  const errors = new Set(route.errors ?? [])
  if (route.body || route.query) errors.add(400)
  if (route.access === 'user' || route.access === 'admin') errors.add(401)
  if (route.access === 'admin') errors.add(403)
  if (route.access === 'control') errors.add(403)
  if (route.body) errors.add(413)
  if (route.body && route.access !== 'control') errors.add(415)

  const responses: Record<string, unknown> = {}
  for (const [status, schema] of Object.entries(route.responses)) {
    responses[status] =
      typeof schema === 'string'
        ? { description: 'OK', content: { [schema]: { schema: { type: 'string' } } } }
        : { description: 'OK', content: { 'application/json': { schema: toJson(schema, 'output') } } }
  }
  for (const status of [...errors].sort()) responses[status] = errorResponse(status)

  return {
    summary: route.summary,
    tags: [route.tag],
    ...(route.access === 'user' || route.access === 'admin' ? { security: [{ bearer: [] }] } : {}),
    ...(route.access === 'session' ? { security: [{ bearer: [] }, {}] } : {}),
    parameters: [...pathParams, ...queryParams],
    ...(route.body
      ? { requestBody: { required: false, content: { 'application/json': { schema: toJson(route.body, 'input') } } } }
      : {}),
    responses,
  }
}

const CONTRACT_INFO = {
  title: 'presence kit mock backend',
  description:
    'The presence contract: REST routes of five backend designs (the `--backend` modes), reconciled. The WebSocket protocol is at /ws/user-status/?token=… and /ws/chat/?token=… (see the README), with `&device=web|mobile|desktop` (default and fallback `web`); every frame is one JSON text message, of the schemas `ClientFrame` (client to server) and `ServerFrame` (server to client) below.',
}

function infoOf(mode: BackendMode | undefined) {
  if (!mode || mode.name === 'contract') return CONTRACT_INFO
  const socket = mode.socket ? `Its WebSocket is at ${mode.socket.paths.map((p) => `${p}/?token=…`).join(' and ')}.` : 'It has no WebSocket.'
  return {
    title: `presence kit mock backend: ${mode.name}`,
    description: `The mock as exactly one backend design: ${mode.title}. Only its routes are listed. ${socket}`,
  }
}

/** The OpenAPI 3.1 document of the routes, generated from the same schemas that validate them. */
export function openApiDocument(routes: readonly Route[], mode?: BackendMode) {
  const paths: Record<string, Record<string, unknown>> = {
    '/api/openapi.json': {
      get: {
        summary: 'This document.',
        tags: ['meta'],
        responses: { 200: { description: 'OK', content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    },
  }
  for (const route of routes) (paths[route.path] ??= {})[route.method] = operation(route)
  return {
    openapi: '3.1.0',
    info: { title: infoOf(mode).title, version: '1.0.0', description: infoOf(mode).description },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: toJson(schemas.error, 'output'),
        // The WebSocket's frames: OpenAPI has no operation for them, so they are documented as schemas.
        ...(!mode || mode.name === 'contract'
          ? { ClientFrame: toJson(clientFrame, 'input'), ServerFrame: toJson(serverFrame, 'output') }
          : {}),
      },
    },
    paths,
  }
}
