import type { MockBackend } from './backend'
import { STATUS_PROBLEMS, type StatusChange } from './core/presence'
import { clientFrame, describeIssue } from './core/schemas'
import { DEVICES } from './core/types'
import type { SocketLike } from './hub'
import { isolated } from './isolate'

export const MAX_FRAME_BYTES = 16 * 1024
const RATE_PER_SECOND = 20
const BURST = 40

export interface Session {
  /** A frame from the client: a string, or bytes for a binary frame. */
  receive(data: string | ArrayBufferLike | ArrayBufferView | Blob): void
  /** The socket closed, for whatever reason. */
  closed(): void
}

const byteLength = (text: string) => (text.length * 3 <= MAX_FRAME_BYTES ? text.length : new TextEncoder().encode(text).length)

/**
 * The WebSocket protocol of the contract, written once against a minimal socket, for every transport.
 * `url` is the address the client opened (it carries `?token=`), `origin` the server's public base for avatar links.
 */
export function openSession(backend: MockBackend, socket: SocketLike, url: URL, origin: string): Session {
  const { presence, tokens, hub } = backend
  // The backend's variant of the protocol: what it sends first, how it answers a ping, whether it takes status frames.
  const protocol = backend.mode.socket
  if (!protocol) throw new Error(`backend ${backend.mode.name} has no socket`)
  presence.evaluate()
  const auth = tokens.authenticate(url.searchParams.get('token') ?? '', presence.clock.now())
  if (!auth) {
    socket.close(4401, 'unauthorized')
    return { receive() {}, closed() {} }
  }
  const { userId } = auth
  // `&device=web|mobile|desktop`; anything else, or nothing, is `web` (section 6.2).
  const asked = url.searchParams.get('device')
  const device = DEVICES.find((kind) => kind === asked) ?? 'web'
  const connectionId = presence.connect(userId, auth.sessionId, device)
  let greeting: string | null
  try {
    greeting = protocol.greeting(backend, userId, origin)
  } catch (error) {
    // One connection fails, not the process: the client is told to come back later.
    console.error('presence mock server: a greeting failed; the socket is closed with 1011:', error)
    presence.disconnect(connectionId)
    socket.close(1011, 'internal error')
    return { receive() {}, closed() {} }
  }

  let allowance = BURST
  let lastCheck = performance.now()
  let open = true
  // Everything for this client leaves here. A client that does not read gets at most `sendLimitBytes` queued:
  // the frame that would pass it is not sent, and the socket is closed with 1013 ("try again later"). A frame
  // onto an empty queue always goes (a snapshot of a large cast may be bigger than the limit by itself).
  const send = (data: string) => {
    if (!open) return
    const queued = socket.bufferedAmount
    if (queued && queued + data.length * 3 > backend.sendLimitBytes) {
      const bytes = new TextEncoder().encode(data).length
      if (queued + bytes > backend.sendLimitBytes) return shut(1013, 'send queue over its limit')
    }
    socket.send(data)
  }
  const reply = (frame: object) => send(JSON.stringify(frame))
  const refuse = (message: string) => reply({ type: 'error', code: 'bad_message', message })
  const shut = (code: number, reason: string) => {
    open = false
    hub.remove(connectionId)
    presence.disconnect(connectionId)
    socket.close(code, reason)
  }
  if (greeting !== null) send(greeting)
  if (open) hub.add(connectionId, { socket: { send, close: (code, reason) => socket.close(code, reason) }, userId, origin })

  const session: Session = {
    receive(data) {
      if (!open) return
      const now = performance.now()
      allowance = Math.min(BURST, allowance + ((now - lastCheck) / 1000) * RATE_PER_SECOND)
      lastCheck = now
      if (allowance < 1) return shut(1008, 'too many messages')
      allowance -= 1

      if (typeof data !== 'string') {
        const size = data instanceof Blob ? data.size : data.byteLength
        if (size > MAX_FRAME_BYTES) return shut(1009, 'message too big')
        return refuse('frames must be JSON text, not binary')
      }
      if (byteLength(data) > MAX_FRAME_BYTES) return shut(1009, 'message too big')

      let parsed: unknown
      try {
        parsed = JSON.parse(data)
      } catch {
        return refuse('malformed JSON')
      }
      const frame = clientFrame.safeParse(parsed)
      // A backend without status frames takes ping alone: its error names nothing else it would take.
      const onlyPing = 'this backend takes only {"type":"ping"}'
      if (!frame.success) return refuse(protocol.statusFrames ? describeIssue(frame.error) : onlyPing)

      switch (frame.data.type) {
        case 'ping': {
          // One reading of the clock: the pong's time is the last seen the ping set (two readings can differ by 1 ms).
          const pong = protocol.pong(backend, presence.touch(userId))
          return pong ? reply(pong) : undefined
        }
        case 'status': {
          if (!protocol.statusFrames) return refuse(onlyPing)
          const { mode, statusMessage, statusExpiresAt, lastSeenVisibility, idle } = frame.data
          const change: StatusChange = {
            mode,
            statusMessage: statusMessage === undefined ? undefined : backend.normaliseMessage(statusMessage),
            statusExpiresAt: statusExpiresAt === undefined ? undefined : statusExpiresAt === null ? null : Date.parse(statusExpiresAt),
            lastSeenVisibility,
            idle,
          }
          const problem = presence.checkStatus(userId, change)
          if (problem) return refuse(`statusExpiresAt: ${STATUS_PROBLEMS[problem]}`)
          presence.touch(userId)
          presence.setStatus(userId, change, { connectionId })
          return
        }
        default:
          return frame.data satisfies never
      }
    },
    closed() {
      if (!open) return
      open = false
      hub.remove(connectionId)
      presence.disconnect(connectionId)
    },
  }
  // A frame whose handling fails is logged and dropped; the socket and the process live on.
  return { receive: (data) => isolated('a frame from a client', () => session.receive(data)), closed: session.closed }
}
