import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { IdleDetector, type BroadcastChannelConstructorLike } from '../../src/runtime'

// Every channel of one name made from one hub hears the others' posts (not its own), on a microtask as a browser's do.
function channelHub(): BroadcastChannelConstructorLike {
  const open = new Set<{ name: string; listeners: Array<(event: { data?: unknown }) => void> }>()
  return class {
    readonly #self: { name: string; listeners: Array<(event: { data?: unknown }) => void> }
    constructor(name: string) {
      this.#self = { name, listeners: [] }
      open.add(this.#self)
    }
    postMessage(message: unknown) {
      const data = structuredClone(message)
      for (const other of open) {
        if (other === this.#self || other.name !== this.#self.name) continue
        queueMicrotask(() => other.listeners.forEach((listener) => listener({ data })))
      }
    }
    addEventListener(_type: 'message', listener: (event: { data?: unknown }) => void) {
      this.#self.listeners.push(listener)
    }
    close() {
      open.delete(this.#self)
    }
  }
}

const IDLE_AFTER = 60_000

function tab(Channel: BroadcastChannelConstructorLike, name = 'presence-kit:idle:test:user:3') {
  const target = new EventTarget()
  const changes: boolean[] = []
  const detector = new IdleDetector({ idleAfterMs: IDLE_AFTER, target, BroadcastChannel: Channel, channelName: name, onChange: (idle) => changes.push(idle) })
  detector.start()
  const input = (type = 'pointermove') => target.dispatchEvent(new Event(type))
  return { detector, changes, input }
}

const flush = () => vi.advanceTimersByTimeAsync(0)

describe('IdleDetector', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('idle after idleAfterMs without input, active again on the next input', async () => {
    const a = tab(channelHub())
    await vi.advanceTimersByTimeAsync(IDLE_AFTER - 1)
    expect(a.changes).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(a.changes).toEqual([true])
    expect(a.detector.idle).toBe(true)
    a.input('keydown')
    expect(a.changes).toEqual([true, false])
    a.detector.stop()
  })

  it('each of pointer, key, touch and wheel input resets the clock; focus and scroll do not', async () => {
    for (const type of ['pointerdown', 'pointermove', 'keydown', 'touchstart', 'wheel']) {
      const a = tab(channelHub())
      await vi.advanceTimersByTimeAsync(IDLE_AFTER - 10)
      a.input(type)
      await vi.advanceTimersByTimeAsync(IDLE_AFTER - 10)
      expect(a.changes, type).toEqual([])
      a.detector.stop()
    }
    const b = tab(channelHub())
    await vi.advanceTimersByTimeAsync(IDLE_AFTER - 10)
    b.input('focus')
    b.input('scroll')
    await vi.advanceTimersByTimeAsync(10)
    expect(b.changes).toEqual([true])
    b.detector.stop()
  })

  it('two tabs share one clock: input in one keeps the other active; both turn idle together; input in either wakes both', async () => {
    const Channel = channelHub()
    const a = tab(Channel)
    const b = tab(Channel)
    // The user works in tab B only.
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(IDLE_AFTER / 2)
      b.input()
      await flush()
    }
    expect(a.changes).toEqual([])
    expect(b.changes).toEqual([])
    await vi.advanceTimersByTimeAsync(IDLE_AFTER)
    expect(a.changes).toEqual([true])
    expect(b.changes).toEqual([true])
    a.input()
    await flush()
    expect(a.changes).toEqual([true, false])
    expect(b.changes).toEqual([true, false])
    a.detector.stop()
    b.detector.stop()
  })

  it('a fast pointer costs one message per idleAfterMs / 8, not one per event', async () => {
    const Channel = channelHub()
    const posts: unknown[] = []
    const Counting = class extends Channel {
      override postMessage(message: unknown) {
        posts.push(message)
        super.postMessage(message)
      }
    }
    const a = tab(Counting)
    for (let i = 0; i < 1000; i++) {
      a.input()
      await vi.advanceTimersByTimeAsync(IDLE_AFTER / 1000)
    }
    // 1000 inputs over idleAfterMs.
    expect(posts.length).toBeLessThanOrEqual(9)
    expect(posts.length).toBeGreaterThanOrEqual(8)
    a.detector.stop()
  })

  it('another user’s channel and odd messages change nothing', async () => {
    const Channel = channelHub()
    const a = tab(Channel, 'presence-kit:idle:test:user:3')
    const other = tab(Channel, 'presence-kit:idle:test:user:4')
    const raw = new Channel('presence-kit:idle:test:user:3')
    await vi.advanceTimersByTimeAsync(IDLE_AFTER - 10)
    other.input()
    raw.postMessage({ type: 'input', at: 'soon' })
    raw.postMessage(null)
    await vi.advanceTimersByTimeAsync(10)
    expect(a.changes).toEqual([true])
    a.detector.stop()
    other.detector.stop()
  })

  it('stop removes the listeners and the timer; idleAfterMs must be positive', async () => {
    const a = tab(channelHub())
    a.detector.stop()
    await vi.advanceTimersByTimeAsync(IDLE_AFTER * 2)
    a.input()
    expect(a.changes).toEqual([])
    expect(vi.getTimerCount()).toBe(0)
    expect(() => new IdleDetector({ idleAfterMs: 0, channelName: 'x', onChange() {} })).toThrow(RangeError)
  })
})
