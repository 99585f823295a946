// @vitest-environment node
// The contract preset end to end against the mock's contract mode: a socket with a snapshot, /api/users/me/.
import { afterAll, beforeAll, describe, it } from 'vitest'
import { Stage } from './harness'
import { twoUsers } from './two-users'

const stage = new Stage()
beforeAll(() => stage.start({ backend: 'contract' }))
afterAll(() => stage.stop())

describe('contract: the whole contract, socket /ws/user-status/ with a snapshot', () => {
  it('two users: the late joiner sees the first with name and picture; logout and the last tab’s close reach the other', async () => {
    await twoUsers(stage, {
      backend: 'contract',
      first: 'john_doe',
      second: 'jane_smith',
      props: () => ({}),
      firstCard: 'ready-or-empty',
      joinTimeoutMs: 10_000,
      arrival: { timeoutMs: 10_000, note: 'socket change frame' },
      logout: { kind: 'live', timeoutMs: 5_000, note: 'socket closed, then mark-offline: pushed at once' },
      // Login and heartbeats are REST presence: the socket's close ends only the socket's part.
      close: { kind: 'ttl', seconds: 301, timeoutMs: 5_000, note: 'after the 300 s TTL of the last heartbeat (server clock moved), pushed' },
    })
  })
})
