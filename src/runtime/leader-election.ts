/**
 * The part of the Web Locks API (`navigator.locks`) that leader election uses. A fake with the same shape
 * stands in for it in tests, and for a second tab.
 *
 * @example
 * const locks: LockManagerLike | null = navigator.locks ?? null
 */
export interface LockManagerLike {
  request(name: string, options: { signal?: AbortSignal }, callback: (lock: unknown) => unknown): Promise<unknown>
}

/**
 * The browser's Web Locks, when this environment has them (not during SSR, not in happy-dom). Looked up at each
 * call, never at import.
 *
 * @example
 * const locks = defaultLocks()
 */
export function defaultLocks(): LockManagerLike | null {
  const navigator = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator
  return typeof navigator?.locks?.request === 'function' ? navigator.locks : null
}

/**
 * Asks to become the one leader among every tab (and every caller in this tab) that asks under `name`, with the
 * Web Locks API: the lock is requested and queued, `onLeader` runs once it is granted, and the lock is held until
 * the returned function is called (or the tab closes, which the browser handles). The function also withdraws a
 * request that is still queued. The next caller in the queue is granted the lock at once: no polling, no expiry.
 *
 * @example
 * const leave = joinElection(navigator.locks, 'presence-kit:heartbeat:3', () => startBeating())
 * // when hidden, or stopping
 * leave()
 */
export function joinElection(locks: LockManagerLike, name: string, onLeader: () => void): () => void {
  const controller = new AbortController()
  let release: (() => void) | undefined
  let left = false
  locks
    .request(name, { signal: controller.signal }, () => {
      if (left) return undefined
      onLeader()
      // Held until leave() resolves it.
      return new Promise<void>((resolve) => {
        release = resolve
      })
    })
    // An AbortError when the request was withdrawn before it was granted: nothing to do.
    .catch(() => {})
  return () => {
    left = true
    controller.abort()
    release?.()
  }
}
