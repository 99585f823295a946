/**
 * The part of `BroadcastChannel` the heartbeat uses.
 *
 * @example
 * const Channel: BroadcastChannelConstructorLike | null = globalThis.BroadcastChannel ?? null
 */
export type BroadcastChannelConstructorLike = new (name: string) => {
  postMessage(message: unknown): void
  addEventListener(type: 'message', listener: (event: { data?: unknown }) => void): void
  close(): void
}

/**
 * Tells the other tabs of this app when a heartbeat went out, and hears theirs.
 *
 * @example
 * const channel = openBeatChannel('presence-kit:heartbeat:3')
 * channel.subscribe((at) => console.log('another tab beat at', at))
 * channel.post(Date.now())
 */
export interface BeatChannel {
  post(at: number): void
  subscribe(listener: (at: number) => void): () => void
  close(): void
}

const silent: BeatChannel = { post() {}, subscribe: () => () => {}, close() {} }

/**
 * The BroadcastChannel class of this environment, if any; looked up at each call, never at import.
 *
 * @example
 * const Channel = defaultBroadcastChannel()
 */
export function defaultBroadcastChannel(): BroadcastChannelConstructorLike | null {
  const Channel = (globalThis as { BroadcastChannel?: BroadcastChannelConstructorLike }).BroadcastChannel
  return typeof Channel === 'function' ? Channel : null
}

/**
 * Opens a {@link BeatChannel} over a `BroadcastChannel`; without one (SSR, old browsers) a channel that says and
 * hears nothing, so that each tab beats on its own. On opening it asks the other tabs for the last beat they know,
 * so that a tab opened after that beat, and elected before the next, waits for the interval instead of beating.
 *
 * @example
 * const channel = openBeatChannel('presence-kit:heartbeat:3', BroadcastChannel)
 */
export function openBeatChannel(name: string, Channel = defaultBroadcastChannel()): BeatChannel {
  if (!Channel) return silent
  let channel: InstanceType<BroadcastChannelConstructorLike>
  try {
    channel = new Channel(name)
  } catch {
    return silent
  }
  const listeners = new Set<(at: number) => void>()
  // The last beat this channel sent or heard, told to a tab that asks.
  let last = 0
  const send = (message: unknown) => {
    try {
      channel.postMessage(message)
    } catch {
      // A closed channel: the other tabs will beat on their own.
    }
  }
  channel.addEventListener('message', (event) => {
    const data = event.data as { type?: unknown; at?: unknown } | null | undefined
    if (data?.type === 'ask') return last && send({ type: 'beat', at: last })
    if (data?.type !== 'beat' || typeof data.at !== 'number') return
    if (data.at > last) last = data.at
    for (const listener of listeners) listener(data.at)
  })
  send({ type: 'ask' })
  return {
    post: (at) => send({ type: 'beat', at: (last = at) }),
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close() {
      listeners.clear()
      channel.close()
    },
  }
}
