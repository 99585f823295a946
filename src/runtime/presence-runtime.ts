import { RUNTIME } from '../defaults'
import {
  backendPreset,
  isAuthError,
  joinUrl,
  Listeners,
  mergePresence,
  onNetworkLost,
  onWake,
  parsePresence,
  PresenceApiError,
  PresenceRestClient,
  PresenceSocket,
  readToken,
  socketUrl,
  type ActivityEntry,
  type BackendPreset,
  type Conversation,
  type DeviceKind,
  type MyPresence,
  type OnlineUsers,
  type PresenceBackend,
  type PresenceEndpoints,
  type PresencePatch,
  type PresenceSocketEvent,
  type PresenceSocketOptions,
  type TokenSource,
  type WebSocketConstructorLike,
} from '../client'
import {
  bindSocketToStore,
  createEventBatcher,
  createPresenceStore,
  RuntimeLifecycle,
  type EventBatcher,
  type PresenceStore,
  type Schedule,
} from '../store'
import { fingerprint } from './fingerprint'
import { lookUpFriends, type FriendsSnapshot } from './friends-lookup'
import { HeartbeatManager, type HeartbeatManagerOptions, type HeartbeatStatusCell } from './heartbeat-manager'
import { createIdleReporter, idleChannelName, socketUrlWithDevice } from './idle-wiring'
import type { IdleReporter, IdleReporterOptions } from './idle-reporter'
import { createOwnSettings, type OwnSettingsStore } from './own-settings'
import { isRefusedList } from './list-availability'
import { PollingFallback } from './polling-fallback'
import { createServerClock, type ServerClockSource } from './server-clock'
import { SocketFallbackPolicy, type SocketFallbackOptions } from './socket-fallback-policy'
import { showsChange, statusFrame, type StatusChange } from './status-change'
import { UserNames } from './user-names'
import type { VisibilityManager } from './visibility-manager'

/**
 * What an app's `resolveUsers` gives for one id: the name and picture it knows (fields it leaves out stay unknown).
 *
 * @example
 * const jane: ResolvedUser = { id: 2, username: 'jane_smith', profileImage: '/avatars/2.svg' }
 */
export interface ResolvedUser {
  id: string | number
  username?: string | null
  profileImage?: string | null
}

/**
 * Names and pictures from the app's own user data, for a backend whose lists carry ids only and that has no
 * details endpoint. Called with the ids that came without a name (each id once per session, the ids of one list
 * in one call); a rejection is reported as an `invalid` runtime event, never thrown into React.
 *
 * @example
 * const resolveUsers: ResolveUsers = async (ids) => {
 *   const response = await fetch(`/api/my-app/users/?ids=${ids.join(',')}`)
 *   return (await response.json()) as ResolvedUser[]
 * }
 */
export type ResolveUsers = (ids: string[]) => Promise<readonly ResolvedUser[]>

/**
 * Options of {@link PresenceRuntime}: the provider's props, plus what tests and other environments inject.
 *
 * @example
 * const options: PresenceRuntimeOptions = { apiBaseUrl: 'http://localhost:8000', backend: 'contract' }
 */
export interface PresenceRuntimeOptions {
  /** The backend's base URL. Default `''`: the page's origin. A trailing `/api` is fine (`http://localhost:8000/api`). */
  apiBaseUrl?: string
  /**
   * Where the WebSocket is: an origin (`ws://localhost:8001`, a socket server on a port of its own) to which the preset's socket path
   * is added, or the full socket URL (any URL with a path). Default: the origin of `apiBaseUrl`, or the page's.
   */
  wsUrl?: string
  /** Which backend design (see `BackendPreset`). Default `contract`. */
  backend?: BackendPreset
  /** Paths that differ from the preset's; `null` switches one off (`{ socket: null }`: poll only). */
  endpoints?: Partial<PresenceEndpoints>
  /** Between two heartbeats. Default the preset's (120 000 ms; 30 000 for `users-heartbeat-admin`). */
  heartbeatIntervalMs?: number
  /**
   * Between two reads of the REST list: the poll while there is no socket (or it cannot be had), and the refresh
   * while a socket that sends only changes is open. Default the preset's (10 000 ms; 30 000 for
   * `user-status-socket`, `chat-list-activity` and `users-heartbeat-admin`).
   */
  pollIntervalMs?: number
  /**
   * The signed-in user's id (e.g. `user.id` of the login response). Needed by every backend without
   * `/api/users/me/`: the kit then knows who "self" is, leaves them out of lists that include the caller, and names
   * the heartbeat's tab election after them.
   */
  userId?: string | number | null
  /** Names and pictures from the app's own user data, for lists of bare ids without a details endpoint. */
  resolveUsers?: ResolveUsers
  /** The WebSocket class; default the global one (pass `ws`'s in Node). Keep it stable: a new one is a new runtime. */
  WebSocket?: WebSocketConstructorLike
  /** The `fetch` to use; default the global one. Keep it stable: a new one is a new runtime. */
  fetch?: typeof fetch
  /** Fine-tuning of the socket: backoff, stable time, ping and timeouts. */
  socket?: Pick<PresenceSocketOptions, 'backoff' | 'stableAfterMs' | 'pingIntervalMs' | 'pongTimeoutMs' | 'connectTimeoutMs' | 'random'>
  /** When to fall back to polling. */
  fallback?: SocketFallbackOptions
  /** Fine-tuning of the heartbeat: leader election, retries. */
  heartbeat?: Pick<HeartbeatManagerOptions, 'locks' | 'BroadcastChannel' | 'resumeAfterMs' | 'retry' | 'random'>
  /** Default the page's visibility manager. */
  visibility?: VisibilityManager
  /** When a burst of socket events is applied to the store; default the next animation frame. */
  schedule?: Schedule
  /** How long `setStatus` waits for the socket's acknowledgement before it falls back to the REST call. Default 5 000. */
  statusTimeoutMs?: number
  /** How long `markOffline` waits for the socket's close and a heartbeat in flight to land before it goes on. Default 1 000. */
  closeTimeoutMs?: number
  /**
   * Without pointer, key, touch or wheel input in any tab of this browser for this long, the user is reported idle
   * (others see them away while their mode is `auto`, contract 6.1). Default 600 000 (10 minutes); `false` off.
   */
  idleAfterMs?: number | false
  /** The kind of device this app runs on, sent as `&device=` in the socket URL (contract 6.2). Default `'web'`. */
  device?: DeviceKind
  /** What the idle detector listens on and shares its clock with (tests inject both, and the clock). */
  idle?: Pick<IdleReporterOptions, 'target' | 'BroadcastChannel' | 'now'>
}

/**
 * What a runtime tells its subscribers.
 *
 * - `auth-error`: a REST call answered 401, or the socket was closed with 4401 (at most once per token).
 * - `invalid`: a record the backend sent was dropped as unusable or had fields fixed (see README, "What the kit
 *   accepts from a backend"), or names could not be had (`source`
 *   `userDetails` or `resolveUsers`).
 *
 * @example
 * runtime.subscribe((event) => event.type === 'auth-error' && refreshToken())
 */
export type RuntimeEvent = { type: 'auth-error'; error: unknown } | { type: 'invalid'; source: string; reason: string }

let nextId = 0

// A read of the chat list that callers share: `waiting` counts those that can still abort it.
interface ConversationsRead {
  run: AbortController
  request: AbortController
  list: Promise<Conversation[]>
  waiting: number
}

/**
 * The whole presence client of one signed-in user, without React: the REST client, the WebSocket, the store and
 * its batcher, the heartbeat, the polling fallback and the friends lookup, behind `start(token)` and `stop()`.
 * The provider owns one; the hooks read its stores. Constructing one touches no browser global and opens nothing,
 * so it is safe during server-side rendering.
 *
 * - `start(token)`: connects the socket (or polls when there is none), fetches the caller, runs the heartbeat.
 *   The work starts on a microtask, so that React StrictMode's start-stop-start opens one socket. A new token
 *   reconnects (one new socket) and keeps the store; the same token again does nothing.
 * - `stop()`: closes everything and clears the store.
 * - `markOffline()`: the logout step, in the contract's order: this tab's socket is closed first, then
 *   mark-offline is posted, so that peers see the user offline at once (unless another tab is still open).
 * - `setStatus(change)`: over the socket's `status` frame when it is open, else `PATCH`; the store changes only
 *   when the server answers (the echo on the socket, or the response).
 *
 * @example
 * const runtime = new PresenceRuntime({ apiBaseUrl: 'http://localhost:8000' })
 * runtime.subscribe((event) => event.type === 'auth-error' && auth.refresh())
 * runtime.start(() => auth.accessToken)
 * runtime.store.users.subscribeOnline(() => console.log([...runtime.store.users.online]))
 * // logout
 * await runtime.markOffline()
 * runtime.stop()
 */
export class PresenceRuntime {
  /** Unique per runtime in this page, for query keys. */
  readonly id = ++nextId
  readonly options: Readonly<PresenceRuntimeOptions>
  /** The backend as this runtime talks to it: the preset, with the endpoint overrides and the intervals applied. */
  readonly backend: Readonly<PresenceBackend>
  readonly rest: PresenceRestClient
  /**
   * Everything this runtime knows, each piece once: the users (in `store.users`, with per-user subscriptions), the
   * signed-in user, the connection, the heartbeat, the caller's mode and the lifecycle.
   */
  readonly store: PresenceStore
  /** The server's clock as this runtime measured it, and "last seen" texts on it that stay current. */
  readonly clock: ServerClockSource
  readonly heartbeat: HeartbeatManager
  /** The caller's settings that no presence record carries (who may see their last seen). */
  readonly settings: OwnSettingsStore = createOwnSettings()
  readonly #events = new Listeners<RuntimeEvent>()
  readonly #batcher: EventBatcher
  readonly #polling: PollingFallback
  readonly #policy: SocketFallbackPolicy
  readonly #names: UserNames
  // Names from `resolveUsers` for users shown by id whom the details endpoint cannot name (it lists who is online).
  readonly #shownNames: UserNames
  readonly #idle: IdleReporter | null
  #socket: PresenceSocket | null = null
  #token: TokenSource = null
  #tokenKey: unknown = null
  // One per run, replaced by every start, stop and markOffline: its signal aborts the run's requests, and work of
  // an older run (a run that is not the current one) is dropped. The runtime's generation, as an AbortController.
  #run = new AbortController()
  #cleanups: Array<() => void> = []
  #authReported = false
  #meLoading: { run: AbortController; promise: Promise<void> } | null = null
  // The last socket close and the heartbeats still out (of any run): mark-offline waits for them.
  #socketClosed: Promise<void> = Promise.resolve()
  readonly #beatsOut = new Set<Promise<void>>()
  // The list was refused (401, 403) or is missing (404): not read again until a retry, a new open or a new start.
  #listRefused = false
  // Whether a heartbeat of this run has landed: the list read with it may have been answered before it.
  #beatLanded = false

  constructor(options: PresenceRuntimeOptions = {}) {
    this.options = options
    const preset = backendPreset(options.backend)
    this.rest = new PresenceRestClient({
      apiBaseUrl: options.apiBaseUrl ?? '',
      backend: options.backend,
      endpoints: options.endpoints,
      fetch: options.fetch,
      token: () => readToken(this.#token),
      onInvalid: (issue) => this.#events.emit({ type: 'invalid', ...issue }),
    })
    this.backend = Object.freeze({
      ...preset,
      endpoints: this.rest.endpoints,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? preset.heartbeatIntervalMs,
      listIntervalMs: options.pollIntervalMs ?? preset.listIntervalMs,
      pingIntervalMs: options.socket?.pingIntervalMs ?? preset.pingIntervalMs,
    })
    this.store = createPresenceStore()
    const store = this.store
    this.clock = createServerClock(store)
    const heartbeatStatus: HeartbeatStatusCell = {
      get: () => store.getState().heartbeat,
      set: (heartbeat) => store.setState({ heartbeat }),
      subscribe: (listener) => store.subscribe((state, previous) => state.heartbeat !== previous.heartbeat && listener()),
    }
    this.#batcher = createEventBatcher(this.store, options.schedule)
    this.heartbeat = new HeartbeatManager({
      ...options.heartbeat,
      beat: (signal) => {
        // Not aborted by a stop: the server may already have it, and markOffline lets it land first (see there).
        const run = this.#run
        const sent = this.rest.heartbeat()
        // Where the beat is what makes the caller online (chat-polling), the first read went out before it: read
        // again, unless that read already shows the caller online.
        void sent.then(() => {
          if (run !== this.#run || this.#beatLanded) return
          this.#beatLanded = true
          this.#polling.refresh(() => {
            const { self } = this.store.getState()
            return self === null || !this.store.users.get(self)?.isOnline
          })
        }, noop)
        const landed = sent.then(noop, noop)
        this.#beatsOut.add(landed)
        void landed.then(() => this.#beatsOut.delete(landed))
        return sent.catch((error: unknown) => {
          if (!signal.aborted && isAuthError(error)) this.#reportAuth(error)
          throw error
        })
      },
      intervalMs: this.backend.heartbeatIntervalMs,
      visibility: options.visibility,
      coordinationKey: () => this.#heartbeatKey(),
      status: heartbeatStatus,
    })
    this.#idle = createIdleReporter(this, {
      patch: (idle) => this.#guard(this.rest.setStatus({ idle })).then((me) => this.#applyMe(me)),
      onError: (error) => this.#events.emit({ type: 'invalid', source: 'idle', reason: error instanceof Error ? error.message : String(error) }),
    })
    // A new heartbeat leader is the tab that speaks for the REST presence now.
    store.subscribe((state, previous) => state.heartbeat.isLeader !== previous.heartbeat.isLeader && this.#idle?.speakerChanged())
    this.#polling = new PollingFallback({
      poll: (signal) => this.#poll(signal),
      intervalMs: this.backend.listIntervalMs,
      visibility: options.visibility,
      onError: (error) => {
        if (!isAuthError(error) && !isRefusedList(error)) return 'continue'
        // One state, no retry loop: asking again with the same token would get the same answer.
        this.#listRefused = true
        return 'stop'
      },
      onChange: () => this.#updateTransport(),
    })
    this.#policy = new SocketFallbackPolicy(options.fallback ?? {}, () => this.#updateList())
    this.#names = new UserNames({
      lookUp: (ids, signal) => this.#lookUpNames(ids, signal),
      apply: (names) => this.store.getState().applyChanges(names),
      onError: (error) => {
        const source = this.rest.has('userDetails') ? 'userDetails' : 'resolveUsers'
        const reason = error instanceof Error ? error.message : String(error)
        this.#events.emit({ type: 'invalid', source, reason: `names could not be had: ${reason}` })
      },
    })
    this.#shownNames = new UserNames({
      lookUp: (ids) => this.#resolveNames(ids),
      apply: (names) => this.store.getState().applyChanges(names),
      onError: (error) => {
        const reason = error instanceof Error ? error.message : String(error)
        this.#events.emit({ type: 'invalid', source: 'resolveUsers', reason: `names could not be had: ${reason}` })
      },
    })
  }

  /**
   * Listens to the runtime's events; returns the function that stops listening.
   *
   * @example
   * const off = runtime.subscribe((event) => event.type === 'invalid' && console.warn(event.reason))
   */
  subscribe(listener: (event: RuntimeEvent) => void): () => void {
    return this.#events.add(listener)
  }

  /** The socket, once one was made (the first start with a socket endpoint). */
  get socket(): PresenceSocket | null {
    return this.#socket
  }

  /**
   * Starts with a token, or switches to another one. `key` tells tokens apart when `token` is a function (the
   * provider passes the value it resolved to); by default the source itself. A `null` token stops.
   *
   * @example
   * runtime.start(auth.accessToken)
   */
  start(token: TokenSource, key: unknown = token): void {
    if (token === null || token === undefined || token === '') return this.stop()
    const { lifecycle, session: current, authError } = this.store.getState()
    const same = Object.is(key, this.#tokenKey)
    this.#token = token
    if (same && lifecycle === RuntimeLifecycle.Running) return
    this.#tokenKey = key
    const run = this.#halt()
    const session = same && lifecycle === RuntimeLifecycle.Offline ? current : current + 1
    if (!same) this.#authReported = false
    this.store.setState({ lifecycle: RuntimeLifecycle.Running, session, authError: same ? authError : null })
    queueMicrotask(() => {
      if (run === this.#run) this.#goLive(run)
    })
  }

  /**
   * Stops everything and clears the store: the token is gone.
   *
   * @example
   * runtime.stop()
   */
  stop(): void {
    this.#halt()
    this.#token = null
    this.#tokenKey = null
    this.#authReported = false
    this.store.getState().clear()
    this.settings.setState({ lastSeenVisibility: null })
    this.store.setState({ lifecycle: RuntimeLifecycle.Stopped, mode: null, authError: null, syncError: null })
  }

  /**
   * The logout step, in the contract's order: closes this tab's socket and stops the heartbeat and polling (they
   * would announce the user again), then posts mark-offline. The store learns the resulting status from the answer.
   * Nothing runs afterwards until `start()`. It waits (at most `closeTimeoutMs`) for the close and for a heartbeat
   * already out to land, so that neither reaches the server after the logout. Without a mark-offline endpoint
   * (`POST /api/chat/mark-offline/`) it resolves then; a `stop()` or a new `start()` meanwhile ends it there too.
   *
   * @example
   * await runtime.markOffline()
   * await auth.logout()
   */
  async markOffline(): Promise<void> {
    if (this.store.getState().lifecycle === RuntimeLifecycle.Stopped) return
    const run = this.#halt()
    this.store.setState({ lifecycle: RuntimeLifecycle.Offline })
    // The socket, the beat and the POST travel apart: a POST that overtook the close would end the REST presence
    // while the socket still holds the user online, and the grace period would follow the close; a beat the server
    // handled after it (or after the app's logout, without mark-offline) would announce the user again. The close
    // event comes once the server has answered the close; a network that swallows either costs at most the bound.
    await settledWithin(Promise.all([this.#socketClosed, ...this.#beatsOut]), this.options.closeTimeoutMs ?? RUNTIME.closeTimeoutMs)
    // Stopped or started again meanwhile: the POST would go without a token, or with the next user's.
    if (run !== this.#run || !this.rest.has('markOffline')) return
    const result = await this.#guard(this.rest.markOffline())
    const self = this.store.getState().self
    if (self !== null && result.status) this.store.getState().applyChanges([{ id: self, status: result.status }])
  }

  /**
   * Sets the caller's mode and/or status message: with the socket's `status` frame when it is open (its echo is
   * the acknowledgement), else with `PATCH /api/users/me/status/`. Resolves once the server has answered and the
   * store shows it; rejects with a `PresenceApiError` (e.g. a message over 140 characters).
   *
   * @example
   * await runtime.setStatus({ mode: 'away', statusMessage: 'Lunch' })
   */
  async setStatus(change: StatusChange): Promise<void> {
    const socket = this.#socket
    const self = this.store.getState().self
    // Who may see the last seen shows in no record of the socket's: only the REST answer tells it was taken.
    if (socket?.state === 'open' && self !== null && change.lastSeenVisibility === undefined) {
      const current = this.store.users.get(self)
      if (current && showsChange(current, change)) return
      if (await this.#sendStatus(socket, self, change)) return
    }
    if (!this.rest.has('setStatus')) {
      throw new PresenceApiError(404, 'endpoint_unavailable', 'this backend has no way to set a status')
    }
    this.#applyMe(await this.#guard(this.rest.setStatus(change)))
  }

  /**
   * Retries the socket at once (or probes it with a ping while open), and polls at once while polling.
   *
   * @example
   * <button onClick={() => runtime.retryNow()}>Retry now</button>
   */
  retryNow(): void {
    if (this.store.getState().lifecycle !== RuntimeLifecycle.Running) return
    this.#listRefused = false
    this.#socket?.retryNow()
    this.#updateList()
    this.#polling.pollNow()
  }

  /**
   * The activity timeline (a 401 is reported as an auth error).
   *
   * @example
   * const entries = await runtime.activity({ limit: 20 })
   */
  activity(options: { limit?: number; filter?: 'friends'; signal?: AbortSignal } = {}): Promise<ActivityEntry[]> {
    return this.#guard(this.rest.activity(options))
  }

  // The chat list that is out, shared by whoever asks for it while it is (the `chat-list-activity` poll and
  // useConversations read the same GET), never across runs.
  #conversationsRead: ConversationsRead | null = null
  readonly #conversationsListeners = new Listeners<Conversation[]>()

  /**
   * Hears every answer to a read of the caller's conversations (the `chat-list-activity` poll's and
   * {@link conversations}'); returns the function that stops listening. useConversations sets its query's data from
   * it, so that the poll's read is the hook's too.
   *
   * @example
   * const off = runtime.subscribeConversations((conversations) => render(conversations))
   */
  subscribeConversations(listener: (conversations: Conversation[]) => void): () => void {
    return this.#conversationsListeners.add(listener)
  }

  /**
   * The caller's conversations. Peers the store has never heard of are added to it (as offline when the store
   * already knows who is online), so that their "last seen" can be shown, and peers it knows without a name get the
   * conversation's; the store stays the source of live status.
   * A read already out (the `chat-list-activity` poll's, another caller's) is shared, not repeated; aborting
   * `signal` ends this call only.
   *
   * @example
   * const conversations = await runtime.conversations()
   */
  async conversations(options: { signal?: AbortSignal } = {}): Promise<Conversation[]> {
    const conversations = await this.#readConversations(options.signal)
    const { synced } = this.store.getState()
    const unknown = conversations.flatMap(({ otherUser: user }) => {
      const known = this.store.users.get(user.id)
      // Known by id only (an id list): the conversation's name, not its older status.
      if (known) return known.username === null ? [{ id: user.id, username: user.username }] : []
      // After a snapshot, a user missing from the store is not online, whatever this older answer says.
      return [synced ? { ...user, status: 'offline' as const, isOnline: false } : user]
    })
    if (unknown.length) this.store.getState().applyChanges(unknown)
    return conversations
  }

  /**
   * Which online users are the caller's friends (see {@link FriendsSnapshot}).
   *
   * @example
   * const { friendIds } = await runtime.onlineFriends()
   */
  onlineFriends(options: { signal?: AbortSignal } = {}): Promise<FriendsSnapshot> {
    return this.#guard(lookUpFriends(this.rest, this.store, options.signal))
  }

  #goLive(run: AbortController): void {
    const { userId } = this.options
    if (userId !== null && userId !== undefined) this.store.getState().setSelf(userId)
    const url = socketUrlWithDevice(this.#socketUrl(), this.options.device)
    if (url === null) {
      this.#policy.giveUp()
    } else {
      const socket = this.#ensureSocket(url)
      // The socket first, so that its close of an earlier run reaches the store before the batcher is unbound.
      this.#cleanups.push(
        bindSocketToStore(socket, this.store, this.#batcher),
        socket.subscribe((event) => this.#onSocketEvent(event)),
        onWake(() => this.#socket?.retryNow()),
        onNetworkLost(() => this.#socket?.checkAlive()),
      )
      socket.connect()
    }
    // Users shown by id (a chat header, a status) whom no list names: the app's directory can name them.
    this.store.users.onWatch = (id) => this.#nameWatched([id])
    this.#cleanups.push(() => (this.store.users.onWatch = null))
    this.#nameWatched(this.store.users.watched())
    const ready = this.#needsMe() ? this.#loadMe(run) : Promise.resolve()
    if (this.rest.has('heartbeat')) {
      void ready.then(() => {
        if (run === this.#run) this.heartbeat.start()
      })
    }
    void ready.then(() => {
      const name = idleChannelName(this.options.apiBaseUrl ?? '', this.store.getState().self, this.#tokenKey)
      if (run === this.#run && name !== null) this.#idle?.start(name)
    })
  }

  // Stops whatever runs, keeps the store. Returns the new run.
  #halt(): AbortController {
    this.#run.abort()
    const run = (this.#run = new AbortController())
    // Before the socket's close, whose status event would otherwise start the fallback polling.
    this.#policy.reset()
    this.#polling.stop()
    this.#listRefused = false
    this.#beatLanded = false
    this.#names.reset()
    this.#shownNames.reset()
    if (this.#socket) this.#socketClosed = this.#socket.close()
    for (const cleanup of this.#cleanups.splice(0).reverse()) cleanup()
    this.heartbeat.stop({ forget: true })
    this.#idle?.stop()
    this.#updateTransport()
    this.store.getState().setConnection({ nextRetryAt: null })
    return run
  }

  #ensureSocket(url: string): PresenceSocket {
    if (this.#socket) return this.#socket
    this.#socket = new PresenceSocket({
      ...this.options.socket,
      pingIntervalMs: this.backend.pingIntervalMs,
      url,
      token: () => readToken(this.#token),
      WebSocket: this.options.WebSocket,
    })
    return this.#socket
  }

  #onSocketEvent(event: PresenceSocketEvent): void {
    switch (event.type) {
      case 'status': {
        const { status, previous } = event
        const opened = status.state === 'open' && previous.state !== 'open'
        // A socket that sends no snapshot: the list is read on every connect (what was missed meanwhile heals).
        if (opened) this.#listRefused = false
        this.#policy.observe(status, previous)
        this.#updateList()
        if (opened && this.backend.socketSends === 'changes') {
          // Its list leaves the caller out and a second tab gets no change of its own: an open socket is online.
          const { self, applyChanges } = this.store.getState()
          if (self !== null) applyChanges([{ id: self, isOnline: true }])
          this.#polling.pollNow()
        }
        if (opened) this.#idle?.socketOpened()
        this.#updateTransport()
        // A caller that could not be fetched before (network) is fetched again once the socket is back.
        if (status.state === 'open' && previous.state !== 'open' && this.#needsMe() && this.store.getState().self === null) {
          void this.#loadMe(this.#run)
        }
        return
      }
      case 'unauthorized':
        return this.#reportAuth(new PresenceApiError(401, 'unauthorized', `the WebSocket was refused (${event.code} ${event.reason})`))
      case 'error':
        return this.#policy.giveUp()
      case 'invalid':
        return this.#events.emit({ type: 'invalid', source: 'socket', reason: event.reason })
      case 'message': {
        const { message } = event
        if (message.type === 'snapshot' && !message.detailed) this.#nameUnknown(message.users)
        // A change whose fields were fixed on the way in (text cut, an image URL refused) is applied and reported.
        for (const reason of message.type === 'change' ? (message.issues ?? []) : []) {
          this.#events.emit({ type: 'invalid', source: 'socket', reason: `user.status.changed: ${reason}` })
        }
        return
      }
      case 'frame':
        return
      default:
        return event satisfies never
    }
  }

  // The transport itself is not stored: `selectTransport` derives it from the socket's state and this.
  #updateTransport(): void {
    this.store.getState().setConnection({ polling: this.#polling.isRunning })
  }

  // Whether the REST list should be read now: always without a socket; while it cannot be had, once the fallback
  // policy says so; while it is open, only when it sends changes alone (the list fills in and heals the store).
  #wantsList(): boolean {
    if (this.store.getState().lifecycle !== RuntimeLifecycle.Running || !this.rest.has(this.backend.list)) return false
    const socket = this.#socket
    if (socket !== null && socket.state === 'open') return this.backend.socketSends === 'changes'
    return this.#policy.shouldPoll
  }

  #updateList(): void {
    if (!this.#wantsList()) this.#polling.stop()
    else if (!this.#listRefused) this.#polling.start()
  }

  async #poll(signal: AbortSignal): Promise<void> {
    const run = this.#run
    // Changes the socket brings while the list is out are newer than the list: they are applied again after it.
    const changes: PresencePatch[] = []
    const off = this.#socket?.subscribe((event) => {
      if (event.type === 'message' && event.message.type === 'change') changes.push(event.message.user)
    })
    try {
      const list = await this.#guard(this.#readList(signal))
      if (run !== this.#run) return
      this.store.getState().applyBatch({ snapshot: { users: list.users, options: { includesSelf: list.includesSelf } }, changes })
      if (this.store.getState().syncError !== null) this.store.setState({ syncError: null })
      if (!list.detailed) this.#nameUnknown(list.users)
    } catch (error) {
      if (run === this.#run && !signal.aborted) this.store.setState({ syncError: error })
      throw error
    } finally {
      off?.()
    }
  }

  async #readList(signal: AbortSignal): Promise<OnlineUsers> {
    if (this.backend.list === 'onlineUsers') return this.rest.onlineUsers({ signal })
    // The peers of the app's chat list, with their presence; the caller is never their own peer.
    const conversations = await this.#readConversations(signal)
    return { users: conversations.map((conversation) => conversation.otherUser), detailed: true, issues: [], includesSelf: false }
  }

  // The read out for this run, or a new one. A caller's signal ends that caller's wait; the request is aborted once
  // no caller waits for it. Its answer goes to the listeners while the run lasts.
  #readConversations(signal?: AbortSignal): Promise<Conversation[]> {
    // What the REST client throws for an aborted request.
    const aborted = () => new PresenceApiError(0, 'aborted', 'the request was aborted', { cause: signal?.reason })
    if (signal?.aborted) return Promise.reject(aborted())
    const run = this.#run
    const out = this.#conversationsRead?.run === run ? this.#conversationsRead : (this.#conversationsRead = this.#startConversationsRead(run))
    out.waiting++
    return new Promise((resolve, reject) => {
      const abort = () => {
        reject(aborted())
        if (--out.waiting) return
        if (this.#conversationsRead === out) this.#conversationsRead = null
        out.request.abort()
      }
      signal?.addEventListener('abort', abort, { once: true })
      out.list.then(resolve, reject).finally(() => signal?.removeEventListener('abort', abort))
    })
  }

  // A new read of the chat list for `run`: its answer goes to the listeners while the run lasts, and it stops being
  // the shared one once settled.
  #startConversationsRead(run: AbortController): ConversationsRead {
    const request = new AbortController()
    const read = { run, request, waiting: 0, list: this.#guard(this.rest.conversations({ signal: request.signal })) }
    read.list = read.list
      .then((conversations) => {
        if (run === this.#run) this.#conversationsListeners.emit(conversations)
        return conversations
      })
      .finally(() => {
        if (this.#conversationsRead === read) this.#conversationsRead = null
      })
    return read
  }

  // Asks for the names of listed users the store has none for, where the backend or the app can give them.
  #nameUnknown(listed: readonly PresencePatch[]): void {
    if (!this.rest.has('userDetails') && !this.options.resolveUsers) return
    const unnamed: string[] = []
    for (const { id } of listed) if (this.store.users.get(id)?.username == null) unnamed.push(id)
    if (unnamed.length) this.#names.request(unnamed)
  }

  // Asks `resolveUsers` for the names of users shown by id (a chat header, a status) that the store has none for.
  // Beside a details endpoint only those offline: that endpoint names whoever is online, and asks for them itself.
  #nameWatched(ids: Iterable<string>): void {
    if (!this.options.resolveUsers) return
    const details = this.rest.has('userDetails')
    const unnamed: string[] = []
    for (const id of ids) {
      if (this.store.users.get(id)?.username != null || (details && this.store.users.online.has(id))) continue
      unnamed.push(id)
    }
    if (unnamed.length) (details ? this.#shownNames : this.#names).request(unnamed)
  }

  async #lookUpNames(ids: string[], signal: AbortSignal): Promise<readonly PresencePatch[]> {
    if (this.rest.has('userDetails')) return (await this.#guard(this.rest.userDetails({ signal }))).users
    return this.#resolveNames(ids)
  }

  async #resolveNames(ids: string[]): Promise<readonly PresencePatch[]> {
    const resolved: unknown = await this.options.resolveUsers!(ids)
    if (!Array.isArray(resolved)) throw new TypeError('resolveUsers must resolve to an array of { id, username?, profileImage? }')
    const patches: PresencePatch[] = []
    for (const item of resolved) {
      const result = parsePresence(item)
      if (result.ok) patches.push(result.patch)
      else this.#events.emit({ type: 'invalid', source: 'resolveUsers', reason: result.reason })
    }
    return patches
  }

  #needsMe(): boolean {
    return this.rest.has('me') && (this.options.userId === null || this.options.userId === undefined)
  }

  // One request at a time: the socket may open while the first one is still out.
  #loadMe(run: AbortController): Promise<void> {
    if (this.#meLoading?.run === run) return this.#meLoading.promise
    const promise = this.#guard(this.rest.me({ signal: run.signal })).then(
      (me) => {
        if (run === this.#run) this.#applyMe(me)
      },
      () => {
        // A 401 was reported; a missing endpoint leaves the caller unknown; a network error is retried when the
        // socket next opens.
      },
    )
    const loading = { run, promise }
    this.#meLoading = loading
    void promise.then(() => {
      if (this.#meLoading === loading) this.#meLoading = null
    })
    return promise
  }

  #applyMe(me: MyPresence): void {
    const actions = this.store.getState()
    actions.setSelf(me.id)
    actions.applyChanges([me])
    // After the record, whose update sets the mode it shows: what the server says the caller chose wins.
    if (this.store.getState().mode !== me.mode) this.store.setState({ mode: me.mode })
    const lastSeenVisibility = me.lastSeenVisibility ?? null
    if (this.settings.getState().lastSeenVisibility !== lastSeenVisibility) this.settings.setState({ lastSeenVisibility })
  }

  // Sends the status frame and waits for the echo of the caller's record showing the change. Resolves `false` when
  // it cannot tell (not sent, the socket closed, no echo in time), so that the caller falls back to PATCH, which
  // is idempotent. An `error` frame in the meantime rejects.
  #sendStatus(socket: PresenceSocket, self: string, change: StatusChange): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      let settled = false
      const finish = (acked: boolean, error?: unknown) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        off()
        if (acked) this.#batcher.flush()
        if (error === undefined) resolve(acked)
        else reject(error)
      }
      const off = socket.subscribe((event) => {
        if (event.type === 'status' && event.status.state !== 'open') return finish(false)
        if (event.type !== 'message') return
        const { message } = event
        if (message.type === 'error') {
          finish(false, new PresenceApiError(400, message.code, message.message || 'the server refused the status'))
        } else if (message.type === 'change' && message.user.id === self) {
          if (showsChange(mergePresence(this.store.users.get(self), message.user), change)) finish(true)
        }
      })
      const timer = setTimeout(() => finish(false), this.options.statusTimeoutMs ?? RUNTIME.statusTimeoutMs)
      const frame = statusFrame(change)
      if (!socket.send(frame)) finish(false)
    })
  }

  #socketUrl(): string | null {
    const path = this.rest.endpoints.socket
    if (path === null) return null
    const { wsUrl } = this.options
    if (wsUrl && isFullSocketUrl(wsUrl)) return wsUrl
    return socketUrl({ apiBaseUrl: this.options.apiBaseUrl ?? '', wsBaseUrl: wsUrl ?? null }, path)
  }

  // One heartbeat per user per browser: the lock is named after the user (or, before the user is known, the token).
  #heartbeatKey(): string | null {
    const path = this.rest.endpoints.heartbeat
    if (path === null) return null
    const self = this.store.getState().self
    const key = this.#tokenKey
    const who = self !== null ? `user:${self}` : typeof key === 'string' ? `token:${fingerprint(key)}` : null
    return who === null ? null : `presence-kit:heartbeat:${joinUrl(this.options.apiBaseUrl ?? '', path)}:${who}`
  }

  #reportAuth(error: unknown): void {
    if (this.#authReported) return
    this.#authReported = true
    this.store.setState({ authError: error })
    this.#events.emit({ type: 'auth-error', error })
  }

  async #guard<T>(promise: Promise<T>): Promise<T> {
    try {
      return await promise
    } catch (error) {
      if (isAuthError(error)) this.#reportAuth(error)
      throw error
    }
  }
}

const noop = () => {}

// Waits for a promise, at most `ms`; leaves no timer behind.
function settledWithin(promise: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

// A ws(s) URL with a path is the socket's own URL; one without (an origin) is where the preset's path goes.
function isFullSocketUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.pathname !== '' && parsed.pathname !== '/'
  } catch {
    return url.startsWith('/')
  }
}
