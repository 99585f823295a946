import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PeriodicTask, type RunOutcome } from '../../src/runtime/periodic-task'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

function deferred() {
  let resolve!: () => void
  let reject!: (error: unknown) => void
  const promise = new Promise<void>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('PeriodicTask', () => {
  it('runs one at a time, reports each outcome, and runs again when told', async () => {
    const runs: ReturnType<typeof deferred>[] = []
    const outcomes: RunOutcome[] = []
    const task = new PeriodicTask(
      () => {
        const run = deferred()
        runs.push(run)
        return run.promise
      },
      (outcome) => {
        outcomes.push(outcome)
        task.after(1_000)
      },
    )
    task.runNow()
    task.runNow() // in flight: nothing
    expect(runs).toHaveLength(1)
    runs[0]!.resolve()
    await vi.advanceTimersByTimeAsync(999)
    expect(outcomes).toEqual([{ ok: true }])
    expect(runs).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(runs).toHaveLength(2)
    runs[1]!.reject(new Error('down'))
    await vi.advanceTimersByTimeAsync(0)
    expect(outcomes[1]).toMatchObject({ ok: false, error: new Error('down') })
  })

  it('cancel() aborts the run in flight, drops its outcome and its timer; a throwing run is a failure', async () => {
    const signals: AbortSignal[] = []
    const settled = vi.fn()
    const run = deferred()
    const task = new PeriodicTask((signal) => {
      signals.push(signal)
      return run.promise
    }, settled)
    task.runNow()
    task.after(10)
    task.cancel()
    expect(signals[0]!.aborted).toBe(true)
    expect(task.inFlight).toBe(false)
    run.resolve()
    await vi.advanceTimersByTimeAsync(100)
    expect(settled).not.toHaveBeenCalled()
    expect(signals).toHaveLength(1)

    const throwing = new PeriodicTask(() => {
      throw new Error('sync')
    }, settled)
    throwing.runNow()
    await vi.advanceTimersByTimeAsync(0)
    expect(settled).toHaveBeenCalledWith({ ok: false, error: new Error('sync') })
  })
})
