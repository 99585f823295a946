// The contract preset: the runtime's list is the online users, never the chat list, so useConversations reads the
// conversations on its own, as before: at mount, and again when React Query's data is stale (a focus, a new
// consumer). Counted at an injected fetch; the clock faked.
import { focusManager } from '@tanstack/react-query'
import { act, cleanup, render, screen } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { UserStatusProvider, useConversations } from '../../src'

const CONVERSATIONS = [
  { id: 10, other_user: { id: 1, username: 'alice', profile_image: null, is_online: true }, last_message: null, unread_count: 0 },
]
const ONLINE = [{ id: 1, username: 'alice', status: 'online' }]

function server() {
  const seen: string[] = []
  const fetch = vi.fn<typeof globalThis.fetch>(async (input, init) => {
    const path = `${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`
    seen.push(path)
    if (path === 'GET /api/chat/conversations/') return Response.json(CONVERSATIONS)
    if (path === 'GET /api/chat/online-users/') return Response.json(ONLINE)
    return Response.json({ error: { code: 'not_found', message: 'no such route' } }, { status: 404 })
  })
  return { fetch, count: (path: string) => seen.filter((s) => s === path).length }
}

beforeEach(() => {
  vi.useFakeTimers({ now: 1_700_000_000_000 })
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms))
function Inbox({ name }: { name: string }) {
  const { data } = useConversations()
  return <output data-testid={name}>{data ? data.length : 'pending'}</output>
}

describe('useConversations with the contract preset: its own reads, the runtime polls the online users', () => {
  it('reads at mount and on focus; the poll (every 10 s) reads only the online users', async () => {
    const backend = server()
    const tree = (children: ReactNode) => (
      <UserStatusProvider
        token="t"
        apiBaseUrl="http://backend.test"
        userId={3}
        endpoints={{ socket: null, me: null, heartbeat: null }}
        idleAfterMs={false}
        fetch={backend.fetch}
      >
        {children}
      </UserStatusProvider>
    )
    const { rerender } = render(tree(<Inbox name="first" />))
    await advance(1)
    await advance(1)
    expect(screen.getByTestId('first').textContent).toBe('1')
    expect(backend.count('GET /api/chat/conversations/')).toBe(1)
    expect(backend.count('GET /api/chat/online-users/')).toBe(1)

    await advance(30_000)
    expect(backend.count('GET /api/chat/online-users/')).toBe(4)
    expect(backend.count('GET /api/chat/conversations/')).toBe(1)

    rerender(
      tree(
        <>
          <Inbox name="first" />
          <Inbox name="second" />
        </>,
      ),
    )
    await advance(1)
    expect(backend.count('GET /api/chat/conversations/')).toBe(2)
    act(() => {
      focusManager.setFocused(false)
      focusManager.setFocused(true)
    })
    await advance(1)
    expect(backend.count('GET /api/chat/conversations/')).toBe(3)
    act(() => focusManager.setFocused(undefined))
  })
})
