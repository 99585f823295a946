import type { Audience } from './core/types'

/** The least a transport's socket must do: the `ws` package's sockets and MSW's clients both fit. */
export interface SocketLike {
  send(data: string): void
  close(code: number, reason: string): void
  /**
   * Bytes sent that the client has not been seen to read, where they can pile up (the Node server: its own queue,
   * the kernel's buffers, the wire); absent where they cannot (MSW delivers each frame in process, at once).
   */
  readonly bufferedAmount?: number
}

interface Member {
  socket: SocketLike
  userId: number
  origin: string
}

interface Joined extends Member {
  /** The last publish before this socket joined: its snapshot already showed every change up to it. */
  since: number
}

export interface HubOptions {
  /**
   * The frame announcing a user's state to an audience, addressed from an origin, for one viewer: the state at the
   * server-clock moment `at` when one is given (a change that a clock advance caught up with), else the current one.
   */
  frame: (userId: number, audience: Audience, origin: string, viewerId: number, at?: number) => string | null
  /**
   * Which viewers get the same frame (e.g. those who may see the user's last seen, section 6.4): one frame is
   * built per variant and origin, however many sockets hear it. Default: one variant for everyone.
   */
  variant?: (userId: number, audience: Audience, viewerId: number) => string
  /** Changes of one user within this window go out as one event with the latest state. */
  coalesceMs?: number
  now?: () => number
}

/** The open sockets and the fan-out of status changes to them. */
export class Hub {
  #members = new Map<number, Joined>()
  #byUser = new Map<number, Set<number>>()
  #pending = new Map<number, Set<Audience>>()
  #timers = new Map<number, ReturnType<typeof setTimeout>>()
  #lastSent = new Map<number, number>()
  /** Counts every publish; `#published` holds each user's last one. */
  #publishes = 0
  #published = new Map<number, number>()
  readonly #frame: HubOptions['frame']
  readonly #variant: NonNullable<HubOptions['variant']>
  readonly #coalesceMs: number
  readonly #now: () => number

  constructor(options: HubOptions) {
    this.#frame = options.frame
    this.#variant = options.variant ?? (() => '')
    this.#coalesceMs = options.coalesceMs ?? 50
    this.#now = options.now ?? (() => performance.now())
  }

  /** Changes of one user within this many ms go out as one event. */
  get coalesceMs(): number {
    return this.#coalesceMs
  }

  get size(): number {
    return this.#members.size
  }

  /** A socket that has just been sent its snapshot: it hears of changes published from now on. */
  add(connectionId: number, member: Member): void {
    this.#members.set(connectionId, { ...member, since: this.#publishes })
    let own = this.#byUser.get(member.userId)
    if (!own) this.#byUser.set(member.userId, (own = new Set()))
    own.add(connectionId)
  }

  remove(connectionId: number): void {
    const member = this.#members.get(connectionId)
    if (!member) return
    this.#members.delete(connectionId)
    const own = this.#byUser.get(member.userId)
    own?.delete(connectionId)
    if (own?.size === 0) this.#byUser.delete(member.userId)
  }

  close(connectionIds: Iterable<number>, code: number, reason: string): void {
    for (const id of connectionIds) {
      const member = this.#members.get(id)
      this.remove(id)
      member?.socket.close(code, reason)
    }
  }

  closeAll(code: number, reason: string): void {
    this.close([...this.#members.keys()], code, reason)
  }

  /** Queues the user's latest state for the audience; what one synchronous change produces leaves together. */
  publish(userId: number, audience: Audience): void {
    this.#published.set(userId, ++this.#publishes)
    // Nobody to tell: nothing queued, no timer armed. A socket that opens later gets a snapshot of the state after it.
    const own = this.#byUser.get(userId)?.size ?? 0
    if (audience === 'self' ? own === 0 : this.#members.size === own) return
    let pending = this.#pending.get(userId)
    if (pending) {
      pending.add(audience)
      return
    }
    this.#pending.set(userId, (pending = new Set([audience])))
    const wait = (this.#lastSent.get(userId) ?? -Infinity) + this.#coalesceMs - this.#now()
    if (wait <= 0) queueMicrotask(() => this.#flush(userId))
    else this.#timers.set(userId, setTimeout(() => this.#flush(userId), wait))
  }

  /** Sends one frame to every open socket, at once (a backend that sends whole lists rather than changes). */
  broadcast(frame: string): void {
    for (const member of this.#members.values()) {
      try {
        member.socket.send(frame)
      } catch {
        // As in #send: a closing socket's own close event removes it.
      }
    }
  }

  /**
   * Sends everything queued now; with `at`, as the state was at that server-clock moment (a catch-up after a clock
   * advance sends each change as it was when it happened, not only the final state).
   */
  flush(at?: number): void {
    for (const userId of [...this.#pending.keys()]) this.#flush(userId, at)
  }

  dispose(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer)
    this.#timers.clear()
    this.#pending.clear()
  }

  // Events leave in the order they happened: users queued before this one go first, even inside their window.
  #flush(userId: number, at?: number): void {
    if (!this.#pending.has(userId)) return
    for (const queued of [...this.#pending.keys()]) {
      this.#flushOne(queued, at)
      if (queued === userId) return
    }
  }

  #flushOne(userId: number, at?: number): void {
    const audiences = this.#pending.get(userId)
    if (!audiences) return
    this.#pending.delete(userId)
    clearTimeout(this.#timers.get(userId))
    this.#timers.delete(userId)
    this.#lastSent.set(userId, this.#now())
    for (const audience of audiences) this.#send(userId, audience, at)
  }

  // One serialisation per audience, origin and variant, however many sockets hear it.
  #send(userId: number, audience: Audience, at?: number): void {
    const frames = new Map<string, string | null>()
    const own = this.#byUser.get(userId)
    const targets = audience === 'self' ? (own ?? []) : this.#members.keys()
    for (const id of targets) {
      if (audience === 'others' && own?.has(id)) continue
      const member = this.#members.get(id)
      if (!member) continue
      // Joined after the last change of this user (still in its coalescing window): its snapshot showed it.
      if (member.since >= (this.#published.get(userId) ?? 0)) continue
      const key = `${member.origin}\u0000${this.#variant(userId, audience, member.userId)}`
      let frame = frames.get(key)
      if (frame === undefined) frames.set(key, (frame = this.#build(userId, audience, member.origin, member.userId, at)))
      if (frame === null) continue
      try {
        member.socket.send(frame)
      } catch {
        // A socket that is closing cannot hold up the others; its own close event removes it.
      }
    }
  }

  // A frame that cannot be built (a timestamp out of range, a bad record) is logged and dropped for its audience;
  // the other users' frames, the other sockets and the process live on.
  #build(userId: number, audience: Audience, origin: string, viewerId: number, at?: number): string | null {
    try {
      return this.#frame(userId, audience, origin, viewerId, at)
    } catch (error) {
      console.error(`presence mock server: the ${audience} frame of user ${userId} failed and was dropped:`, error)
      return null
    }
  }
}
