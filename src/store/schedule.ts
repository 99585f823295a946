/**
 * Runs a callback later, once; returns the function that cancels it.
 *
 * @example
 * const microtask: Schedule = (callback) => {
 *   let live = true
 *   queueMicrotask(() => live && callback())
 *   return () => { live = false }
 * }
 */
export type Schedule = (callback: () => void) => () => void

// `requestAnimationFrame` does not run in a hidden tab; without this bound a background tab would hold every
// event until it is shown again, and code reading the store (notifications) would see it late.
const HIDDEN_TAB_BOUND_MS = 250
const FRAME_MS = 16

/**
 * The next animation frame where there is one, so that a burst of events becomes one render; capped at 250 ms
 * for hidden tabs, whose frames do not run. Under server-side rendering and in Node, a 16 ms timeout.
 * The globals are looked up at each call, so fake timers and a late polyfill are seen.
 *
 * @example
 * const cancel = scheduleFrame(() => console.log('next frame'))
 */
export const scheduleFrame: Schedule = (callback) => {
  const raf = (globalThis as { requestAnimationFrame?: (cb: () => void) => number }).requestAnimationFrame
  const caf = (globalThis as { cancelAnimationFrame?: (handle: number) => void }).cancelAnimationFrame
  let done = false
  const run = () => {
    if (done) return
    done = true
    cancel()
    callback()
  }
  const timer = setTimeout(run, typeof raf === 'function' ? HIDDEN_TAB_BOUND_MS : FRAME_MS)
  const frame = typeof raf === 'function' ? raf(run) : undefined
  function cancel() {
    done = true
    clearTimeout(timer)
    if (frame !== undefined) caf?.(frame)
  }
  return cancel
}
