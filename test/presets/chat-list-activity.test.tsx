// @vitest-environment node
// chat-list-activity end to end against the mock's chat-list-activity mode: no socket, no heartbeat, no online
// list; every authenticated request is activity, and the peers' `is_online` in GET /api/chat/conversations/
// (read every 30 s) is the presence the kit knows.
import { afterAll, beforeAll, describe, it } from 'vitest'
import { Stage } from './harness'
import { twoUsers } from './two-users'

const stage = new Stage()
beforeAll(() => stage.start({ backend: 'chat-list-activity' }))
afterAll(() => stage.stop())

describe('chat-list-activity: no socket, no heartbeat; is_online of the peers in GET /api/chat/conversations/', () => {
  it('two users with a conversation: each sees the other at a read of the chat list; logout and close end only with the TTL', { timeout: 300_000 }, async () => {
    await twoUsers(stage, {
      backend: 'chat-list-activity',
      first: 'john_doe',
      second: 'jane_smith',
      props: (session) => ({ userId: session.user.id }),
      firstCard: 'ready-or-empty',
      joinTimeoutMs: 10_000,
      arrival: { timeoutMs: 40_000, note: 'the second’s first read is her sign of life; the first’s next read (30 s)' },
      logout: { kind: 'ttl', seconds: 301, timeoutMs: 40_000, note: 'nothing ends it sooner: the 300 s TTL (server clock moved), the next read (30 s)' },
      close: { kind: 'ttl', seconds: 301, timeoutMs: 40_000, note: 'the 300 s TTL (server clock moved), the next read (30 s)' },
    })
  })
})
