import { act, cleanup, render, screen } from '@testing-library/react'
import { Profiler } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { UserStatusProvider, useUserStatus } from '../../src'
import { FakeWebSocket } from '../client/fake-websocket'

afterEach(() => {
  cleanup()
  FakeWebSocket.reset()
})

const USERS = 1_000
const rowRenders = new Map<string, number>()
let commits = 0

function Row({ id }: { id: number }) {
  const { status } = useUserStatus(id)
  return <li data-status={status}>{id}</li>
}

function countRow(id: string) {
  rowRenders.set(id, (rowRenders.get(id) ?? 0) + 1)
}

function List() {
  return (
    <ul data-testid="list">
      {Array.from({ length: USERS }, (_, i) => (
        <Profiler key={i} id={String(i + 1)} onRender={countRow}>
          <Row id={i + 1} />
        </Profiler>
      ))}
    </ul>
  )
}

const user = (id: number, status = 'online') => ({ id, username: `user${id}`, status, statusMessage: null, lastSeen: null })
const statusOf = (id: number) => screen.getByTestId('list').children[id - 1]!.getAttribute('data-status')

describe('render isolation with 1,000 users', () => {
  it('one user’s change re-renders exactly one row; a burst of 500 events commits at most 3 times', async () => {
    render(
      <Profiler id="app" onRender={() => commits++}>
        <UserStatusProvider token="t" apiBaseUrl="http://mock.test" WebSocket={FakeWebSocket} userId={1} endpoints={{ me: null, heartbeat: null }}>
          <List />
        </UserStatusProvider>
      </Profiler>,
    )
    await act(async () => {})
    const ws = FakeWebSocket.last
    act(() => ws.open())
    act(() => ws.receive({ type: 'online_users', onlineUsers: Array.from({ length: USERS }, (_, i) => user(i + 1)) }))
    await vi.waitFor(() => expect(statusOf(USERS)).toBe('online'))

    // One change.
    rowRenders.clear()
    commits = 0
    act(() => ws.receive({ type: 'user.status.changed', user: user(500, 'away') }))
    await vi.waitFor(() => expect(statusOf(500)).toBe('away'))
    const rerendered = [...rowRenders.keys()]
    console.log(`[render isolation] one change at ${USERS} users: ${rerendered.length} row(s) re-rendered (${rerendered.join(', ')}), ${commits} commit(s)`)
    expect(rerendered).toEqual(['500'])
    expect(rowRenders.get('500')).toBe(1)

    // A burst: 500 events in one go (250 users, each twice), as a server under churn sends them.
    rowRenders.clear()
    commits = 0
    act(() => {
      for (let i = 0; i < 500; i++) ws.receive({ type: 'user.status.changed', user: user((i % 250) + 1, i < 250 ? 'dnd' : 'away') })
    })
    await vi.waitFor(() => expect(statusOf(250)).toBe('away'))
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)))
    console.log(`[render isolation] burst of 500 events: ${commits} commit(s), ${rowRenders.size} rows re-rendered`)
    expect(commits).toBeLessThanOrEqual(3)
    expect(rowRenders.size).toBe(250)
    expect([...rowRenders.values()].every((count) => count <= commits)).toBe(true)
    expect(statusOf(251)).toBe('online')
  })
})
