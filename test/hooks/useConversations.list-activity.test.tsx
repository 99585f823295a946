// chat-list-activity: the runtime's poll and useConversations read the same list, GET /api/chat/conversations/.
// One read serves both: one GET at start, one per poll period, and the hook's data is what the poll read. Counted
// at MSW (every request that reached the mock), the clock faked: periods, not wall-clock.
import { focusManager } from '@tanstack/react-query'
import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { UserStatusProvider, useConversations } from '../../src'
import { BASE_URL, login, setupMockBackend, type Login } from '../client/mock-backend'
import { recordRequests } from '../provider/helpers'

const { backend, server } = setupMockBackend({ backend: 'chat-list-activity', tokenTtlSeconds: 24 * 3600 })

const LIST = 'GET /api/chat/conversations/'
let john: Login

beforeEach(async () => {
  john = await login('john_doe')
  vi.useFakeTimers({ now: Date.now() })
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
  server.events.removeAllListeners()
})

const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms))

function Inbox({ name }: { name: string }) {
  const { data } = useConversations()
  const peers = data?.map((c) => `${c.otherUser.username}:${c.otherUser.isOnline ? 'on' : 'off'}`) ?? []
  return <output data-testid={name}>{data ? peers.join(',') : 'pending'}</output>
}
const peers = (name: string) => screen.getByTestId(name).textContent!

describe('useConversations with the chat-list-activity backend: one read for the poll and the hook', () => {
  it('one GET at start, then one per poll period; the hook shows what the poll read; a later consumer and a focus read nothing more', async () => {
    const requests = recordRequests(server)
    const { rerender } = render(
      <UserStatusProvider token={john.access} apiBaseUrl={BASE_URL} backend="chat-list-activity" userId={john.user.id}>
        <Inbox name="first" />
      </UserStatusProvider>,
    )
    await advance(0)
    await advance(0)
    expect(peers('first')).not.toBe('pending')
    expect(requests.count(LIST)).toBe(1)

    // Jane's first request (any request is activity) makes her online; John's next read shows it.
    const jane = await login('jane_smith')
    await fetch(`${BASE_URL}/api/chat/conversations/`, { headers: { authorization: `Bearer ${jane.access}` } })
    const janeBefore = requests.count(LIST)
    expect(peers('first')).toContain('jane_smith:off')

    await advance(30_000)
    expect(requests.count(LIST) - janeBefore).toBe(1)
    expect(peers('first')).toContain('jane_smith:on')

    // A second consumer mounted now, and the window regaining focus: the poll keeps the list fresh, no own read.
    rerender(
      <UserStatusProvider token={john.access} apiBaseUrl={BASE_URL} backend="chat-list-activity" userId={john.user.id}>
        <Inbox name="first" />
        <Inbox name="second" />
      </UserStatusProvider>,
    )
    await advance(0)
    expect(peers('second')).toBe(peers('first'))
    act(() => {
      focusManager.setFocused(false)
      focusManager.setFocused(true)
    })
    await advance(0)
    expect(requests.count(LIST) - janeBefore).toBe(1)
    act(() => focusManager.setFocused(undefined))

    await advance(60_000)
    expect(requests.count(LIST) - janeBefore).toBe(3)
    expect(requests.count(LIST)).toBe(4)
    expect(backend.mode.name).toBe('chat-list-activity')
  })
})
