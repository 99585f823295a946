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
// The mock answers on real tasks (MSW, the body's stream), not on the faked timers: wait for every request that
// started to have its answer, then give the answer a few real tasks to be read, each followed by a millisecond of
// the faked clock (React Query tells React on a zero timeout, which fake timers put 1 ms later during a tick).
const realTimeout = globalThis.setTimeout
const realTask = () => new Promise((resolve) => realTimeout(resolve, 5))
let started = 0
let answered = 0
async function settle() {
  for (let tries = 0; answered < started; tries++) {
    if (tries > 400) throw new Error(`${started - answered} requests left unanswered`)
    await realTask()
  }
  for (let round = 0; round < 4; round++) {
    await realTask()
    await advance(1)
  }
}
// Periods of the poll, each settled.
async function periods(count: number) {
  for (let i = 0; i < count; i++) {
    await advance(30_000)
    await settle()
  }
}

function Inbox({ name }: { name: string }) {
  const { data } = useConversations()
  const peers = data?.map((c) => `${c.otherUser.username}:${c.otherUser.isOnline ? 'on' : 'off'}`) ?? []
  return <output data-testid={name}>{data ? peers.join(',') : 'pending'}</output>
}
const peers = (name: string) => screen.getByTestId(name).textContent!

describe('useConversations with the chat-list-activity backend: one read for the poll and the hook', () => {
  it('one GET at start, then one per poll period; the hook shows what the poll read; a later consumer and a focus read nothing more', async () => {
    const requests = recordRequests(server)
    started = answered = 0
    server.events.on('request:start', () => started++)
    server.events.on('response:mocked', () => answered++)
    const { rerender } = render(
      <UserStatusProvider token={john.access} apiBaseUrl={BASE_URL} backend="chat-list-activity" userId={john.user.id}>
        <Inbox name="first" />
      </UserStatusProvider>,
    )
    await settle()
    expect(peers('first')).not.toBe('pending')
    expect(requests.count(LIST)).toBe(1)

    // Jane comes online (as her own session's first request would make her); John's next read shows it.
    const jane = await login('jane_smith')
    act(() => backend.applyPresence(jane.user.id, 'online'))
    expect(peers('first')).toContain('jane_smith:off')

    await periods(1)
    expect(requests.count(LIST)).toBe(2)
    expect(peers('first')).toContain('jane_smith:on')

    // A second consumer mounted now, and the window regaining focus: the poll keeps the list fresh, no own read.
    rerender(
      <UserStatusProvider token={john.access} apiBaseUrl={BASE_URL} backend="chat-list-activity" userId={john.user.id}>
        <Inbox name="first" />
        <Inbox name="second" />
      </UserStatusProvider>,
    )
    await settle()
    expect(peers('second')).toBe(peers('first'))
    act(() => {
      focusManager.setFocused(false)
      focusManager.setFocused(true)
    })
    await settle()
    expect(requests.count(LIST)).toBe(2)
    act(() => focusManager.setFocused(undefined))

    await periods(2)
    expect(requests.count(LIST)).toBe(4)
  })
})
