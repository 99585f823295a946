import { afterEach, describe, expect, it, vi } from 'vitest'
import type { PresencePatch } from '../../src/client'
import { createEventBatcher, createPresenceStore, scheduleFrame, type Schedule } from '../../src/store'

function manualSchedule() {
  const queue: Array<() => void> = []
  const schedule: Schedule = (callback) => {
    queue.push(callback)
    return () => {
      const index = queue.indexOf(callback)
      if (index >= 0) queue.splice(index, 1)
    }
  }
  return { schedule, queue, frame: () => queue.splice(0).forEach((callback) => callback()) }
}

const user = (id: number, extra: Partial<PresencePatch> = {}): PresencePatch => ({
  id: String(id),
  username: `user${id}`,
  status: 'online',
  ...extra,
})

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('createEventBatcher', () => {
  it('a burst of 500 events within one frame is one setState', () => {
    const store = createPresenceStore()
    const { schedule, queue, frame } = manualSchedule()
    const batcher = createEventBatcher(store, schedule)
    batcher.snapshot(Array.from({ length: 1000 }, (_, i) => user(i)))
    frame()
    // Every setState that changes the state notifies each subscriber once, so the listener counts them.
    const listener = vi.fn()
    store.users.subscribeChanges(listener)
    for (let i = 0; i < 500; i++) batcher.change({ id: String(i % 250), status: i % 2 ? 'away' : 'dnd' })
    expect(queue).toHaveLength(1)
    expect(batcher.pending).toBe(500)
    expect(listener).not.toHaveBeenCalled()
    frame()
    expect(listener).toHaveBeenCalledTimes(1)
    expect(store.users.get('1')).toMatchObject({ status: 'away' })
    expect(store.users.get('2')).toMatchObject({ status: 'dnd' })
    expect(batcher.pending).toBe(0)
  })

  it('users outside the burst keep their object, so their selectors do not fire', () => {
    const store = createPresenceStore()
    const { schedule, frame } = manualSchedule()
    const batcher = createEventBatcher(store, schedule)
    batcher.snapshot([user(1), user(2), user(3)])
    frame()
    const before = [store.users.get(1), store.users.get(3)]
    const told: string[] = []
    for (const id of ['1', '2', '3']) store.users.subscribe(id, () => told.push(id))
    for (let i = 0; i < 50; i++) batcher.change({ id: '2', statusMessage: `message ${i}` })
    batcher.change(user(3)) // says nothing new
    frame()
    expect([store.users.get(1), store.users.get(3)]).toEqual(before)
    expect(store.users.get(1)).toBe(before[0])
    expect(store.users.get(2)).toMatchObject({ statusMessage: 'message 49' })
    expect(told).toEqual(['2'])
  })

  it('a burst that changes nothing is no setState at all', () => {
    const store = createPresenceStore()
    const { schedule, frame } = manualSchedule()
    const batcher = createEventBatcher(store, schedule)
    batcher.change(user(1))
    frame()
    const listener = vi.fn()
    store.users.subscribeChanges(listener)
    for (let i = 0; i < 100; i++) batcher.change(user(1))
    frame()
    expect(listener).not.toHaveBeenCalled()
  })

  it('a snapshot supersedes the changes queued before it; later changes apply on top, all in one update', () => {
    const store = createPresenceStore()
    const { schedule, frame } = manualSchedule()
    const batcher = createEventBatcher(store, schedule)
    const listener = vi.fn()
    store.users.subscribeChanges(listener)
    batcher.change(user(9))
    batcher.snapshot([user(1), user(2)])
    batcher.change({ id: '2', status: 'away' })
    frame()
    expect(listener).toHaveBeenCalledTimes(1)
    expect(store.users.get('9')).toBeUndefined()
    expect(store.users.get('2')).toMatchObject({ status: 'away' })
  })

  it('flush() applies at once and cancels the scheduled frame; dispose() drops everything', () => {
    const store = createPresenceStore()
    const { schedule, queue } = manualSchedule()
    const batcher = createEventBatcher(store, schedule)
    batcher.change(user(1))
    batcher.flush()
    expect(queue).toHaveLength(0)
    expect(store.users.get('1')).toBeDefined()
    batcher.change(user(2))
    batcher.dispose()
    expect(queue).toHaveLength(0)
    expect(batcher.pending).toBe(0)
    expect(store.users.get('2')).toBeUndefined()
  })

  it('the default schedule works without requestAnimationFrame (SSR, Node): one update after 16 ms', () => {
    vi.stubGlobal('requestAnimationFrame', undefined)
    vi.useFakeTimers()
    const store = createPresenceStore()
    const listener = vi.fn()
    store.users.subscribeChanges(listener)
    const batcher = createEventBatcher(store)
    for (let i = 0; i < 500; i++) batcher.change(user(i))
    vi.advanceTimersByTime(15)
    expect(listener).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(listener).toHaveBeenCalledTimes(1)
    expect(store.users.size).toBe(500)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('the default schedule uses the animation frame where there is one, bounded for hidden tabs', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const frames: Array<() => void> = []
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback))
    vi.stubGlobal('cancelAnimationFrame', vi.fn())
    const ran = vi.fn()
    scheduleFrame(ran)
    expect(frames).toHaveLength(1)
    frames[0]!()
    expect(ran).toHaveBeenCalledTimes(1)
    expect(vi.getTimerCount()).toBe(0) // the fallback timer was cancelled
    // A hidden tab: the frame never comes, the bound does.
    const late = vi.fn()
    scheduleFrame(late)
    vi.advanceTimersByTime(250)
    expect(late).toHaveBeenCalledTimes(1)
    frames[1]!()
    expect(late).toHaveBeenCalledTimes(1)
  })

  it('the default schedule with the real happy-dom frame', async () => {
    const store = createPresenceStore()
    const batcher = createEventBatcher(store)
    batcher.change(user(1))
    await vi.waitFor(() => expect(store.users.get('1')).toBeDefined())
  })
})
