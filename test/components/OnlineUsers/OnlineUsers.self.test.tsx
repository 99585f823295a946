// The signed-in user in the card: never in the list or the count (without includeSelf), not even before
// `/api/users/me/` has said who they are; marked "You" with includeSelf.
import { act, render, screen } from '@testing-library/react'
import { Profiler } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { OnlineUsers, UserStatusProvider } from '../../../src'
import { SELF_WAIT_MS } from '../../../src/components/OnlineUsers/OnlineUsers'
import { FakeWebSocket } from '../../client/fake-websocket'
import { withTestClock } from '../provider-harness'
import { onlineRecord } from './fixtures'

withTestClock()

const flush = () => act(() => vi.advanceTimersByTimeAsync(300))

const SELF = onlineRecord(1, 'john_doe')
const OTHERS = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi'].map((name, i) => onlineRecord(i + 2, name))
const me = () =>
  Response.json({ id: 1, username: 'john_doe', profile_image: null, is_admin: false, online_status: 'online', mode: 'auto', status_message: null, last_seen: null })

/** A contract backend whose `/api/users/me/` answers when `answerMe` is called (or never, or with a 404). */
function backend(meAnswer: 'later' | 'missing') {
  let answerMe = () => {}
  const fetch = vi.fn<typeof globalThis.fetch>(async (input) => {
    const path = new URL(String(input)).pathname
    if (path === '/api/users/me/') {
      if (meAnswer === 'missing') return Response.json({ error: { code: 'not_found', message: 'no such route' } }, { status: 404 })
      return new Promise<Response>((resolve) => (answerMe = () => resolve(me())))
    }
    if (path === '/api/chat/heartbeat/') return Response.json({ message: 'Heartbeat recorded', online_status: 'online' })
    return Response.json({ error: { code: 'not_found', message: 'no such route' } }, { status: 404 })
  })
  return { fetch, answerMe: () => answerMe() }
}

/** Renders the card and records, at every commit, the count it shows and the tiles it lists. */
function renderRecorded(fetch: typeof globalThis.fetch, includeSelf = false) {
  const commits: Array<{ count: string | null; tiles: string[] }> = []
  const record = () =>
    commits.push({
      count: document.querySelector('[data-slot="online-count"]')?.textContent ?? null,
      tiles: [...document.querySelectorAll('[data-slot="online-user"]')].map((tile) => tile.querySelector('[data-slot="online-user-name"]')?.textContent ?? ''),
    })
  render(
    <UserStatusProvider token="t" apiBaseUrl="http://backend.test" WebSocket={FakeWebSocket} fetch={fetch} runtimeOptions={{ heartbeat: { locks: null, BroadcastChannel: null } }}>
      <Profiler id="card" onRender={record}>
        <OnlineUsers includeSelf={includeSelf} />
      </Profiler>
    </UserStatusProvider>,
  )
  return { commits, card: document.querySelector<HTMLElement>('[data-slot="online-users"]')! }
}

const snapshot = () =>
  act(() => {
    FakeWebSocket.last.open()
    // The contract's snapshot lists the caller too.
    FakeWebSocket.last.receive({ type: 'online_users', onlineUsers: [SELF, ...OTHERS] })
  })

describe('OnlineUsers and the signed-in user', () => {
  it('no flash of self: from mount to settled, no render counts or lists the caller, though the list came before /api/users/me/', async () => {
    const { fetch, answerMe } = backend('later')
    const { commits, card } = renderRecorded(fetch)
    await flush()
    await snapshot()
    await flush()
    // The list is there; who "self" is is not known yet: still loading, not "9 online".
    expect(card).toHaveAttribute('data-state', 'loading')
    await act(async () => answerMe())
    await flush()
    expect(card).toHaveAttribute('data-state', 'ready')
    expect(card).toHaveTextContent('8 online')
    expect(commits.length).toBeGreaterThan(2)
    const counts = commits.map((commit) => commit.count).filter((count) => count !== null)
    expect(counts.length).toBeGreaterThan(0)
    expect(counts.every((count) => count === '8 online')).toBe(true)
    expect(commits.some((commit) => commit.tiles.some((tile) => tile.startsWith('john_doe')))).toBe(false)
  })

  it('a backend whose /api/users/me/ fails still shows its list, once SELF_WAIT_MS is over (no skeleton forever)', async () => {
    const { fetch } = backend('missing')
    const { card } = renderRecorded(fetch)
    await flush()
    await snapshot()
    await flush()
    expect(card).toHaveAttribute('data-state', 'loading')
    await act(() => vi.advanceTimersByTimeAsync(SELF_WAIT_MS))
    expect(card).toHaveAttribute('data-state', 'ready')
    // Nobody is known to be the caller, so nobody is left out.
    expect(card).toHaveTextContent('9 online')
  })

  it('includeSelf marks the caller’s tile "You", in text and in its accessible name', async () => {
    const { fetch, answerMe } = backend('later')
    const { card } = renderRecorded(fetch, true)
    await flush()
    await snapshot()
    await act(async () => answerMe())
    await flush()
    expect(card).toHaveAttribute('data-state', 'ready')
    expect(card).toHaveTextContent('9 online')
    const mine = screen.getByRole('button', { name: 'john_doe, Online, You' })
    // Visible on the tile, under the name (outside the button, whose visible text is the name).
    expect(mine.closest('li')!.querySelector('[data-slot="online-user-you"]')).toHaveTextContent(/^You$/)
    expect(screen.getByRole('button', { name: 'alice, Online' }).closest('li')!.querySelector('[data-slot="online-user-you"]')).toBeNull()
    expect(card.querySelectorAll('[data-slot="online-user-you"]')).toHaveLength(1)
  })
})
