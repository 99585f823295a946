import { useState } from 'react'
import { useWebSocket, type UseWebSocketOptions } from '../../../src/hooks'
import { DemoCard, Readout, show, Timestamp } from './Readout'

// The package root does not export `CloseInfo`; it is what `onClose` receives.
type CloseInfo = Parameters<NonNullable<UseWebSocketOptions['onClose']>>[0]

export type WebSocketDemoProps = {
  /** The hook's `url`: any JSON-over-WebSocket server; `null` keeps it closed. The stories point it at their mock backend. */
  url: string | null
  /** The hook's `enabled`: `false` closes the socket (and opens none). Default `true`. */
  enabled?: boolean
  /** The hook's `ping.intervalMs`: an application-level `{"type":"ping"}` this often while open; 0: no pings. Default 30 000. */
  pingIntervalMs?: number
  /** The hook's `backoff.baseMs`: the first reconnect waits up to this long (full jitter, doubling, capped at 30 s). Default 1 000. */
  backoffBaseMs?: number
  /** The hook's `onMessage`: every frame but the answers to the hook's own pings, parsed when it is JSON. */
  onMessage?: (data: unknown) => void
  /** The hook's `onOpen`. */
  onOpen?: () => void
  /** The hook's `onClose`: the connection closed or failed (not on unmount). */
  onClose?: (event: CloseInfo) => void
  /** The hook's `onUnauthorized`: the server closed with 4401; no reconnect until the URL changes. */
  onUnauthorized?: (event: CloseInfo) => void
}

const buttonClass =
  'pk:rounded-md pk:border pk:border-presence-border pk:px-2 pk:py-1 pk:text-sm pk:hover:bg-presence-fg/10 pk:disabled:opacity-60 pk:focus-visible:outline-2 pk:focus-visible:outline-presence-accent'

/** Describes a frame in a few words: its `type`, and the user it is about. */
function summary(message: unknown): string {
  if (message === undefined) return 'undefined'
  if (typeof message !== 'object' || message === null) return show(message)
  const { type, user, onlineUsers } = message as { type?: unknown; user?: { username?: unknown; status?: unknown }; onlineUsers?: unknown[] }
  if (user) return `${String(type)}: ${String(user.username)} ${String(user.status)}`
  if (Array.isArray(onlineUsers)) return `${String(type)}: ${onlineUsers.length} users`
  return show(message)
}

/**
 * `useWebSocket` on its own, without the provider: a socket that stays up, its state, the last frame, and `send()`.
 * The stories point it at their mock backend's presence socket (`/ws/user-status/?token=…`).
 */
export function WebSocketDemo({
  url,
  enabled,
  pingIntervalMs,
  backoffBaseMs,
  onMessage,
  onOpen,
  onClose,
  onUnauthorized,
}: WebSocketDemoProps) {
  const [frames, setFrames] = useState(0)
  const { state, send, nextRetryAt, retryNow, lastMessage } = useWebSocket(url, {
    enabled,
    ping: pingIntervalMs === 0 ? false : { intervalMs: pingIntervalMs },
    backoff: { baseMs: backoffBaseMs },
    onMessage: (data) => {
      setFrames((count) => count + 1)
      onMessage?.(data)
    },
    onOpen,
    onClose,
    onUnauthorized,
  })
  const [sent, setSent] = useState<boolean | null>(null)
  return (
    <DemoCard label="useWebSocket(url)">
      <div role="status">
        <Readout
          rows={[
            ['state', state],
            ['nextRetryAt', <Timestamp at={nextRetryAt} />],
            ['frames', frames],
            ['lastMessage', summary(lastMessage)],
          ]}
        />
      </div>
      <div className="pk:mt-3 pk:flex pk:flex-wrap pk:gap-2">
        <button type="button" className={buttonClass} onClick={() => setSent(send({ type: 'status', mode: 'away', statusMessage: 'Sent over useWebSocket' }))}>
          Send: away
        </button>
        <button type="button" className={buttonClass} onClick={() => setSent(send({ type: 'status', mode: 'auto', statusMessage: null }))}>
          Send: online
        </button>
        <button type="button" className={buttonClass} onClick={retryNow}>
          {state === 'open' ? 'Probe (ping)' : 'Retry now'}
        </button>
      </div>
      <p className="pk:mt-2 pk:text-xs pk:text-presence-muted">{sent === null ? 'Nothing sent yet.' : sent ? 'send() → true' : 'send() → false (not open)'}</p>
    </DemoCard>
  )
}
