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
  accessTokens: Set<string>
  revoked: boolean
}

export interface TokenLifetimes {
  accessMs: number
  refreshMs: number
}

const randomToken = (prefix: string) => `${prefix}_${crypto.randomUUID().replaceAll('-', '')}`

/** Sessions and their tokens: each login is a session with its own access/refresh pair. */
export class TokenStore {
  #nextSession = 1
  #sessions = new Map<number, Session>()
  #access = new Map<string, { sessionId: number; expires: number }>()
  #refresh = new Map<string, number>()
  readonly #lifetimes: TokenLifetimes

  constructor(lifetimes: TokenLifetimes) {
    this.#lifetimes = lifetimes
  }

  issue(userId: number, now: number): TokenPair & SessionRef {
    const sessionId = this.#nextSession++
    const refresh = randomToken('rt')
    const session: Session = {
      userId,
      sessionId,
      refresh,
      refreshExpires: now + this.#lifetimes.refreshMs,
      accessTokens: new Set(),
      revoked: false,
    }
    this.#sessions.set(sessionId, session)
    this.#refresh.set(refresh, sessionId)
    return { access: this.#issueAccess(session, now), refresh, userId, sessionId }
  }

  /** A new access token for a live refresh token; null if it is unknown, revoked or expired. */
  refresh(refresh: string, now: number): string | null {
    const session = this.#bySessionRefresh(refresh, now)
    return session ? this.#issueAccess(session, now) : null
  }

  /** The session of a live access token; null if it is unknown, revoked or expired. */
  authenticate(access: string, now: number): SessionRef | null {
    const entry = this.#access.get(access)
    if (!entry || entry.expires <= now) return null
    const session = this.#sessions.get(entry.sessionId)
    return session && !session.revoked ? { userId: session.userId, sessionId: session.sessionId } : null
  }

  /** The session of a live refresh token; null otherwise. */
  sessionOfRefresh(refresh: string, now: number): SessionRef | null {
    const session = this.#bySessionRefresh(refresh, now)
    return session ? { userId: session.userId, sessionId: session.sessionId } : null
  }

  revoke(sessionId: number): void {
    const session = this.#sessions.get(sessionId)
    if (!session) return
    session.revoked = true
    for (const token of session.accessTokens) this.#access.delete(token)
    this.#refresh.delete(session.refresh)
    this.#sessions.delete(sessionId)
  }

  clear(): void {
    this.#sessions.clear()
    this.#access.clear()
    this.#refresh.clear()
  }

  #bySessionRefresh(refresh: string, now: number): Session | null {
    const sessionId = this.#refresh.get(refresh)
    const session = sessionId === undefined ? undefined : this.#sessions.get(sessionId)
    return session && !session.revoked && session.refreshExpires > now ? session : null
  }

  #issueAccess(session: Session, now: number): string {
    const access = randomToken('at')
    session.accessTokens.add(access)
    this.#access.set(access, { sessionId: session.sessionId, expires: now + this.#lifetimes.accessMs })
    return access
  }
}
