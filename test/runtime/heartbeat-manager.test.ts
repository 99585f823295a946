import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PresenceApiError, isMissingEndpoint } from '../../src/client'
import { HeartbeatManager, VisibilityManager, type HeartbeatManagerOptions } from '../../src/runtime'
import { FakeLocks } from './fake-locks'

const SECOND = 1_000
const MINUTE = 60 * SECOND
const T0 = Date.parse('2030-01-01T00:00:00Z')

const managers: HeartbeatManager[] = []
let visibility: VisibilityManager

beforeEach(() => {
  vi.useFakeTimers({ now: T0 })
  visibility = new VisibilityManager()
  visibility.setVisible(true)
})

afterEach(() => {
  for (const manager of managers.splice(0)) manager.stop()
  vi.useRealTimers()
})

function heartbeat(options: Partial<HeartbeatManagerOptions> = {}, beat = vi.fn(async (_signal: AbortSignal) => {})) {
  const manager = new HeartbeatManager({ beat, visibility, locks: null, BroadcastChannel: null, random: () => 0.5, ...options })
  managers.push(manager)
  return { manager, beat }
}

// Lets the beat's promise settle.
const settle = () => vi.advanceTimersByTimeAsync(0)

describe('HeartbeatManager: seed 002’s rules', () => {
  it('beats at once on start, then every interval (default 2 minutes)', async () => {
    const { manager, beat } = heartbeat()
    manager.start()
    expect(beat).toHaveBeenCalledTimes(1)
    await settle()
    expect(manager.getStatus()).toMatchObject({ state: 'beating', lastBeatAt: T0, isLeader: true, error: null })
    await vi.advanceTimersByTimeAsync(2 * MINUTE - 1)
    expect(beat).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(beat).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(10 * MINUTE)
    expect(beat).toHaveBeenCalledTimes(7)
  })

  it('pauses while hidden: no beat, no timer', async () => {
    const { manager, beat } = heartbeat()
    manager.start()
    await settle()
    visibility.setVisible(false)
    expect(manager.getStatus()).toMatchObject({ state: 'paused', isLeader: false })
    expect(vi.getTimerCount()).toBe(0)
    await vi.advanceTimersByTimeAsync(30 * MINUTE)
    expect(beat).toHaveBeenCalledTimes(1)
  })

  it('on becoming visible: a beat at once if the last is more than 60 s old', async () => {
    const { manager, beat } = heartbeat()
    manager.start()
    await settle()
    visibility.setVisible(false)
    await vi.advanceTimersByTimeAsync(61 * SECOND)
    visibility.setVisible(true)
    expect(beat).toHaveBeenCalledTimes(2)
    await settle()
    expect(manager.getStatus().lastBeatAt).toBe(T0 + 61 * SECOND)
  })

  it('on becoming visible within 60 s: no beat at once; the next one when it falls due', async () => {
    const { manager, beat } = heartbeat()
    manager.start()
    await settle()
    visibility.setVisible(false)
    await vi.advanceTimersByTimeAsync(30 * SECOND)
    visibility.setVisible(true)
    expect(beat).toHaveBeenCalledTimes(1)
    expect(manager.getStatus()).toMatchObject({ state: 'beating', isLeader: true })
    await vi.advanceTimersByTimeAsync(90 * SECOND - 1)
    expect(beat).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(beat).toHaveBeenCalledTimes(2)
  })

  it('started while hidden: paused, and the first beat when shown', async () => {
    visibility.setVisible(false)
    const { manager, beat } = heartbeat()
    manager.start()
    expect(manager.getStatus().state).toBe('paused')
    expect(beat).not.toHaveBeenCalled()
    visibility.setVisible(true)
    expect(beat).toHaveBeenCalledTimes(1)
  })

  it('a 404 stops it quietly: no auth error, no retry, for good', async () => {
    const onAuthError = vi.fn()
    const beat = vi.fn(async () => {
      throw new PresenceApiError(404, 'not_found', 'no such route')
    })
    const { manager } = heartbeat({ onAuthError }, beat)
    manager.start()
    await settle()
    expect(manager.getStatus()).toMatchObject({ state: 'stopped', isLeader: false })
    expect(vi.getTimerCount()).toBe(0)
    visibility.setVisible(false)
    visibility.setVisible(true)
    await vi.advanceTimersByTimeAsync(60 * MINUTE)
    expect(beat).toHaveBeenCalledTimes(1)
    expect(onAuthError).not.toHaveBeenCalled()
  })

  it('a 404 is reported in the status: stopped, with the 404 as its error, so an app can tell why the beats stopped', async () => {
    const error = new PresenceApiError(404, 'not_found', 'no such route', { url: 'http://backend.test/api/chat/heartbeat/' })
    const beat = vi.fn(async (): Promise<void> => {
      throw error
    })
    const { manager } = heartbeat({}, beat)
    manager.start()
    await settle()
    expect(manager.getStatus()).toMatchObject({ state: 'stopped', error })
    expect(isMissingEndpoint(manager.getStatus().error)).toBe(true)
  })

  it('a 401 reports an auth error once and stops until restarted', async () => {
    const onAuthError = vi.fn()
    const error = new PresenceApiError(401, 'unauthorized', 'bad token')
    const beat = vi.fn(async (): Promise<void> => {
      throw error
    })
    const { manager } = heartbeat({ onAuthError }, beat)
    manager.start()
    await settle()
    expect(onAuthError).toHaveBeenCalledExactlyOnceWith(error)
    expect(manager.getStatus()).toMatchObject({ state: 'error', error })
    await vi.advanceTimersByTimeAsync(60 * MINUTE)
    expect(beat).toHaveBeenCalledTimes(1)
    // A new token: the owner stops and starts it again.
    beat.mockResolvedValue(undefined)
    manager.stop({ forget: true })
    manager.start()
    expect(beat).toHaveBeenCalledTimes(2)
  })

  it('network errors and 5xx back off with full jitter from 10 s, capped at the interval, then the interval resumes', async () => {
    let random = 0.999
    const failures = [new PresenceApiError(503, null, 'down'), new PresenceApiError(0, 'network_error', 'offline')]
    const beat = vi.fn(async () => {
      const failure = failures[(beat.mock.calls.length - 1) % 2]
      if (beat.mock.calls.length <= 6) throw failure
    })
    const { manager } = heartbeat({ random: () => random }, beat)
    manager.start()
    await settle()
    expect(manager.getStatus().state).toBe('error')
    // Ceilings 10 s, 20 s, 40 s, 80 s, then the 120 s interval caps them; r ≈ 1 gives just under each ceiling.
    const times: number[] = []
    for (let i = 0; i < 5; i++) {
      const before = Date.now()
      await vi.advanceTimersToNextTimerAsync()
      times.push(Date.now() - before)
    }
    expect(times.map((ms) => Math.round(ms / SECOND))).toEqual([10, 20, 40, 80, 120])
    random = 0
    await vi.advanceTimersToNextTimerAsync() // full jitter may retry at once
    expect(beat).toHaveBeenCalledTimes(7)
    await settle()
    expect(manager.getStatus()).toMatchObject({ state: 'beating', error: null })
    const before = Date.now()
    await vi.advanceTimersToNextTimerAsync()
    expect(Date.now() - before).toBe(2 * MINUTE)
  })

  it('one beat for several users of one manager (retain), and the last release stops it after a microtask', async () => {
    const { manager, beat } = heartbeat()
    const releases = [manager.retain(), manager.retain(), manager.retain()]
    expect(beat).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(2 * MINUTE)
    expect(beat).toHaveBeenCalledTimes(2)
    releases[0]!()
    releases[1]!()
    await settle()
    expect(manager.isRunning).toBe(true)
    // StrictMode: released and retained again within the same task: no stop, no second beat.
    releases[2]!()
    const again = manager.retain()
    await settle()
    expect(manager.isRunning).toBe(true)
    expect(beat).toHaveBeenCalledTimes(2)
    again()
    await settle()
    expect(manager.isRunning).toBe(false)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('stop() aborts the beat in flight and ignores its answer', async () => {
    let signal: AbortSignal | undefined
    const beat = vi.fn((s: AbortSignal) => {
      signal = s
      return new Promise<void>(() => {})
    })
    const { manager } = heartbeat({}, beat)
    manager.start()
    manager.stop()
    expect(signal?.aborted).toBe(true)
    expect(manager.getStatus()).toMatchObject({ state: 'idle', isLeader: false })
    expect(vi.getTimerCount()).toBe(0)
  })
})

describe('HeartbeatManager: one heartbeat across tabs', () => {
  it('Web Locks: two tabs of one user elect one leader; the other takes over when the leader is hidden or closed', async () => {
    const locks = new FakeLocks()
    const tabA = new VisibilityManager()
    const tabB = new VisibilityManager()
    tabA.setVisible(true)
    tabB.setVisible(true)
    const a = heartbeat({ locks, coordinationKey: () => 'presence-kit:heartbeat:user:3', visibility: tabA })
    const b = heartbeat({ locks, coordinationKey: () => 'presence-kit:heartbeat:user:3', visibility: tabB })
    a.manager.start()
    b.manager.start()
    await settle()
    expect(a.beat).toHaveBeenCalledTimes(1)
    expect(b.beat).not.toHaveBeenCalled()
    expect(a.manager.getStatus().isLeader).toBe(true)
    expect(b.manager.getStatus()).toMatchObject({ state: 'idle', isLeader: false })
    await vi.advanceTimersByTimeAsync(10 * MINUTE)
    expect(a.beat).toHaveBeenCalledTimes(6)
    expect(b.beat).not.toHaveBeenCalled()

    // The leader's tab is hidden: it lets the lock go, and the visible tab beats (at once: the last is 2 min old).
    tabA.setVisible(false)
    await settle()
    expect(b.manager.getStatus().isLeader).toBe(true)
    expect(b.beat).toHaveBeenCalledTimes(1)
    expect(a.manager.getStatus().state).toBe('paused')

    // A comes back: it queues for the lock, B keeps beating.
    tabA.setVisible(true)
    await vi.advanceTimersByTimeAsync(4 * MINUTE)
    expect(a.beat).toHaveBeenCalledTimes(6)
    expect(b.beat).toHaveBeenCalledTimes(3)

    // B's tab closes: A is granted the lock at once, and beats at once (without a BroadcastChannel it did not hear
    // B's beats, and its own last one is 6 minutes old).
    b.manager.stop()
    await settle()
    expect(a.manager.getStatus().isLeader).toBe(true)
    expect(a.beat).toHaveBeenCalledTimes(7)
    await vi.advanceTimersByTimeAsync(2 * MINUTE)
    expect(a.beat).toHaveBeenCalledTimes(8)
    expect(b.beat).toHaveBeenCalledTimes(3)
  })

  it('Web Locks: different users (two providers in one page) do not share a heartbeat', async () => {
    const locks = new FakeLocks()
    const john = heartbeat({ locks, coordinationKey: () => 'presence-kit:heartbeat:user:3' })
    const jane = heartbeat({ locks, coordinationKey: () => 'presence-kit:heartbeat:user:2' })
    john.manager.start()
    jane.manager.start()
    await settle()
    expect(john.beat).toHaveBeenCalledTimes(1)
    expect(jane.beat).toHaveBeenCalledTimes(1)
  })

  it('BroadcastChannel without Web Locks: a tab skips its beat when another tab’s went out within the interval', async () => {
    const key = `presence-kit:heartbeat:test:${Math.random()}`
    const a = heartbeat({ coordinationKey: () => key, BroadcastChannel })
    a.manager.start()
    await vi.advanceTimersByTimeAsync(30 * SECOND)
    const b = heartbeat({ coordinationKey: () => key, BroadcastChannel })
    b.manager.start() // its first beat: B has heard nothing yet
    expect(b.beat).toHaveBeenCalledTimes(1)
    // Node's BroadcastChannel delivers on a later task.
    await vi.waitFor(() => expect(a.manager.getStatus().lastBeatAt).toBeGreaterThanOrEqual(T0 + 30 * SECOND))
    await vi.advanceTimersByTimeAsync(30 * MINUTE)
    // 30 min at one beat per 2 min: 15 between them (+1 start each), not 30.
    const total = a.beat.mock.calls.length + b.beat.mock.calls.length
    expect(total).toBeLessThanOrEqual(17)
    expect(total).toBeGreaterThanOrEqual(15)
  })

  it('chat-polling, two tabs: a tab opened after the last beat and then elected does not beat at once; one beat per interval across tabs', async () => {
    const locks = new FakeLocks()
    const key = `presence-kit:heartbeat:test:${Math.random()}`
    const tabA = new VisibilityManager()
    const tabB = new VisibilityManager()
    tabA.setVisible(true)
    tabB.setVisible(true)
    const sent: number[] = []
    const beat = vi.fn(async (_signal: AbortSignal) => {
      sent.push(Date.now())
    })
    const a = heartbeat({ locks, BroadcastChannel, coordinationKey: () => key, visibility: tabA }, beat)
    a.manager.start()
    await settle()
    await vi.advanceTimersByTimeAsync(10 * SECOND)
    // B opens after A's beat went out, so it heard none: it asks, and A's channel answers (on a later task in Node).
    const b = heartbeat({ locks, BroadcastChannel, coordinationKey: () => key, visibility: tabB }, beat)
    b.manager.start()
    // (Given time to arrive; the count below is the check: without the answer B beats at once when elected.)
    await vi.waitFor(() => expect(b.manager.getStatus().lastBeatAt).toBe(T0), { timeout: 500 }).catch(() => {})
    await vi.advanceTimersByTimeAsync(20 * SECOND)
    // A is hidden: B is elected 30 s after A's beat, and waits for the interval instead of beating again.
    tabA.setVisible(false)
    await settle()
    expect(b.manager.getStatus().isLeader).toBe(true)
    await vi.advanceTimersByTimeAsync(10 * MINUTE)
    const gaps = sent.slice(1).map((at, i) => at - sent[i]!)
    expect(sent[0]).toBe(T0)
    expect(sent).toHaveLength(6)
    expect(gaps.every((gap) => gap === 2 * MINUTE)).toBe(true)
  })

  it('without Web Locks or BroadcastChannel each tab beats on its own', async () => {
    const a = heartbeat({ coordinationKey: () => 'k' })
    const b = heartbeat({ coordinationKey: () => 'k' })
    a.manager.start()
    b.manager.start()
    await vi.advanceTimersByTimeAsync(2 * MINUTE)
    expect(a.beat).toHaveBeenCalledTimes(2)
    expect(b.beat).toHaveBeenCalledTimes(2)
  })
})
