import { DEFAULT_CAST, type Cast } from './core/cast'
import { MockClock } from './core/clock'
import { Conversations } from './core/conversations'
import { Presence } from './core/presence'
import { TokenStore } from './core/tokens'
import type { DeviceKind, Mode, PresenceEvent } from './core/types'
import { Hub } from './hub'
import { isolated } from './isolate'
import { castFor } from './modes/cast'
import { controlStatuses, socketsOnly } from './modes/common'
import { backendMode, type BackendMode, type BackendName } from './modes'
import { startSimulation } from './simulate'

export interface MockBackendOptions {
  /**
   * Which backend to be: the contract (everything), or exactly one backend design, with only its routes, shapes,
   * socket and definition of online. Default `'contract'`.
   *
   * @example
   * const backend = new MockBackend({ backend: 'user-status-socket' }) // /ws/user-status/ without a snapshot
   */
  backend?: BackendName
  /** How long a REST sign of life keeps a user online, in seconds, where it runs out. Default 300. */
  ttlSeconds?: number
  /** How long a user stays online after their last socket closed, in seconds. Default 2. */
  graceSeconds?: number
  /** Lifetime of access tokens, in seconds. Default 900. */
  tokenTtlSeconds?: number
  /** Whether the `/__mock__/` controls answer. Default true. */
  control?: boolean
  /** Demo users come and go by themselves every few seconds. Default false. */
  simulate?: boolean | { intervalMs?: number; seed?: number }
  /** The wall clock the server clock starts from. Default `Date.now`. */
  now?: () => number
  /** Who exists: users, friendships, conversations. Default: the 24 demo users and the admin (`createCast()`). */
  cast?: Cast
  /**
   * The URL clients reach this server at, e.g. `https://presence.dev.example`: absolute links (`profileImage`,
   * avatars) are built on it. Default: the transport's own address (the Node server's listening address, the
   * MSW handlers' `baseUrl`), never a request's `Host` header.
   */
  publicUrl?: string
  /**
   * A socket whose unsent data would pass this many bytes is closed with 1013 (section 6.5), where the transport
   * has a send queue (the Node server). Default 1 MiB; `Infinity` turns the limit off, for measurements only.
   */
  sendLimitBytes?: number
}

export const SEND_LIMIT_BYTES = 1024 * 1024

export type ControlStatus = 'online' | 'away' | 'dnd' | 'invisible' | 'offline'

const REFRESH_TTL_MS = 7 * 24 * 3600 * 1000

/** `https://host/prefix/` → `https://host/prefix`: the base that links are appended to. */
export function publicBase(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new Error(`the public URL must be an absolute http(s) URL, got "${url}"`)
  }
  if (!/^https?:$/.test(parsed.protocol) || parsed.search || parsed.hash || parsed.username || parsed.password) {
    throw new Error(`the public URL must be an http(s) URL without query, fragment or credentials, got "${url}"`)
  }
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`
}

// A message of nothing but white space, control, format (U+200B–U+200F, U+2060, U+FEFF, bidi controls, …) or
// other default-ignorable characters (U+3164 Hangul filler, variation selectors, …) shows as blank.
const BLANK = /^[\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]*$/u

/**
 * The whole mock presence backend, independent of any transport: the rules, the tokens, the open sockets and
 * the timers that make expiries happen without anyone asking.
 */
export class MockBackend {
  /** The backend this mock is: its routes, socket, signs of life and views. */
  readonly mode: BackendMode
  readonly clock: MockClock
  readonly presence: Presence
  readonly tokens: TokenStore
  readonly conversations: Conversations
  readonly hub: Hub
  readonly control: boolean
  /** The base of absolute links when one was configured (`publicUrl`), else null: the transport decides. */
  readonly publicUrl: string | null
  readonly sendLimitBytes: number
  /** The armed wake-ups, by the server-clock moment each is for. */
  #timers = new Map<number, ReturnType<typeof setTimeout>>()
  #timerAt: number | null = null
  #stopSimulation: (() => void) | undefined
  /** Where online is an open socket: the connection each user held online by the controls has, with no socket. */
  #held = new Map<number, number>()
  readonly #seededOnline: readonly number[]
  /** The last list a list-sending socket broadcast, so that one change of the list sends it once. */
  #lastList: string | null = null

  constructor(options: MockBackendOptions = {}) {
    this.mode = backendMode(options.backend ?? 'contract')
    this.clock = new MockClock(options.now)
    this.control = options.control ?? true
    this.publicUrl = options.publicUrl === undefined ? null : publicBase(options.publicUrl)
    this.sendLimitBytes = options.sendLimitBytes ?? SEND_LIMIT_BYTES
    this.tokens = new TokenStore({ accessMs: (options.tokenTtlSeconds ?? 900) * 1000, refreshMs: REFRESH_TTL_MS })
    const { cast, seededOnline } = castFor(this.mode, options.cast ?? DEFAULT_CAST)
    this.#seededOnline = seededOnline
    this.conversations = new Conversations(this.clock.now(), cast.conversations)
    const { announce } = this.mode.socket ?? {}
    this.hub = new Hub({
      frame: (userId, audience, origin, viewerId, at) =>
        announce?.kind === 'user' ? announce.frame(this, userId, audience, origin, viewerId, at ?? this.clock.now()) : null,
      variant: (userId, audience, viewerId) =>
        announce?.kind === 'user' && announce.variant ? announce.variant(this, userId, audience, viewerId) : '',
    })
    this.presence = new Presence({
      clock: this.clock,
      timing: {
        ttlMs: this.mode.restExpires ? (options.ttlSeconds ?? 300) * 1000 : Infinity,
        graceMs: (options.graceSeconds ?? 2) * 1000,
      },
      rules: this.mode.rules,
      cast: cast.members,
      friendships: cast.friendships,
      onEvent: (event) => this.#onPresenceEvent(event),
      schedule: (at) => this.#schedule(at),
    })
    this.#holdSeeded()
    if (options.simulate) {
      this.#stopSimulation = startSimulation(this, options.simulate === true ? {} : options.simulate)
    }
  }

  /** When the backend's timer runs the presence rules next (server clock, ms); null when nothing falls due. */
  get nextWakeUp(): number | null {
    return this.#timerAt
  }

  /** Back to the seeded state and the real clock; every token dropped, every socket closed with 4401. */
  reset(): void {
    this.clock.reset()
    this.tokens.clear()
    this.#held.clear()
    this.presence.reset()
    this.hub.closeAll(4401, 'unauthorized')
    this.#lastList = null
    this.#holdSeeded()
    this.conversations.seed(this.clock.now())
  }

  /** Moves the server clock forward and runs, in order, everything that fell due; its events leave at once. */
  advance(seconds: number): void {
    this.clock.advance(seconds * 1000)
    this.presence.evaluate()
    // The next expiry is as far away on the server clock as before, but nearer in real time: re-arm the timer.
    if (this.#timerAt !== null) {
      this.#clearTimers()
      this.#schedule(this.#timerAt)
    }
    // Pushed before the control replies, even within the coalescing window.
    this.hub.flush()
  }

  /** The statuses `applyPresence` and the presence control take in this backend. */
  get controlStatuses(): ControlStatus[] {
    return controlStatuses(this.mode)
  }

  /**
   * Acts as the user's own session would (the mock control, and the simulation), in this backend's model: where
   * online is an open socket, `online` holds a connection without a socket (a tab open elsewhere) and `offline`
   * ends it at once; elsewhere `online` is a sign of life and `offline` a mark-offline. Sockets of the user's own
   * stay open, and keep them online.
   */
  applyPresence(userId: number, status: ControlStatus, extras: { device?: DeviceKind; idle?: boolean } = {}): void {
    if (!this.controlStatuses.includes(status)) {
      throw new Error(`this backend (${this.mode.name}) has the statuses ${this.controlStatuses.join(', ')}, not ${status}`)
    }
    const modes: Record<Exclude<ControlStatus, 'offline'>, Mode> = {
      online: 'auto',
      away: 'away',
      dnd: 'dnd',
      invisible: 'invisible',
    }
    if (status === 'offline') {
      const held = this.#held.get(userId)
      this.#held.delete(userId)
      if (held !== undefined) this.presence.disconnect(held)
      return this.presence.markOffline(userId)
    }
    this.presence.setStatus(userId, { mode: modes[status] })
    if (status !== 'invisible') {
      if (socketsOnly(this.mode)) this.#hold(userId)
      else this.presence.restActivity(userId)
    }
    // Section 6 in stories and tests: a user on their phone, a user gone idle, without a socket of their own.
    if (extras.device !== undefined) this.#hold(userId, extras.device)
    if (extras.idle !== undefined) {
      const held = this.#held.get(userId)
      if (held !== undefined) this.presence.setStatus(userId, { idle: extras.idle }, { connectionId: held })
      this.presence.setStatus(userId, { idle: extras.idle }, 'rest')
    }
  }

  /** Whether the user has a socket of their own open (a connection held by the controls is not one). */
  hasSocket(userId: number): boolean {
    const connections = this.presence.user(userId)?.connections.size ?? 0
    return connections > (this.#held.has(userId) ? 1 : 0)
  }

  /** A status message is trimmed; one that shows blank (empty, white space, invisible characters) is stored as null. */
  normaliseMessage(message: string | null): string | null {
    const trimmed = message?.trim() ?? ''
    return BLANK.test(trimmed) ? null : trimmed
  }

  dispose(): void {
    this.#clearTimers()
    this.#timerAt = null
    this.#stopSimulation?.()
    this.hub.dispose()
  }

  #hold(userId: number, device?: DeviceKind): void {
    const held = this.#held.get(userId)
    if ((held !== undefined && device === undefined) || !this.presence.user(userId)) return
    // Session 0 belongs to no token: no logout closes it, only the controls and a reset. Another kind replaces
    // the held connection: the new one opens first, so that the user is never without one in between.
    this.#held.set(userId, this.presence.connect(userId, 0, device))
    if (held !== undefined) this.presence.disconnect(held)
  }

  // Users who start online are online the way this backend knows: with a socket open somewhere, where that is
  // the only way; by their recent REST activity (from the cast) everywhere else.
  #holdSeeded(): void {
    if (socketsOnly(this.mode)) for (const id of this.#seededOnline) this.#hold(id)
  }

  #onPresenceEvent(event: PresenceEvent): void {
    if (event.type === 'disconnect') return this.hub.close(event.connectionIds, event.code, event.reason)
    const announce = this.mode.socket?.announce
    if (!announce) return
    if (announce.kind === 'user') {
      this.hub.publish(event.userId, event.audience)
      // A change that a clock advance (or a late timer) caught up with happened well before now: it leaves at once,
      // as it was at its own moment, so that a later change of the same user in the same catch-up does not fold it
      // into the final state (section 1, "Time": the events in the order they happened).
      if (event.at < this.clock.now() - this.hub.coalesceMs) this.hub.flush(event.at)
      return
    }
    // A list goes to everyone: once per change of the list, whoever's change it was.
    if (event.audience !== 'others') return
    const frame = announce.frame(this)
    if (frame === this.#lastList) return
    this.#lastList = frame
    this.hub.broadcast(frame)
  }

  #clearTimers(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer)
    this.#timers.clear()
  }

  // One timer per moment asked for. A wake-up asked for earlier than the armed ones is added beside them: those
  // stay, since the deadlines they are for usually still stand (a grace period in front of a TTL), and a timer that
  // finds nothing due only asks for the next one. Stale ones before the next wake-up are cleared.
  #schedule(at: number | null): void {
    this.#timerAt = at
    for (const [when, timer] of this.#timers) {
      if (at === null || when < at || this.#timers.size > MAX_TIMERS) {
        clearTimeout(timer)
        this.#timers.delete(when)
      }
    }
    if (at === null || this.#timers.has(at)) return
    this.#arm(at)
  }

  #arm(at: number): void {
    // Timers cannot wait longer than 2^31-1 ms, and they run on a monotonic clock that can fire a fraction of a
    // millisecond before the server clock reaches `at`: a timer that fires early is re-armed for the rest, since
    // `evaluate()` would find nothing due and the presence rules would not ask again for the same moment.
    const wait = Math.min(Math.max(0, at - this.clock.now()), 2 ** 31 - 1)
    const timer = setTimeout(() => {
      this.#timers.delete(at)
      if (this.clock.now() < at) return this.#arm(at)
      if (this.#timerAt === at) this.#timerAt = null
      isolated('a timed run of the presence rules', () => this.presence.evaluate())
    }, wait)
    this.#timers.set(at, timer)
    ;(timer as { unref?: () => void }).unref?.()
  }
}

/** At most this many wake-ups armed at once (each for a deadline that may still stand). */
const MAX_TIMERS = 8
