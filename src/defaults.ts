// Every default duration and count of the kit, in one place: the modules read them from here instead of restating
// literals, so a default is changed once and documented once. A leaf module: it imports nothing, so every layer
// (client, store, runtime, hooks, components) may read it.

/** Reconnect backoff of a socket: full jitter from `baseMs`, doubling, capped at `capMs`. */
export const BACKOFF = Object.freeze({ baseMs: 1_000, capMs: 30_000 })

/** A reconnecting WebSocket's timings, in ms. */
export const SOCKET = Object.freeze({
  /** How long a connection must stay open before the retry count starts over. */
  stableAfterMs: 60_000,
  /** How long an attempt may stay unanswered before it is given up. */
  connectTimeoutMs: 20_000,
  /** Between two pings while open (the contract's 30 s). */
  pingIntervalMs: 30_000,
  /** How long after a ping the socket may stay silent before it is taken for dead. */
  pongTimeoutMs: 10_000,
})

/** The heartbeat's timings, in ms (the heartbeat backend's: every 2 minutes, paused while hidden). */
export const HEARTBEAT = Object.freeze({
  intervalMs: 120_000,
  /** On becoming visible, a beat goes out at once if the last one is older than this. */
  resumeAfterMs: 60_000,
  /** First retry delay after a failed beat (then doubling, capped at the interval). */
  retryBaseMs: 10_000,
})

/** The polling fallback's timing, in ms. */
export const POLL = Object.freeze({
  /** Between two reads of the REST list while polling, in ms. */
  intervalMs: 10_000,
})

/** When the socket counts as lost and polling takes over. */
export const FALLBACK = Object.freeze({
  /** Failed attempts in a row. */
  maxFailedAttempts: 3,
  /** Or this long without an open socket, in ms. */
  maxNotOpenMs: 30_000,
})

/** The runtime's waits, in ms. */
export const RUNTIME = Object.freeze({
  /** How long `setStatus` waits for the socket's echo before it falls back to the REST call. */
  statusTimeoutMs: 5_000,
  /** How long `markOffline` waits for the socket's close and a heartbeat in flight before it goes on. */
  closeTimeoutMs: 1_000,
})
