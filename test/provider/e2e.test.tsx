// @vitest-environment node
// The real mock server over real sockets (no MSW), in one Node process: the server and the kit both use Node's
// fetch, Request and Response (a happy-dom environment would replace those under the server too), the kit gets the
// `ws` package's WebSocket, and only React's rendering gets a DOM: a happy-dom window of its own.
import { act, useEffect, useState, type ReactNode } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { Window } from 'happy-dom'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import { startMockServer, type RunningMockServer } from '../../mock-server/node'
import { UserStatusProvider, useMarkOffline, usePresenceRuntime, type PresenceRuntime, type WebSocketConstructorLike } from '../../src'

let server: RunningMockServer
let root: Root
const dom = new Window({ url: 'http://localhost:3000' })
beforeAll(async () => {
  server = await startMockServer({ port: 0 })
  Object.assign(globalThis, { window: dom, document: dom.document, IS_REACT_ACT_ENVIRONMENT: true })
  root = createRoot(dom.document.body.appendChild(dom.document.createElement('div')) as unknown as Element)
})
afterAll(async () => {
  act(() => root.unmount())
  await server.close()
  await dom.happyDOM.close()
  delete (globalThis as Record<string, unknown>).window
  delete (globalThis as Record<string, unknown>).document
})

interface Session {
  access: string
  user: { id: number; username: string }
}

async function login(username: string): Promise<Session> {
  const response = await fetch(`${server.url}/api/auth/login/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'password' }),
  })
  expect(response.status).toBe(200)
  return (await response.json()) as Session
}

async function markOfflineByRest(session: Session) {
  const response = await fetch(`${server.url}/api/chat/mark-offline/`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.access}`, 'content-type': 'application/json' },
    body: '{}',
  })
  expect(response.status).toBe(200)
}

/** What a test can do to one signed-in tab. */
interface Tab {
  runtime: PresenceRuntime | null
  markOffline: () => Promise<void>
  setToken: (token: string | null) => void
}

const newTab = (): Tab => ({ runtime: null, markOffline: async () => {}, setToken: () => {} })
const tabs = { john: newTab(), jane: newTab() }
type TabName = keyof typeof tabs

function Controls({ name }: { name: TabName }) {
  const runtime = usePresenceRuntime()
  const { mutateAsync: markOffline } = useMarkOffline()
  useEffect(() => {
    tabs[name].runtime = runtime
    tabs[name].markOffline = markOffline
  }, [name, runtime, markOffline])
  return null
}

function App({ name, initialToken, children }: { name: TabName; initialToken: string | null; children?: ReactNode }) {
  const [token, setToken] = useState(initialToken)
  useEffect(() => {
    tabs[name].setToken = setToken
  }, [name])
  return (
    <UserStatusProvider token={token} apiBaseUrl={server.url} WebSocket={WebSocket as unknown as WebSocketConstructorLike}>
      <Controls name={name} />
      {children}
    </UserStatusProvider>
  )
}

interface Delay {
  /** Until the frame saying so reached the peer's socket. */
  frame: number | null
  /** Until the peer's store said so (the batcher applies a burst once per frame). */
  store: number
}

/** Resolves with the ms from now until `runtime`'s socket and store say that `userId` is online (or offline). */
function delayUntil(runtime: PresenceRuntime, userId: number, online: boolean): Promise<Delay> {
  const start = performance.now()
  let frame: number | null = null
  const offFrames = runtime.socket?.subscribe((event) => {
    if (frame !== null || event.type !== 'message' || event.message.type !== 'change') return
    const { user } = event.message
    if (user.id === String(userId) && (user.status !== 'offline') === online) frame = performance.now() - start
  })
  return new Promise((resolve) => {
    const check = () => {
      if ((runtime.store.users.get(String(userId))?.isOnline ?? false) !== online) return
      off()
      offFrames?.()
      resolve({ frame, store: performance.now() - start })
    }
    const off = runtime.store.users.subscribe(userId, check)
    check()
  })
}

const ms = ({ frame, store }: Delay) => `${store.toFixed(1)} ms (frame at ${frame === null ? '?' : frame.toFixed(1)} ms)`

describe('end to end: two providers as two users, against the real mock server', () => {
  it('each sees the other come online and go offline; delays on loopback', async () => {
    const john = await login('john_doe')
    const jane = await login('jane_smith')
    // Logging in is a sign of life: end it, so that only the providers bring them online.
    await markOfflineByRest(john)
    await markOfflineByRest(jane)

    const johnTab = tabs.john
    const janeTab = tabs.jane
    act(() =>
      root.render(
        <>
          <App name="john" initialToken={john.access} />
          <App name="jane" initialToken={null} />
        </>,
      ),
    )
    await vi.waitFor(() => expect(johnTab.runtime?.store.getState().synced).toBe(true), { timeout: 5_000 })
    expect(johnTab.runtime!.store.users.get(String(jane.user.id))?.isOnline ?? false).toBe(false)

    // Jane signs in: John's store hears of it.
    const janeOnline = delayUntil(johnTab.runtime!, jane.user.id, true)
    act(() => janeTab.setToken(jane.access))
    const online = await janeOnline
    await vi.waitFor(() => expect(janeTab.runtime?.store.users.get(String(john.user.id))?.isOnline).toBe(true), { timeout: 5_000 })

    // Jane logs out (seed 002's order: her socket closed, then mark-offline): John sees it at once, no grace period.
    const janeOffline = delayUntil(johnTab.runtime!, jane.user.id, false)
    await act(() => janeTab.markOffline())
    const offline = await janeOffline
    act(() => janeTab.setToken(null))

    // Jane again, then John logs out: Jane sees it.
    const janeBack = delayUntil(johnTab.runtime!, jane.user.id, true)
    act(() => janeTab.setToken(jane.access))
    await janeBack
    await vi.waitFor(() => expect(janeTab.runtime?.store.users.get(String(john.user.id))?.isOnline).toBe(true), { timeout: 5_000 })
    const johnOffline = delayUntil(janeTab.runtime!, john.user.id, false)
    await act(() => johnTab.markOffline())
    const johnGone = await johnOffline

    console.log(
      `[e2e loopback] peer's store sees: sign-in (token handed to the provider) ${ms(online)}; ` +
        `logout (markOffline) ${ms(offline)} and ${ms(johnGone)}`,
    )
    // Well under the 2 s grace period: the socket closed first, then mark-offline ended the presence at once.
    expect(offline.store).toBeLessThan(1_000)
    expect(johnGone.store).toBeLessThan(1_000)
    expect(online.store).toBeLessThan(2_000)
  })
})
