// @vitest-environment node
// user-status-socket end to end against the mock's user-status-socket mode: `/ws/user-status/` sends changes only
// (no snapshot), so the list GET /api/users/online/ (the caller excluded) is read on connect and every 30 s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Stage } from './harness'
import { twoUsers } from './two-users'

const stage = new Stage()
beforeAll(() => stage.start({ backend: 'user-status-socket' }))
afterAll(() => stage.stop())

describe('user-status-socket: /ws/user-status/ of changes, the list GET /api/users/online/', () => {
  it('two users: the late joiner sees who was online already from the list; changes after; offline when the last socket goes', async () => {
    await twoUsers(stage, {
      backend: 'user-status-socket',
      first: 'john_doe',
      second: 'jane_smith',
      props: (session) => ({ userId: session.user.id }),
      firstCard: 'ready-or-empty',
      joinTimeoutMs: 10_000,
      arrival: { timeoutMs: 10_000, note: 'a user.status.changed frame' },
      logout: { kind: 'live', timeoutMs: 10_000, note: 'socket closed, then the app’s logout: a change frame' },
      close: { kind: 'live', timeoutMs: 10_000, note: 'the grace period (2 s) after the last socket, then a change frame' },
      finally: ({ stage: { recorder } }) => {
        // The list was read when each socket opened (no snapshot ever comes).
        const tabs = new Set(recorder.requests.filter((r) => r.path === '/api/users/online/').map((r) => r.tab))
        expect([...tabs].sort()).toEqual(['first', 'second', 'subject-again'])
      },
    })
  })
})
