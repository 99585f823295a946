import { PresenceApiError, readErrorBody } from './api-error'
import { joinUrl, type EndpointName, type PresenceEndpoints } from './endpoints'
import type { LastSeenVisibility, PresenceMode } from './presence-status'
import { resolveEndpoints, type BackendPreset } from './presets'
import {
  readActivity,
  readConversations,
  readHeartbeat,
  readMarkOffline,
  readMe,
  readNextPage,
  readOnlineUsers,
  type ActivityEntry,
  type BodyResult,
  type Conversation,
  type HeartbeatResult,
  type MarkOfflineResult,
  type MyPresence,
  type OnlineUsers,
} from './responses'
import { readToken, type TokenSource } from './token'

/**
 * A record the client received but could not use, as reported to `onInvalid`.
 *
 * @example
 * const onInvalid = (issue: InvalidRecord) => console.warn(`[presence] ${issue.source}: ${issue.reason}`)
 */
export interface InvalidRecord {
  /** Which endpoint or frame it came from. */
  source: string
  reason: string
}

/**
 * Options of {@link PresenceRestClient}.
 *
 * @example
 * const options: PresenceRestClientOptions = {
 *   apiBaseUrl: 'http://localhost:8000',
 *   token: () => auth.accessToken,
 *   backend: 'user-status-socket',
 *   endpoints: { onlineUsers: '/api/presence/online/' },
 * }
 */
export interface PresenceRestClientOptions {
  /** The backend's base URL, e.g. `http://localhost:8000` (a trailing `/api` is fine, see {@link joinUrl}). */
  apiBaseUrl: string
  /** The access token, sent as `Authorization: Bearer …`; read before every request. */
  token?: TokenSource
  /** Which backend's paths to use (see {@link BackendPreset}). Default `contract`. */
  backend?: BackendPreset
  /** Paths that differ from the preset's; `null` switches an endpoint off. */
  endpoints?: Partial<PresenceEndpoints>
  /** The `fetch` to use; default the global one, looked up at each call (so MSW and polyfills are seen). */
  fetch?: typeof fetch
  /** Called for each record of a response that was dropped as invalid, or whose fields were fixed (text cut, an image URL refused). */
  onInvalid?: (issue: InvalidRecord) => void
}

/**
 * Per-call options.
 *
 * @example
 * useQuery({ queryKey: ['online'], queryFn: ({ signal }) => rest.onlineUsers({ signal }) })
 */
export interface RequestOptions {
  signal?: AbortSignal
}

/**
 * The status change that `setStatus` asks for; a `statusMessage` of `null` clears the message.
 *
 * @example
 * await rest.setStatus({ mode: 'dnd', statusMessage: 'Focus time' })
 */
export interface StatusUpdate {
  mode?: PresenceMode
  statusMessage?: string | null
  /** When the message clears itself (epoch ms or a `Date`), or `null` for never (contract 6.3). */
  statusExpiresAt?: number | Date | null
  /** Who may see the caller's last seen (contract 6.4). */
  lastSeenVisibility?: LastSeenVisibility
  /** Whether the caller's REST presence is idle (contract 6.1). */
  idle?: boolean
}

interface Call {
  endpoint: EndpointName
  method: 'GET' | 'POST' | 'PATCH'
  query?: Record<string, string | number | undefined>
  body?: unknown
  signal?: AbortSignal | undefined
}

const now = () => new Date().toISOString()

/**
 * An expiry as the contract sends it: an ISO 8601 string, or `null` for never.
 *
 * @example
 * isoOrNull(0) // '1970-01-01T00:00:00.000Z'
 */
export const isoOrNull = (at: number | Date | null): string | null => (at === null ? null : new Date(at).toISOString())

/**
 * How many pages of a paginated list (an admin list's `pagination.has_next`) `onlineUsers()` reads at most.
 *
 * @example
 * MAX_LIST_PAGES // 20: 1,000 users at 50 a page
 */
export const MAX_LIST_PAGES = 20

/**
 * The presence REST API of the contract and of each {@link BackendPreset}, on top of `fetch`. Every method resolves to a typed,
 * normalised result or rejects with a {@link PresenceApiError}; records that fail validation are dropped and
 * reported through `onInvalid`. No React, no browser globals at import time.
 *
 * @example
 * const rest = new PresenceRestClient({ apiBaseUrl: 'http://localhost:8000', token: () => auth.access })
 * const { users } = await rest.onlineUsers()
 * await rest.heartbeat()
 */
export class PresenceRestClient {
  /** The endpoints in use, after the preset and the overrides. */
  readonly endpoints: Readonly<PresenceEndpoints>
  readonly #options: PresenceRestClientOptions

  constructor(options: PresenceRestClientOptions) {
    this.#options = options
    this.endpoints = Object.freeze(resolveEndpoints(options.backend, options.endpoints))
  }

  /**
   * Whether the backend has this endpoint (it is not `null` in the configuration).
   *
   * @example
   * if (rest.has('heartbeat')) startHeartbeat()
   */
  has(endpoint: EndpointName): boolean {
    return this.endpoints[endpoint] !== null
  }

  /**
   * Everyone online. Reads every list body: `{onlineUsers: [...]}` (objects or ids),
   * `{online_users: [ids]}`, a bare array, the contract's body carrying both, and an admin list's
   * pages `{online_users: [...], pagination: {has_next}}` (the next pages are fetched too, up to
   * {@link MAX_LIST_PAGES}). `filter: 'friends'` is `GET /api/users/online/?filter=friends`; a filtered list is not a snapshot
   * of everyone and must not be merged as one.
   *
   * @example
   * const { users, detailed, includesSelf } = await rest.onlineUsers()
   */
  async onlineUsers(options: RequestOptions & { filter?: 'friends' } = {}): Promise<OnlineUsers> {
    const page = (query: Call['query']) => {
      let next: ReturnType<typeof readNextPage> = null
      const read = (body: unknown) => {
        next = readNextPage(body)
        return readOnlineUsers(body)
      }
      return this.#call({ endpoint: 'onlineUsers', method: 'GET', query, signal: options.signal }, read).then((list) => ({ list, next }))
    }
    const first = await page({ filter: options.filter })
    const { includesSelf } = first.list
    const users = [...first.list.users]
    const issues = [...first.list.issues]
    let detailed = first.list.detailed
    let next = first.next
    for (let read = 1; next !== null && read < MAX_LIST_PAGES; read++) {
      const more = await page({ filter: options.filter, page: next.page, per_page: next.perPage })
      users.push(...more.list.users)
      issues.push(...more.list.issues)
      detailed &&= more.list.detailed
      next = more.next
    }
    if (next !== null) this.#options.onInvalid?.({ source: 'onlineUsers', reason: `more than ${MAX_LIST_PAGES} pages: the rest was not read` })
    return { users, detailed, issues, includesSelf }
  }

  /**
   * Everyone online with their names and pictures (the `userDetails` endpoint, such as
   * `GET /api/chat/online-users/`), for a socket or a list that carries ids only.
   *
   * @example
   * const { users } = await rest.userDetails()
   * const names = new Map(users.map((user) => [user.id, user.username]))
   */
  userDetails(options: RequestOptions = {}): Promise<OnlineUsers> {
    return this.#call({ endpoint: 'userDetails', method: 'GET', signal: options.signal }, readOnlineUsers)
  }

  /**
   * The caller's friends who are online: `GET /api/users/online/?filter=friends` (the `onlineFriends`
   * endpoint). Only friends who are online are listed, so an absent user may be a friend who is offline.
   *
   * @example
   * const { users } = await rest.onlineFriends()
   * const friendIds = new Set(users.map((user) => user.id))
   */
  onlineFriends(options: RequestOptions = {}): Promise<OnlineUsers> {
    return this.#call({ endpoint: 'onlineFriends', method: 'GET', query: { filter: 'friends' }, signal: options.signal }, readOnlineUsers)
  }

  /**
   * A sign of life. Sends a `timestamp` field (as older backends expect), which the contract accepts and ignores.
   *
   * @example
   * const { status, lastSeen } = await rest.heartbeat()
   */
  heartbeat(options: RequestOptions = {}): Promise<HeartbeatResult> {
    return this.#call({ endpoint: 'heartbeat', method: 'POST', body: { timestamp: now() }, signal: options.signal }, readHeartbeat)
  }

  /**
   * Ends the caller's REST presence at once (`POST /api/chat/mark-offline/`). It closes no socket: close this tab's socket first.
   *
   * @example
   * socket.close()
   * await rest.markOffline()
   */
  markOffline(options: RequestOptions = {}): Promise<MarkOfflineResult> {
    return this.#call({ endpoint: 'markOffline', method: 'POST', body: { timestamp: now() }, signal: options.signal }, readMarkOffline)
  }

  /**
   * The caller as they see themself, with their mode.
   *
   * @example
   * const me = await rest.me()
   * store.getState().setSelf(me.id)
   */
  me(options: RequestOptions = {}): Promise<MyPresence> {
    return this.#call({ endpoint: 'me', method: 'GET', signal: options.signal }, readMe)
  }

  /**
   * Sets the caller's mode and/or status message; resolves to the caller as `me()` does.
   *
   * @example
   * await rest.setStatus({ mode: 'away', statusMessage: 'Lunch' })
   * await rest.setStatus({ statusMessage: null }) // clears the message
   */
  setStatus(update: StatusUpdate, options: RequestOptions = {}): Promise<MyPresence> {
    const body: Record<string, unknown> = {}
    if (update.mode !== undefined) body.mode = update.mode
    if (update.statusMessage !== undefined) body.status_message = update.statusMessage
    if (update.statusExpiresAt !== undefined) body.status_expires_at = isoOrNull(update.statusExpiresAt)
    if (update.lastSeenVisibility !== undefined) body.last_seen_visibility = update.lastSeenVisibility
    if (update.idle !== undefined) body.idle = update.idle
    return this.#call({ endpoint: 'setStatus', method: 'PATCH', body, signal: options.signal }, readMe)
  }

  /**
   * The activity timeline, newest first.
   *
   * @example
   * const entries = await rest.activity({ limit: 20, filter: 'friends' })
   */
  activity(options: RequestOptions & { limit?: number; filter?: 'friends' } = {}): Promise<ActivityEntry[]> {
    const query = { limit: options.limit, filter: options.filter }
    return this.#call({ endpoint: 'activity', method: 'GET', query, signal: options.signal }, readActivity)
  }

  /**
   * The caller's conversations, each with the peer's presence.
   *
   * @example
   * const conversations = await rest.conversations()
   */
  conversations(options: RequestOptions = {}): Promise<Conversation[]> {
    return this.#call({ endpoint: 'conversations', method: 'GET', signal: options.signal }, readConversations)
  }

  /**
   * Revokes the session. `refresh` lets a client whose access token expired still log out (`POST /api/users/logout/` `{"refresh"}`).
   *
   * @example
   * await rest.logout({ refresh: auth.refreshToken })
   */
  async logout(options: RequestOptions & { refresh?: string } = {}): Promise<void> {
    const body = options.refresh ? { refresh: options.refresh } : {}
    await this.#call({ endpoint: 'logout', method: 'POST', body, signal: options.signal }, () => ({ ok: true, value: undefined, issues: [] }))
  }

  async #call<T>(call: Call, read: (body: unknown) => BodyResult<T>): Promise<T> {
    const path = this.endpoints[call.endpoint]
    if (path === null) {
      throw new PresenceApiError(404, 'endpoint_unavailable', `this backend has no "${call.endpoint}" endpoint`)
    }
    const url = this.#url(path, call.query)
    const response = await this.#fetch(url, call)
    const text = await response.text().catch(() => '')
    if (!response.ok) {
      const { code, message } = readErrorBody(text)
      throw new PresenceApiError(response.status, code, message, { url })
    }
    let body: unknown
    try {
      body = text.trim() === '' ? undefined : JSON.parse(text)
    } catch (cause) {
      throw new PresenceApiError(response.status, 'invalid_response', `${call.endpoint}: the body is not JSON`, { url, cause })
    }
    const result = read(body)
    if (!result.ok) throw new PresenceApiError(response.status, 'invalid_response', `${call.endpoint}: ${result.reason}`, { url })
    for (const reason of result.issues) this.#options.onInvalid?.({ source: call.endpoint, reason })
    return result.value
  }

  #url(path: string, query: Call['query'] = {}): string {
    const url = joinUrl(this.#options.apiBaseUrl, path)
    const params = Object.entries(query).filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    if (!params.length) return url
    const search = new URLSearchParams(params.map(([key, value]) => [key, String(value)]))
    return `${url}${url.includes('?') ? '&' : '?'}${search}`
  }

  async #fetch(url: string, call: Call): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' }
    if (call.body !== undefined) headers['content-type'] = 'application/json'
    let token: string | null
    try {
      token = await readToken(this.#options.token)
    } catch (cause) {
      throw new PresenceApiError(0, 'token_error', 'the token source failed', { url, cause })
    }
    if (token) headers.authorization = `Bearer ${token}`
    try {
      // A plain call: `window.fetch` throws "Illegal invocation" when called as a method of another object.
      const doFetch = this.#options.fetch ?? globalThis.fetch
      return await doFetch(url, {
        method: call.method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: call.signal,
      })
    } catch (cause) {
      const aborted = call.signal?.aborted || (cause instanceof Error && cause.name === 'AbortError')
      const message = aborted ? 'the request was aborted' : `network error: ${cause instanceof Error ? cause.message : String(cause)}`
      throw new PresenceApiError(0, aborted ? 'aborted' : 'network_error', message, { url, cause })
    }
  }
}
