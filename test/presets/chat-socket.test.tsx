// @vitest-environment node
// chat-socket end to end against the mock's chat-socket mode: `/ws/chat/` sends ids only, the names and pictures
// come from GET /api/chat/online-users/, the caller is known from the login response (`userId`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Stage } from './harness'
import { twoUsers } from './two-users'

const stage = new Stage()
beforeAll(() => stage.start({ backend: 'chat-socket' }))
afterAll(() => stage.stop())

describe('chat-socket: /ws/chat/ of ids, details from GET /api/chat/online-users/', () => {
  it('two users: names from the details endpoint, asked only for ids without a name; offline when the last socket goes', async () => {
    await twoUsers(stage, {
      backend: 'chat-socket',
      first: 'john_doe',
      second: 'jane_smith',
      props: (session) => ({ userId: session.user.id }),
      firstCard: 'ready-or-empty',
      joinTimeoutMs: 10_000,
      arrival: { timeoutMs: 10_000, note: 'the socket’s next id list' },
      logout: { kind: 'live', timeoutMs: 10_000, note: 'socket closed, then the app’s logout: the next id list' },
      close: { kind: 'live', timeoutMs: 10_000, note: 'the grace period (2 s) after the last socket, then the next id list' },
      finally: ({ stage: { recorder }, tabs }) => {
        // The details endpoint is asked when ids without a name come, not on every frame: once per tab here
        // (each new tab meets names it does not know), never more than the id lists it received.
        for (const tab of tabs) {
          const details = recorder.requests.filter((r) => r.tab === tab.name && r.path === '/api/chat/online-users/')
          expect(details.length, `details calls of ${tab.name}`).toBeLessThanOrEqual(2)
        }
        // The signed-in user (in the socket's lists, which include the caller) is not on their own card.
        expect(tabs[0]!.card().names.some((name) => name.startsWith('john_doe, '))).toBe(false)
      },
    })
  })
})
