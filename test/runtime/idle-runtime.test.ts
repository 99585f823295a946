import { afterEach, describe, expect, it, vi } from 'vitest'
import { PresenceRuntime, type BroadcastChannelConstructorLike, type PresenceRuntimeOptions } from '../../src/runtime'
import { BASE_URL, login, setupMockBackend } from '../client/mock-backend'
import { FakeLocks } from './fake-locks'

const { server } = setupMockBackend()

const runtimes: PresenceRuntime[] = []
afterEach(() => {
  for (const runtime of runtimes.splice(0)) runtime.stop()
  server.events.removeAllListeners()
})

function runtime(options: PresenceRuntimeOptions = {}) {
  const created = new PresenceRuntime({ apiBaseUrl: BASE_URL, idleAfterMs: false, ...options })
  runtimes.push(created)
  return created
}

const until = (check: () => void) => vi.waitFor(check, { timeout: 5_000, interval: 5 })

function patches() {
  const bodies: unknown[] = []
  server.events.on('request:start', ({ request }) => {
    if (request.method === 'PATCH') void request.clone().json().then((body) => bodies.push(body))
  })
  return bodies
}

// Node's BroadcastChannel, one per tab, as a browser's: every tab of one name hears the others.
const Channel = globalThis.BroadcastChannel as unknown as BroadcastChannelConstructorLike
const IDLE_AFTER = 400

describe('idle over the socket and REST (contract 6.1)', () => {
  it('two tabs of john share one idle clock: jane sees him away (idle) once neither tab had input, online after input in one', async () => {
    const sent = patches()
    const locks = new FakeLocks()
    const john = await login('john_doe')
    const jane = await login('jane_smith')
    const tabs = [new EventTarget(), new EventTarget()]
    const [a, b] = tabs.map((target) =>
      runtime({ idleAfterMs: IDLE_AFTER, idle: { target, BroadcastChannel: Channel }, heartbeat: { locks } }),
    )
    const watcher = runtime()
    a!.start(john.access)
    b!.start(john.access)
    watcher.start(jane.access)
    const johnId = String(john.user.id)
    const seen = () => watcher.store.users.get(johnId)
    await until(() => expect(seen()).toMatchObject({ status: 'online', idle: false }))
    // Input in tab B keeps both tabs (both connections) active past idleAfterMs.
    const started = Date.now()
    let lastInput = started
    while (Date.now() - started < IDLE_AFTER * 2) {
      tabs[1]!.dispatchEvent(new Event('pointermove'))
      lastInput = Date.now()
      await new Promise((resolve) => setTimeout(resolve, IDLE_AFTER / 8))
    }
    expect(seen()).toMatchObject({ status: 'online', idle: false })
    await until(() => expect(seen()).toMatchObject({ status: 'away', idle: true }))
    // Idle counts from the last input, not from the end of the loop's last sleep (which a loaded machine stretches).
    expect(Date.now() - lastInput).toBeGreaterThanOrEqual(IDLE_AFTER - 10)
    // John himself still sees his mode as auto: an auto-away is not a chosen away.
    expect(a!.store.getState().mode).toBe('auto')
    // One tab (the heartbeat's leader) told the REST presence.
    await until(() => expect(sent).toEqual([{ idle: true }]))
    tabs[0]!.dispatchEvent(new Event('keydown'))
    await until(() => expect(seen()).toMatchObject({ status: 'online', idle: false }))
    await until(() => expect(sent).toEqual([{ idle: true }, { idle: false }]))
  })

  it('a chosen dnd stays dnd while idle', async () => {
    const john = await login('john_doe')
    const jane = await login('jane_smith')
    const target = new EventTarget()
    const me = runtime({ idleAfterMs: IDLE_AFTER, idle: { target, BroadcastChannel: null }, heartbeat: { locks: new FakeLocks() } })
    const watcher = runtime()
    me.start(john.access)
    watcher.start(jane.access)
    await until(() => expect(me.store.getState().self).toBe(String(john.user.id)))
    await until(() => expect(me.socket?.state).toBe('open'))
    await me.setStatus({ mode: 'dnd' })
    await new Promise((resolve) => setTimeout(resolve, IDLE_AFTER * 2))
    expect(watcher.store.users.get(String(john.user.id))).toMatchObject({ status: 'dnd', idle: false })
  })

  it('idleAfterMs: false reports nothing', async () => {
    const sent = patches()
    const john = await login('john_doe')
    const jane = await login('jane_smith')
    const me = runtime({ idleAfterMs: false, idle: { target: new EventTarget(), BroadcastChannel: null } })
    const watcher = runtime()
    me.start(john.access)
    watcher.start(jane.access)
    await until(() => expect(watcher.store.users.get(String(john.user.id))?.status).toBe('online'))
    await new Promise((resolve) => setTimeout(resolve, IDLE_AFTER * 2))
    expect(watcher.store.users.get(String(john.user.id))).toMatchObject({ status: 'online', idle: false })
    expect(sent).toEqual([])
  })
})

describe('device (contract 6.2)', () => {
  it('device: mobile goes in the socket URL, and others see the phone', async () => {
    const john = await login('john_doe')
    const jane = await login('jane_smith')
    const urls: string[] = []
    const Recording = function (url: string) {
      urls.push(url)
      return new WebSocket(url)
    } as unknown as typeof WebSocket
    const me = runtime({ device: 'mobile', WebSocket: Recording })
    const watcher = runtime()
    me.start(john.access)
    watcher.start(jane.access)
    await until(() => expect(watcher.store.users.get(String(john.user.id))?.devices).toEqual(['mobile']))
    expect(new URL(urls[0]!).searchParams.get('device')).toBe('mobile')
    expect(new URL(urls[0]!).searchParams.get('token')).toBe(john.access)
  })

  it('the default web device leaves the URL as it was', async () => {
    const john = await login('john_doe')
    const urls: string[] = []
    const Recording = function (url: string) {
      urls.push(url)
      return new WebSocket(url)
    } as unknown as typeof WebSocket
    const me = runtime({ WebSocket: Recording })
    me.start(john.access)
    await until(() => expect(urls.length).toBe(1))
    expect(new URL(urls[0]!).searchParams.has('device')).toBe(false)
  })
})
