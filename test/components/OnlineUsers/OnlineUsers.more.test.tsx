// "+N more" of the OnlineUsers card: a button that expands the grid in place and folds it back, by keyboard.
import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { expect, it, vi } from 'vitest'
import { OnlineUsers, UserStatusProvider } from '../../../src'
import { FakeWebSocket } from '../../client/fake-websocket'
import { withTestClock } from '../provider-harness'
import { onlineRecord } from './fixtures'

withTestClock({ shouldAdvanceTime: true })

const users = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace'].map((username, i) => onlineRecord(i + 2, username))

it('"+N more" expands the grid (aria-expanded, aria-controls, focus on the first revealed user) and Escape folds it back', async () => {
  const fetch = vi.fn<typeof globalThis.fetch>(async () => Response.json({ message: 'Heartbeat recorded', online_status: 'online' }))
  render(
    <UserStatusProvider token="t" apiBaseUrl="http://backend.test" WebSocket={FakeWebSocket} fetch={fetch} userId={1} runtimeOptions={{ heartbeat: { locks: null, BroadcastChannel: null } }}>
      <OnlineUsers maxUsers={4} />
    </UserStatusProvider>,
  )
  await act(() => vi.advanceTimersByTimeAsync(300))
  act(() => {
    FakeWebSocket.last.open()
    FakeWebSocket.last.receive({ type: 'online_users', onlineUsers: users })
  })
  await act(() => vi.advanceTimersByTimeAsync(300))
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
  const more = screen.getByRole('button', { name: '3 more online' })
  expect(more).toHaveAttribute('aria-expanded', 'false')
  const grid = document.getElementById(more.getAttribute('aria-controls')!)!
  expect(grid.tagName).toBe('UL')
  expect(grid.querySelectorAll('[data-slot="online-user"]')).toHaveLength(4)

  more.focus()
  await user.keyboard('{Enter}')
  expect(more).toHaveAttribute('aria-expanded', 'true')
  expect(more).toHaveAccessibleName('Show fewer')
  expect(grid.querySelectorAll('[data-slot="online-user"]')).toHaveLength(7)
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'erin, Online' }))

  await user.keyboard('{Escape}')
  await user.keyboard('{Escape}')
  expect(more).toHaveAttribute('aria-expanded', 'false')
  expect(grid.querySelectorAll('[data-slot="online-user"]')).toHaveLength(4)
  expect(document.activeElement).toBe(more)

  // "Show fewer" by click keeps the focus on the button.
  await user.click(more)
  await user.click(screen.getByRole('button', { name: 'Show fewer' }))
  expect(grid.querySelectorAll('[data-slot="online-user"]')).toHaveLength(4)
})
