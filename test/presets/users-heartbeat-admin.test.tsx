// @vitest-environment node
// users-heartbeat-admin end to end against the mock's users-heartbeat-admin mode: no socket; a heartbeat every
// 30 s; the online list GET /api/users/admin/users/online/ for admins only; logout POST /api/users/logout/ with
// the refresh token; nothing expires.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Stage } from './harness'
import { twoUsers } from './two-users'

const stage = new Stage()
// Tokens outlive the hour the server's clock is moved by (they follow that clock too).
beforeAll(() => stage.start({ backend: 'users-heartbeat-admin', tokenTtlSeconds: 7_200 }))
afterAll(() => stage.stop())

describe('users-heartbeat-admin: heartbeat every 30 s, an admin-only list, logout at /api/users/logout/', () => {
  it('a non-admin has no list (the card says so); the admin who arrives later sees them; offline on logout only', { timeout: 300_000 }, async () => {
    await twoUsers(stage, {
      backend: 'users-heartbeat-admin',
      first: 'john_doe',
      second: 'admin',
      observer: 'second',
      props: (session) => ({ userId: session.user.id }),
      firstCard: 'unavailable',
      joinTimeoutMs: 10_000,
      arrival: null,
      logout: { kind: 'live', timeoutMs: 40_000, note: 'the logout sets offline; the admin’s next read (30 s)' },
      close: { kind: 'never', seconds: 3_600, note: 'no expiry: still online an hour (server clock) after the tab closed, until logout' },
      allowedErrors: [{ path: '/api/users/admin/users/online/', status: 403 }],
      finally: ({ stage: { recorder } }) => {
        // The non-admin's list was refused once per session, never asked again in a loop.
        for (const tab of ['first', 'subject-again']) {
          expect(recorder.requests.filter((r) => r.tab === tab && r.path === '/api/users/admin/users/online/')).toHaveLength(1)
        }
      },
    })
  })
})
