export interface TokenPair {
  access: string
  refresh: string
}

export interface SessionRef {
  userId: number
  sessionId: number
}

interface Session extends SessionRef {
  refresh: string
  refreshExpires: number
  /** Its live access tokens, oldest first. */
  accessTokens: Set<string>
}

export interface TokenLifetimes {
  accessMs: number
  refreshMs: number
}

/** How many entries the store holds: what stays in memory. */
export interface TokenStoreSize {
  sessions: number
  accessTokens: number
  refreshTokens: number
}

/** A session keeps its newest access tokens only: an older one is forgotten (401), as if it had expired. */
export const MAX_ACCESS_TOKENS_PER_SESSION = 10
/** A user keeps their newest sessions only: the oldest one's tokens are forgotten; its open sockets stay open. */
export const MAX_SESSIONS_PER_USER = 50
/** Expired entries forgotten per token issued: bounded work per request, and more than each issue adds. */
const SWEEP_PER_ISSUE = 4

const randomToken = (prefix: string) => `${prefix}_${crypto.randomUUID().replaceAll('-', '')}`

/**
 * Sessions and their tokens: each login is a session with its own access/refresh pair. Expired and revoked
 * tokens are forgotten, so that memory does not grow with the logins and refreshes of the server's lifetime.
 */
export class TokenStore {
  #nextSession = 1
  // Insertion order is issue order, and every entry of a map lives equally long: the oldest entry of each map
  // expires first, so a sweep from the front stops at the first live one.
  #sessions = new Map<number, Session>()
  #access = new Map<string, { sessionId: number; expires: number }>()
  #refresh = new Map<string, number>()
  #byUser = new Map<number, Set<number>>()
  readonly #lifetimes: TokenLifetimes

  constructor(lifetimes: TokenLifetimes) {
    this.#lifetimes = lifetimes
  }

  get size(): TokenStoreSize {
    return { sessions: this.#sessions.size, accessTokens: this.#access.size, refreshTokens: this.#refresh.size }
  }

  issue(userId: number, now: number): TokenPair & SessionRef {
    this.#sweep(now)
    const sessionId = this.#nextSession++
    const refresh = randomToken('rt')
    const session: Session = {
      userId,
      sessionId,
      refresh,
      refreshExpires: now + this.#lifetimes.refreshMs,
      accessTokens: new Set(),
    }
    this.#sessions.set(sessionId, session)
    this.#refresh.set(refresh, sessionId)
    let own = this.#byUser.get(userId)
    if (!own) this.#byUser.set(userId, (own = new Set()))
    own.add(sessionId)
    if (own.size > MAX_SESSIONS_PER_USER) this.revoke(own.values().next().value!)
    return { access: this.#issueAccess(session, now), refresh, userId, sessionId }
  }

  /** A new access token for a live refresh token; null if it is unknown, revoked or expired. */
  refresh(refresh: string, now: number): string | null {
    this.#sweep(now)
    const session = this.#bySessionRefresh(refresh, now)
    return session ? this.#issueAccess(session, now) : null
  }

  /** The session of a live access token; null if it is unknown, revoked or expired. */
  authenticate(access: string, now: number): SessionRef | null {
    const entry = this.#access.get(access)
    if (!entry || entry.expires <= now) return null
    const session = this.#sessions.get(entry.sessionId)
    return session ? { userId: session.userId, sessionId: session.sessionId } : null
  }

  /** The session of a live refresh token; null otherwise. */
  sessionOfRefresh(refresh: string, now: number): SessionRef | null {
    const session = this.#bySessionRefresh(refresh, now)
    return session ? { userId: session.userId, sessionId: session.sessionId } : null
  }

  /** Forgets the session and every token of it. */
  revoke(sessionId: number): void {
    const session = this.#sessions.get(sessionId)
    if (!session) return
    for (const token of session.accessTokens) this.#access.delete(token)
    this.#refresh.delete(session.refresh)
    this.#sessions.delete(sessionId)
    const own = this.#byUser.get(session.userId)
    own?.delete(sessionId)
    if (own?.size === 0) this.#byUser.delete(session.userId)
  }

  clear(): void {
    this.#sessions.clear()
    this.#access.clear()
    this.#refresh.clear()
    this.#byUser.clear()
  }

  #bySessionRefresh(refresh: string, now: number): Session | null {
    const sessionId = this.#refresh.get(refresh)
    const session = sessionId === undefined ? undefined : this.#sessions.get(sessionId)
    return session && session.refreshExpires > now ? session : null
  }

  #issueAccess(session: Session, now: number): string {
    const access = randomToken('at')
    session.accessTokens.add(access)
    this.#access.set(access, { sessionId: session.sessionId, expires: now + this.#lifetimes.accessMs })
    if (session.accessTokens.size > MAX_ACCESS_TOKENS_PER_SESSION) {
      const oldest = session.accessTokens.values().next().value!
      session.accessTokens.delete(oldest)
      this.#access.delete(oldest)
    }
    return access
  }

  // Forgets a few of the oldest entries if they expired: a session goes once its refresh token and every access
  // token of it have expired (an access token outliving its refresh token needs its session to authenticate).
  #sweep(now: number): void {
    let budget = SWEEP_PER_ISSUE
    for (const [token, entry] of this.#access) {
      if (budget-- === 0 || entry.expires > now) break
      this.#access.delete(token)
      this.#sessions.get(entry.sessionId)?.accessTokens.delete(token)
    }
    budget = SWEEP_PER_ISSUE
    for (const [sessionId, session] of this.#sessions) {
      if (budget-- === 0 || session.refreshExpires > now) break
      if ([...session.accessTokens].some((token) => (this.#access.get(token)?.expires ?? 0) > now)) break
      this.revoke(sessionId)
    }
  }
}
