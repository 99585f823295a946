// @vitest-environment node
// Server-side rendering: Node without window, document or WebSocket. The provider and every hook render to HTML,
// and nothing of the kit touches a browser global while importing or rendering.
import { renderToString } from 'react-dom/server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  UserStatusProvider,
  useActivity,
  useConnectionState,
  useConversations,
  useHeartbeat,
  useIsOnline,
  useLastSeen,
  useMyStatus,
  useOnlineUsers,
  usePresenceEvents,
  useSetMyStatus,
  useUserStatus,
  useWebSocket,
} from '../../src'

const BROWSER_GLOBALS = [
  'window',
  'document',
  'WebSocket',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'requestAnimationFrame',
  'BroadcastChannel',
  'addEventListener',
] as const

/** Records every read of a browser global (and passes the read through, so Node's own still work). */
function trapBrowserGlobals() {
  const touched: string[] = []
  const restore: Array<() => void> = []
  for (const name of BROWSER_GLOBALS) {
    const original = Object.getOwnPropertyDescriptor(globalThis, name)
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        touched.push(name)
        return original?.get ? original.get.call(globalThis) : original?.value
      },
    })
    restore.push(() => {
      if (original) Object.defineProperty(globalThis, name, original)
      else delete (globalThis as Record<string, unknown>)[name]
    })
  }
  return { touched, restore: () => restore.forEach((undo) => undo()) }
}

let restore = () => {}
afterEach(() => {
  restore()
  restore = () => {}
  vi.resetModules()
})

function EveryHook() {
  const jane = useUserStatus(2)
  const online = useIsOnline(2)
  const { data, isPending: isLoading } = useOnlineUsers({ filter: 'friends', limit: 3 })
  const users = data?.users ?? []
  const connection = useConnectionState()
  const seen = useLastSeen(2)
  const mine = useMyStatus()
  useSetMyStatus()
  useActivity()
  useConversations()
  usePresenceEvents({ onOnline: () => {} })
  const heartbeat = useHeartbeat()
  const socket = useWebSocket('wss://example.test/ws/')
  return (
    <p>
      {[jane.status, String(online), users.length, String(isLoading), connection.state, connection.transport, String(seen), mine.status, heartbeat.state, socket.state].join('|')}
    </p>
  )
}

describe('server-side rendering', () => {
  it('runs in a Node environment without browser globals', () => {
    expect(typeof window).toBe('undefined')
    expect(typeof document).toBe('undefined')
    expect(typeof (globalThis as { WebSocket?: unknown }).WebSocket).toBe('undefined')
  })

  it('the trap sees a read (the check below is not vacuous)', () => {
    const trap = trapBrowserGlobals()
    restore = trap.restore
    void (globalThis as { location?: unknown }).location
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined')
    trap.restore()
    expect(trap.touched).toEqual(['location', 'window'])
  })

  it('renderToString of the provider and every hook: HTML, no throw, no browser global touched', () => {
    const trap = trapBrowserGlobals()
    restore = trap.restore
    const html = renderToString(
      <UserStatusProvider token="x" apiBaseUrl="https://api.example.test">
        <EveryHook />
      </UserStatusProvider>,
    )
    trap.restore()
    expect(html).toBe('<p>offline|false|0|true|idle|none|null|offline|idle|connecting</p>')
    expect(trap.touched).toEqual([])
  })

  it('with a token the lists say "loading" on the server (not "nobody online"); without one they do not', () => {
    const html = (token: string | null) =>
      renderToString(
        <UserStatusProvider token={token}>
          <EveryHook />
        </UserStatusProvider>,
      )
    expect(html('x').split('|')[3]).toBe('true')
    expect(html(null).split('|')[3]).toBe('false')
  })

  it('a token function is not even called on the server', () => {
    const token = vi.fn(() => 'x')
    renderToString(
      <UserStatusProvider token={token}>
        <EveryHook />
      </UserStatusProvider>,
    )
    expect(token).not.toHaveBeenCalled()
  })

  it('importing the framework-free layers touches no browser global', async () => {
    vi.resetModules()
    const trap = trapBrowserGlobals()
    restore = trap.restore
    const runtime = await import('../../src/runtime')
    await import('../../src/client')
    await import('../../src/store')
    new runtime.PresenceRuntime({ apiBaseUrl: 'https://api.example.test' })
    trap.restore()
    expect(trap.touched).toEqual([])
  })
})
