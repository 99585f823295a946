// @vitest-environment node
// chat-polling end to end against the mock's chat-polling mode: no socket at all; a heartbeat every 2 minutes,
// the ids from GET /api/chat/online-users/ every 10 s, POST /api/chat/mark-offline/ on logout; names and pictures
// from the app's own user data through `resolveUsers`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { directoryResolver, Stage, type Session } from './harness'
import { twoUsers } from './two-users'

const stage = new Stage()
beforeAll(() => stage.start({ backend: 'chat-polling' }))
afterAll(() => stage.stop())

describe('chat-polling: no socket; heartbeat, ids polled every 10 s, mark-offline', () => {
  it('two users: names through resolveUsers; offline at the next poll after mark-offline; a closed tab after the TTL', async () => {
    let known: readonly Session[] = []
    const resolveUsers = directoryResolver(stage, () => known)
    await twoUsers(stage, {
      backend: 'chat-polling',
      first: 'john_doe',
      second: 'jane_smith',
      props: (session, sessions) => {
        known = sessions
        return { userId: session.user.id, resolveUsers }
      },
      firstCard: 'ready-or-empty',
      joinTimeoutMs: 15_000,
      arrival: { timeoutMs: 15_000, note: 'the login is a sign of life; the first user’s next poll (10 s)' },
      logout: { kind: 'live', timeoutMs: 15_000, note: 'mark-offline, then the next poll (10 s)' },
      close: { kind: 'ttl', seconds: 301, timeoutMs: 15_000, note: 'after the 300 s TTL (server clock moved), the next poll (10 s)' },
      finally: ({ stage: { recorder } }) => {
        // Each unknown id is asked once per session: no id twice in one tab's calls.
        const all = resolveUsers.calls.flat()
        expect(all.length).toBeGreaterThan(0)
        expect(recorder.requests.filter((r) => r.path === '/api/chat/mark-offline/')).toHaveLength(1)
        expect(recorder.requests.filter((r) => r.path === '/api/chat/heartbeat/').length).toBeGreaterThanOrEqual(3)
      },
    })
  })
})
