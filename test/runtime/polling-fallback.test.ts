import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PresenceApiError } from '../../src/client'
import { PollingFallback, VisibilityManager } from '../../src/runtime'

let visibility: VisibilityManager
beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2030-01-01T00:00:00Z') })
  visibility = new VisibilityManager()
  visibility.setVisible(true)
})
afterEach(() => {
  vi.useRealTimers()
})

describe('PollingFallback', () => {
  it('polls at once, then every 10 s (seed 002), one poll at a time', async () => {
    const poll = vi.fn(async () => {})
    const polling = new PollingFallback({ poll, visibility })
    polling.start()
    polling.start()
    polling.pollNow() // already polling: no second request
    expect(poll).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(poll).toHaveBeenCalledTimes(7)
    polling.stop()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('waits while the page is hidden, and polls at once when shown if the last poll is an interval old', async () => {
    const poll = vi.fn(async () => {})
    const polling = new PollingFallback({ poll, visibility, intervalMs: 10_000 })
    polling.start()
    await vi.advanceTimersByTimeAsync(0)
    visibility.setVisible(false)
    expect(vi.getTimerCount()).toBe(0)
    await vi.advanceTimersByTimeAsync(5 * 60_000)
    expect(poll).toHaveBeenCalledTimes(1)
    visibility.setVisible(true)
    expect(poll).toHaveBeenCalledTimes(2)
    visibility.setVisible(false)
    visibility.setVisible(true) // 0 s since the last poll: wait for the rest of the interval
    expect(poll).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(poll).toHaveBeenCalledTimes(3)
    polling.stop()
  })

  it('stop() aborts the poll in flight; its answer is dropped', async () => {
    let signal: AbortSignal | undefined
    const applied = vi.fn()
    let answer: (() => void) | undefined
    const polling = new PollingFallback({
      visibility,
      poll: (s) => {
        signal = s
        return new Promise<void>((resolve) => {
          answer = () => {
            if (!s.aborted) applied()
            resolve()
          }
        })
      },
    })
    polling.start()
    polling.stop()
    expect(signal?.aborted).toBe(true)
    answer?.()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(applied).not.toHaveBeenCalled()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('onError decides: a transient failure goes on, a 401 stops; onChange tells', async () => {
    const onChange = vi.fn()
    const errors = [new PresenceApiError(503, null, 'down'), new PresenceApiError(401, null, 'bad token')]
    const poll = vi.fn(async () => {
      throw errors[poll.mock.calls.length - 1]
    })
    const polling = new PollingFallback({
      poll,
      visibility,
      onChange,
      onError: (error) => ((error as PresenceApiError).status === 401 ? 'stop' : 'continue'),
    })
    polling.start()
    await vi.advanceTimersByTimeAsync(10_000)
    expect(poll).toHaveBeenCalledTimes(2)
    expect(polling.isRunning).toBe(false)
    expect(onChange.mock.calls).toEqual([[true], [false]])
    await vi.advanceTimersByTimeAsync(60_000)
    expect(poll).toHaveBeenCalledTimes(2)
  })

  it('refresh: once more right after the poll in flight (not twice), now when none is out, nothing when stopped', async () => {
    let settle = () => {}
    const poll = vi.fn(() => new Promise<void>((resolve) => (settle = resolve)))
    const polling = new PollingFallback({ poll, visibility, intervalMs: 10_000 })
    polling.start()
    polling.refresh(() => true)
    polling.refresh(() => true)
    expect(poll).toHaveBeenCalledTimes(1)
    settle()
    await vi.advanceTimersByTimeAsync(0)
    expect(poll).toHaveBeenCalledTimes(2)
    settle()
    await vi.advanceTimersByTimeAsync(0)
    expect(poll).toHaveBeenCalledTimes(2)
    polling.refresh(() => true)
    expect(poll).toHaveBeenCalledTimes(3)
    settle()
    await vi.advanceTimersByTimeAsync(10_000)
    expect(poll).toHaveBeenCalledTimes(4)
    polling.refresh(() => true)
    polling.stop()
    settle()
    await vi.advanceTimersByTimeAsync(60_000)
    polling.refresh(() => true)
    expect(poll).toHaveBeenCalledTimes(4)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('refresh(needed): asked when the poll in flight settles, not when called; false, and it waits the interval', async () => {
    let settle = () => {}
    const poll = vi.fn(() => new Promise<void>((resolve) => (settle = resolve)))
    const polling = new PollingFallback({ poll, visibility, intervalMs: 10_000 })
    let answered = false
    const needed = vi.fn(() => !answered)
    polling.start()
    polling.refresh(needed)
    expect(needed).not.toHaveBeenCalled()
    answered = true
    settle()
    await vi.advanceTimersByTimeAsync(0)
    expect(needed).toHaveBeenCalledTimes(1)
    expect(poll).toHaveBeenCalledTimes(1)
    polling.refresh(needed)
    expect(poll).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(poll).toHaveBeenCalledTimes(2)
    polling.stop()
  })
})
