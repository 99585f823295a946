import { describe, expect, it } from 'vitest'
import { MAX_ACCESS_TOKENS_PER_SESSION, MAX_SESSIONS_PER_USER, TokenStore } from '../../../mock-server/core/tokens'

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE
const USERS = 25 // the seeded cast

const store = () => new TokenStore({ accessMs: 15 * MINUTE, refreshMs: 7 * DAY })
const entries = (tokens: TokenStore) => {
  const { sessions, accessTokens, refreshTokens } = tokens.size
  return sessions + accessTokens + refreshTokens
}

describe('the token store forgets what can no longer be used (6.5)', () => {
  it('20,000 logins and 30,000 refreshes in a burst leave it bounded, whatever their number', () => {
    const tokens = store()
    const t0 = Date.UTC(2026, 0, 28, 12)
    const sessions: Array<{ refresh: string; access: string }> = []
    for (let i = 0; i < 20_000; i++) sessions.push(tokens.issue((i % USERS) + 1, t0 + i))
    for (let i = 0; i < 30_000; i++) tokens.refresh(sessions.at(-1 - (i % 40))!.refresh, t0 + 20_000 + i)
    const bound = USERS * MAX_SESSIONS_PER_USER * (2 + MAX_ACCESS_TOKENS_PER_SESSION)
    expect(entries(tokens)).toBeLessThanOrEqual(bound)
    expect(tokens.size.sessions).toBe(USERS * MAX_SESSIONS_PER_USER)
    // The newest sessions and their newest tokens work; the oldest are forgotten, as if they had expired.
    const now = t0 + 60_000
    const newest = sessions.at(-1)!
    expect(tokens.authenticate(newest.access, now)).toBeNull() // ten refreshes of it since
    expect(tokens.sessionOfRefresh(newest.refresh, now)).not.toBeNull()
    expect(tokens.sessionOfRefresh(sessions[0]!.refresh, now)).toBeNull()
    expect(tokens.authenticate(sessions[0]!.access, now)).toBeNull()
  })

  it('a session keeps its newest access tokens; a user keeps their newest sessions', () => {
    const tokens = store()
    const now = Date.UTC(2026, 0, 28, 12)
    const first = tokens.issue(1, now)
    const accesses = [first.access]
    for (let i = 0; i < MAX_ACCESS_TOKENS_PER_SESSION; i++) accesses.push(tokens.refresh(first.refresh, now)!)
    expect(tokens.authenticate(accesses[0]!, now)).toBeNull()
    for (const access of accesses.slice(1)) expect(tokens.authenticate(access, now)).toEqual({ userId: 1, sessionId: first.sessionId })
    const later = Array.from({ length: MAX_SESSIONS_PER_USER }, () => tokens.issue(1, now))
    expect(tokens.sessionOfRefresh(first.refresh, now)).toBeNull()
    expect(tokens.authenticate(accesses.at(-1)!, now)).toBeNull()
    for (const pair of later) expect(tokens.authenticate(pair.access, now)?.sessionId).toBe(pair.sessionId)
    // Another user's sessions are their own.
    expect(tokens.authenticate(tokens.issue(2, now).access, now)?.userId).toBe(2)
  })

  it('expired tokens are forgotten as time passes: the store shrinks back to what is live', () => {
    const tokens = store()
    const t0 = Date.UTC(2026, 0, 28, 12)
    for (let i = 0; i < 1000; i++) tokens.issue((i % USERS) + 1, t0)
    expect(tokens.size).toEqual({ sessions: 1000, accessTokens: 1000, refreshTokens: 1000 })
    // An hour later the access tokens have expired, the refresh tokens not: only access tokens go.
    const t1 = t0 + 60 * MINUTE
    const one = tokens.issue(1, t1)
    for (let i = 0; i < 300; i++) tokens.refresh(one.refresh, t1)
    expect(tokens.size).toEqual({ sessions: 1001, accessTokens: MAX_ACCESS_TOKENS_PER_SESSION, refreshTokens: 1001 })
    // Eight days later everything of then has expired: each new issue forgets more than it adds.
    const t2 = t0 + 8 * DAY
    const fresh = tokens.issue(2, t2)
    for (let i = 0; i < 300; i++) tokens.refresh(fresh.refresh, t2)
    expect(tokens.size).toEqual({ sessions: 1, accessTokens: MAX_ACCESS_TOKENS_PER_SESSION, refreshTokens: 1 })
  })

  it('revoked tokens are forgotten at once', () => {
    const tokens = store()
    const now = Date.UTC(2026, 0, 28, 12)
    const pair = tokens.issue(1, now)
    tokens.refresh(pair.refresh, now)
    tokens.revoke(pair.sessionId)
    expect(tokens.size).toEqual({ sessions: 0, accessTokens: 0, refreshTokens: 0 })
    expect(tokens.authenticate(pair.access, now)).toBeNull()
  })

  it('an access token that outlives its refresh token keeps its session until it expires too', () => {
    const tokens = new TokenStore({ accessMs: 10 * DAY, refreshMs: 7 * DAY })
    const t0 = Date.UTC(2026, 0, 28, 12)
    const pair = tokens.issue(1, t0)
    const t1 = t0 + 8 * DAY
    for (let i = 0; i < 10; i++) tokens.issue(2, t1)
    expect(tokens.authenticate(pair.access, t1)).toEqual({ userId: 1, sessionId: pair.sessionId })
    expect(tokens.sessionOfRefresh(pair.refresh, t1)).toBeNull()
    const t2 = t0 + 11 * DAY
    for (let i = 0; i < 10; i++) tokens.issue(3, t2)
    expect(tokens.authenticate(pair.access, t2)).toBeNull()
    expect(tokens.size.sessions).toBe(20)
  })
})
