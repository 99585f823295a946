import type { Route } from '../route'
import { apiRoutes, controlRoutes } from '../routes'
import { controlBody, designAdminStatus } from './common'
import { modeResponses } from './schemas'
import type { BackendMode, RouteShape } from './types'

const keyOf = (route: Route) => `${route.method.toUpperCase()} ${route.path}`

function reshaped(route: Route, shape: RouteShape): Route {
  const { shape: render, ...overrides } = shape
  if (!render) return { ...route, ...overrides }
  return {
    ...route,
    ...overrides,
    handle: (ctx) => {
      const reply = route.handle(ctx)
      return reply.status < 300 && !reply.type ? { ...reply, body: render(reply.body, ctx) } : reply
    },
  }
}

/**
 * The one route table as a backend has it: the contract's routes that backend serves, each shaped as its design
 * answers, and the mock's controls (unless they are off), whose presence control takes that backend's statuses.
 */
export function routesFor(mode: BackendMode, control: boolean): Route[] {
  const controls = control ? controlRoutes : []
  if (mode.routes === 'all') return [...apiRoutes, ...controls]
  const table = mode.routes
  const known = new Set(apiRoutes.map(keyOf))
  const unknown = Object.keys(table).filter((key) => !known.has(key))
  if (unknown.length) throw new Error(`backend ${mode.name} names routes the contract does not have: ${unknown.join(', ')}`)
  const api = apiRoutes.flatMap((route) => {
    const shape = table[keyOf(route)]
    if (shape === undefined) return []
    return [shape === true ? route : reshaped(route, shape)]
  })
  // The presence control answers in the backend's own shape too: none of the contract's section 6 fields.
  const presence = (route: Route) =>
    reshaped(route, { body: controlBody(mode), responses: { 200: modeResponses.controlPresence }, shape: designAdminStatus })
  return [...api, ...controls.map((route) => (route.path === '/__mock__/users/{id}/presence' ? presence(route) : route))]
}
