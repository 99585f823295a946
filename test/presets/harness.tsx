// The end-to-end harness of the preset suites: the real Node mock server in one backend mode, real `ws` sockets,
// the real provider, hooks and OnlineUsers card rendered into a happy-dom window of their own (the server and the
// kit keep Node's fetch, Request and Response). Each "tab" is one React root with its own provider and token.
// Every request and socket the kit makes goes through a recording fetch and WebSocket, with the status the mock
// answered; nothing waits for time, everything waits for a state, and the waits are the measured delays.
import { createRoot, type Root } from 'react-dom/client'
import { Window } from 'happy-dom'
import { useEffect } from 'react'
import WebSocket from 'ws'
import { startMockServer, type MockServerOptions, type RunningMockServer } from '../../mock-server/node'
import {
  OnlineUsers,
  UserStatusProvider,
  usePresenceRuntime,
  type BackendPreset,
  type PresenceRuntime,
  type ResolveUsers,
  type RuntimeEvent,
  type UserStatusProviderProps,
  type WebSocketConstructorLike,
} from '../../src'

/** One request or socket the kit made, with the status the server answered (0: no answer). */
export interface Recorded {
  tab: string
  method: string
  path: string
  status: number
}

/** Records what the kit sends: every fetch and every WebSocket attempt, per tab. */
export class Recorder {
  readonly requests: Recorded[] = []
  readonly sockets: Array<{ tab: string; path: string; closed: boolean }> = []

  fetchFor(tab: string): typeof fetch {
    return async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input))
      const entry: Recorded = { tab, method: init?.method ?? 'GET', path: url.pathname, status: 0 }
      this.requests.push(entry)
      const response = await fetch(input, init)
      // Read here, so that once the status is recorded only microtasks stand between it and the kit's use of it.
      const body = await response.arrayBuffer()
      entry.status = response.status
      return new Response(response.status === 204 ? null : body, { status: response.status, statusText: response.statusText, headers: response.headers })
    }
  }

  webSocketFor(tab: string): WebSocketConstructorLike {
    const sockets = this.sockets
    return function RecordingWebSocket(url: string, protocols?: string | string[]) {
      const entry = { tab, path: new URL(url).pathname, closed: false }
      sockets.push(entry)
      const ws = new WebSocket(url, protocols)
      // The close event comes once the server has answered the close: it has seen the socket go.
      ws.addEventListener('close', () => (entry.closed = true))
      return ws
    } as unknown as WebSocketConstructorLike
  }
}

/** The login answer of the app's own auth (the kit never calls it). */
export interface Session {
  access: string
  refresh: string
  user: { id: number; username: string; profile_image?: string | null }
}

/** A window for React alone, and the mock server in one mode. */
export class Stage {
  readonly recorder = new Recorder()
  readonly window = new Window({ url: 'http://localhost:3000' })
  readonly consoleProblems: string[] = []
  readonly tabs: Tab[] = []
  server!: Pick<RunningMockServer, 'url' | 'close'>
  readonly #restore: Array<() => void> = []

  async start(options: MockServerOptions & { backend?: BackendPreset }): Promise<void> {
    this.startOn(await startMockServer({ port: 0, ...options }))
  }

  /** The window, on a server of the test's own instead of the mock (a backend written from a document). */
  startOn(server: Pick<RunningMockServer, 'url' | 'close'>): void {
    this.server = server
    Object.assign(globalThis, { window: this.window, document: this.window.document, IS_REACT_ACT_ENVIRONMENT: false })
    for (const level of ['error', 'warn'] as const) {
      const original = console[level]
      console[level] = (...args: unknown[]) => {
        this.consoleProblems.push(`console.${level}: ${args.map(String).join(' ')}`)
        original(...args)
      }
      this.#restore.push(() => (console[level] = original))
    }
  }

  async stop(): Promise<void> {
    for (const tab of this.tabs) tab.close()
    // React flushes the unmounts' passive effects on a scheduler task: let it run while there is still a window.
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0))
    await this.server?.close()
    await this.window.happyDOM.close()
    for (const restore of this.#restore.splice(0)) restore()
    delete (globalThis as Record<string, unknown>).window
    delete (globalThis as Record<string, unknown>).document
  }

  async login(username: string): Promise<Session> {
    const response = await fetch(`${this.server.url}/api/auth/login/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'password' }),
    })
    if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${await response.text()}`)
    return (await response.json()) as Session
  }

  /** Moves the server's clock forward (TTLs, grace periods), as `POST /__mock__/clock` does. */
  async advanceServerClock(seconds: number): Promise<void> {
    const response = await fetch(`${this.server.url}/__mock__/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceSeconds: seconds }),
    })
    if (response.status !== 200) throw new Error(`clock: ${response.status} ${await response.text()}`)
  }

  tab(name: string, props: Omit<UserStatusProviderProps, 'token' | 'children'>): Tab {
    const tab = new Tab(this, name, props)
    this.tabs.push(tab)
    return tab
  }
}

/** One signed-in browser tab: a provider with its token, the OnlineUsers card, and a handle on the runtime. */
export class Tab {
  runtime: PresenceRuntime | null = null
  readonly events: RuntimeEvent[] = []
  readonly #root: Root
  readonly #container: HTMLElement
  #open = true

  constructor(
    readonly stage: Stage,
    readonly name: string,
    readonly props: Omit<UserStatusProviderProps, 'token' | 'children'>,
  ) {
    const document = stage.window.document
    this.#container = document.body.appendChild(document.createElement('div')) as unknown as HTMLElement
    this.#root = createRoot(this.#container as unknown as Element)
  }

  /** Renders the provider with this token (`null`: signed out). */
  render(token: string | null): void {
    const Controls = () => {
      const runtime = usePresenceRuntime()
      useEffect(() => {
        this.runtime = runtime
        return runtime.subscribe((event) => this.events.push(event))
      }, [runtime])
      return null
    }
    this.#root.render(
      <UserStatusProvider
        token={token}
        apiBaseUrl={this.stage.server.url}
        WebSocket={this.stage.recorder.webSocketFor(this.name)}
        fetch={this.stage.recorder.fetchFor(this.name)}
        {...this.props}
      >
        <Controls />
        <OnlineUsers maxUsers={50} />
      </UserStatusProvider>,
    )
  }

  /** The card's `data-state` and the names on its tiles. */
  card(): { state: string | null; names: string[] } {
    const card = this.#container.querySelector('[data-slot="online-users"]')
    // Each tile's name as a screen reader hears it: the tile's name text (visually hidden; the tile has no aria-label).
    // A tile without that text is a broken card, not a nameless user: fail loudly instead of matching nothing.
    const names = [...this.#container.querySelectorAll('[data-slot="online-user"]')].map((tile) => {
      const name = tile.querySelector('[data-slot="online-user-name"]')?.textContent?.trim()
      if (!name) throw new Error(`a tile without its name text: ${tile.outerHTML.slice(0, 200)}`)
      return name
    })
    return { state: card?.getAttribute('data-state') ?? null, names }
  }

  /** Closes the tab: the provider goes away with no logout (its socket closes, nothing else is sent). */
  close(): void {
    if (!this.#open) return
    this.#open = false
    this.#root.unmount()
    this.#container.remove()
  }

  /** What the app does on logout: mark offline (the kit), then the app's own logout at the preset's path. */
  async logout(session: Session): Promise<void> {
    const runtime = this.runtime!
    await runtime.markOffline()
    await runtime.rest.logout({ refresh: session.refresh })
    this.render(null)
  }

  /** Whether every socket this tab opened has closed, as the server saw it. */
  socketsClosed(): boolean {
    return this.stage.recorder.sockets.filter((socket) => socket.tab === this.name).every((socket) => socket.closed)
  }

  /** The store's record of a user. */
  user(id: number) {
    return this.runtime?.store.users.get(String(id))
  }
}

/** Resolves with the ms until `check` holds (checked every 5 ms); rejects after `timeoutMs`. */
export async function measure(check: () => boolean, timeoutMs: number, what: string): Promise<number> {
  const started = performance.now()
  while (!check()) {
    if (performance.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  return performance.now() - started
}

/** The app's own user data, as `resolveUsers` reads it (for backends that carry ids only). */
export function directoryResolver(stage: Stage, sessions: () => readonly Session[]): ResolveUsers & { calls: string[][] } {
  const calls: string[][] = []
  const resolve = async (ids: string[]) => {
    calls.push(ids)
    const known = new Map(sessions().map((session) => [String(session.user.id), session.user.username]))
    return ids.flatMap((id) => {
      const username = known.get(id)
      return username ? [{ id, username, profileImage: `${stage.server.url}/avatars/${id}.svg` }] : []
    })
  }
  return Object.assign(resolve, { calls })
}

/** One row of the delays table. */
export interface DelayRow {
  preset: BackendPreset
  scenario: string
  ms: number | null
  note: string
}

export const rounded = (ms: number) => Math.round(ms)

/** Prints the delays of one preset's suite. */
export function printDelays(rows: DelayRow[]): void {
  console.log(`\n[preset e2e] ${rows[0]?.preset ?? ''}`)
  console.table(rows.map((row) => ({ ...row, ms: row.ms === null ? '—' : rounded(row.ms) })))
}

/** The kit's requests that went to a path the preset does not define, or were answered with an error. */
export function strayRequests(stage: Stage, runtime: PresenceRuntime, allowedErrors: Array<{ path: string; status: number }> = []) {
  const paths = new Set(Object.values(runtime.backend.endpoints).filter((path): path is string => path !== null))
  const undefinedPaths = stage.recorder.requests.filter((request) => !paths.has(request.path))
  const failed = stage.recorder.requests.filter(
    (request) => request.status >= 400 && !allowedErrors.some((allowed) => allowed.path === request.path && allowed.status === request.status),
  )
  return { undefinedPaths, failed }
}
