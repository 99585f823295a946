/**
 * Calls `callback` whenever the browser comes back `online` or the tab becomes visible again: the moments when a
 * waiting reconnect should happen at once (`socket.retryNow()`). Returns the function that stops listening.
 * Does nothing where there is no `window` / `document` (server-side rendering, Node).
 *
 * @example
 * const stop = onWake(() => socket.retryNow())
 * // later
 * stop()
 */
export function onWake(callback: () => void): () => void {
  const win = (globalThis as { window?: EventTarget }).window
  const doc = (globalThis as { document?: EventTarget & { visibilityState?: string } }).document
  const onOnline = () => callback()
  const onVisibility = () => {
    if (doc?.visibilityState !== 'hidden') callback()
  }
  win?.addEventListener('online', onOnline)
  doc?.addEventListener('visibilitychange', onVisibility)
  return () => {
    win?.removeEventListener('online', onOnline)
    doc?.removeEventListener('visibilitychange', onVisibility)
  }
}

/**
 * Calls `callback` when the browser reports the network gone (`offline`): the moment to check an open socket at
 * once (`socket.checkAlive()`) instead of trusting it until the next scheduled ping, which can be 40 s away.
 * A ping, not a close: `offline` can be wrong (a backend on this machine stays reachable), and a live socket answers
 * it within a round trip. Returns the function that stops listening. Does nothing where there is no `window`.
 *
 * @example
 * const stop = onNetworkLost(() => socket.checkAlive())
 */
export function onNetworkLost(callback: () => void): () => void {
  const win = (globalThis as { window?: EventTarget }).window
  const onOffline = () => callback()
  win?.addEventListener('offline', onOffline)
  return () => win?.removeEventListener('offline', onOffline)
}
