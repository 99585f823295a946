import type { MockBackend } from '../backend'
import type { Audience, Mode, PresenceRules } from '../core/types'
import type { Route, RouteContext, Schema } from '../route'

export const BACKEND_NAMES = [
  'contract',
  'chat-socket',
  'user-status-socket',
  'chat-polling',
  'chat-list-activity',
  'users-heartbeat-admin',
] as const

/** The backends the mock can be: the contract's union of everything, or exactly one of the designs it reconciles. */
export type BackendName = (typeof BACKEND_NAMES)[number]

/** How a backend's WebSocket speaks; one session protocol, these are its variants. */
export interface SocketProtocol {
  /** The paths it answers on, without the trailing slash (both forms are accepted). */
  readonly paths: readonly string[]
  /** The first frame after a connection opens; null sends none. */
  greeting(backend: MockBackend, userId: number, origin: string): string | null
  /** The answer to `{"type":"ping"}` (always a sign of life, at `at`: the pong's time is the last seen it set); null answers nothing. */
  pong(backend: MockBackend, at: number): object | null
  /** Whether `{"type":"status"}` frames are part of the protocol. */
  readonly statusFrames: boolean
  /**
   * What a change of one user's presence sends. `user`: one frame about that user to each audience (the hub
   * coalesces and orders them). `list`: the whole list again to every open socket, once per change of the list.
   */
  readonly announce:
    | {
        kind: 'user'
        /** The frame for the user's state at server-clock moment `at`. */
        frame(backend: MockBackend, userId: number, audience: Audience, origin: string, viewerId: number, at: number): string | null
        /** Which viewers get the same frame; default: all of them. */
        variant?(backend: MockBackend, userId: number, audience: Audience, viewerId: number): string
      }
    | { kind: 'list'; frame(backend: MockBackend): string }
}

/** A contract route as one backend has it: its own response body and schema, summary, body or query. */
export interface RouteShape {
  summary?: string
  body?: Schema
  query?: Schema
  /** Replaces the contract's success schemas in this backend's OpenAPI document. */
  responses?: Route['responses']
  /** Turns the contract's success body into this backend's. */
  shape?: (body: any, ctx: RouteContext<unknown, unknown>) => unknown // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** One backend, described: what it serves, how its socket speaks, what counts as being online, which views. */
export interface BackendMode {
  readonly name: BackendName
  /** One line for the CLI, the OpenAPI document and the README. */
  readonly title: string
  /** Which signs of life count, which end presence. */
  readonly rules: PresenceRules
  /** Whether REST presence runs out after the TTL; false: it lasts until logout or mark-offline. */
  readonly restExpires: boolean
  /** The modes a user can be in (`auto` is plain online); the seeded cast is mapped onto them. */
  readonly modes: readonly Mode[]
  /** Whether users have status messages. */
  readonly messages: boolean
  /** Null: no socket at all, every upgrade is a 404. */
  readonly socket: SocketProtocol | null
  /**
   * The contract routes it serves, by `METHOD path`: `true` as the contract has them, or reshaped. `'all'`: the
   * whole contract. The mock's controls are added to every backend.
   */
  readonly routes: 'all' | Readonly<Record<string, true | RouteShape>>
}
