import { afterEach, beforeEach, vi } from 'vitest'
import { PresenceRuntime, type PresenceRuntimeOptions } from '../../src/runtime'
import { FakeWebSocket } from '../client/fake-websocket'

const runtimes: PresenceRuntime[] = []

/**
 * The runtime tests' clock: fake timers from a fixed instant and a fresh FakeWebSocket registry per test; every
 * runtime {@link createTestRuntime} made is stopped after it.
 */
export function withRuntimeTestClock() {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_700_000_000_000 })
    FakeWebSocket.reset()
  })
  afterEach(() => {
    stopTestRuntimes()
    vi.useRealTimers()
  })
}

/** Stops every runtime {@link createTestRuntime} made (for tests on real timers, in their own `afterEach`). */
export function stopTestRuntimes(): void {
  for (const runtime of runtimes.splice(0)) runtime.stop()
}

/** A runtime on `http://backend.test` over the test's fetch and FakeWebSocket, with no tab election; not started yet. */
export function createTestRuntime(server: { fetch: typeof fetch }, options: PresenceRuntimeOptions): PresenceRuntime {
  const runtime = new PresenceRuntime({
    apiBaseUrl: 'http://backend.test',
    fetch: server.fetch,
    WebSocket: FakeWebSocket,
    heartbeat: { locks: null, BroadcastChannel: null },
    ...options,
  })
  runtimes.push(runtime)
  return runtime
}
