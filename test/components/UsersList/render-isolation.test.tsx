import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { Profiler, type ProfilerOnRenderCallback } from 'react'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { UsersList } from '../../../src/components/UsersList'
import type * as UseUserStatus from '../../../src/hooks/useUserStatus'
import { conversations, fakeListboxLayout, spoken } from './fixtures'
import { StoreOnlyProvider, store } from './provider'

// A render counter per row: every render of a live row reads its user through useUserStatus(id) exactly once.
const rowRenders = new Map<string, number>()
vi.mock('../../../src/hooks/useUserStatus', async (importOriginal) => {
  const actual = await importOriginal<typeof UseUserStatus>()
  return {
    ...actual,
    useUserStatus: (id: string | number) => {
      rowRenders.set(String(id), (rowRenders.get(String(id)) ?? 0) + 1)
      return actual.useUserStatus(id)
    },
  }
})

const COUNT = 5_000
const HEIGHT = 480
const ROW = 72
const data = conversations(COUNT)

const commits: Array<{ phase: string; ms: number }> = []
const onRender: ProfilerOnRenderCallback = (_id, phase, actualDuration) => commits.push({ phase, ms: actualDuration })
const reset = () => {
  rowRenders.clear()
  commits.length = 0
}
const total = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0)
const ms = () => commits.reduce((sum, c) => sum + c.ms, 0).toFixed(1)

let undoLayout: () => void
beforeAll(() => {
  undoLayout = fakeListboxLayout(HEIGHT)
})
afterAll(() => {
  cleanup()
  undoLayout()
})

describe(`render isolation: UsersList with ${COUNT.toLocaleString('en')} conversations`, () => {
  it('mounts only the visible rows, and one user’s change re-renders exactly one row', () => {
    const tree = (list: boolean) => (
      <StoreOnlyProvider>
        {list && (
          <Profiler id="users-list" onRender={onRender}>
            <UsersList conversations={data} height={HEIGHT} rowHeight={ROW} overscan={6} />
          </Profiler>
        )}
      </StoreOnlyProvider>
    )
    const { rerender } = render(tree(false))
    // The store knows every user (as a socket snapshot would have it), filled directly: no network.
    act(() => store().getState().applyChanges(data.map((c) => ({ id: c.otherUser.id, username: c.otherUser.username, status: 'online' }))))
    reset()
    rerender(tree(true))

    const options = screen.getAllByRole('option')
    const mountedRows = new Set(options.map((o) => o.getAttribute('aria-posinset')))
    console.log(
      `[UsersList isolation] mount of ${COUNT} conversations (viewport ${HEIGHT} px, rows ${ROW} px, overscan 6): ` +
        `${options.length} rows in the DOM, ${rowRenders.size} rows rendered (${total(rowRenders)} renders), ${commits.length} commit(s), ${ms()} ms`,
    )
    expect(options.length).toBeLessThanOrEqual(30)
    expect(rowRenders.size).toBe(options.length)
    expect(total(rowRenders)).toBe(options.length)
    expect(options[0]!.getAttribute('aria-setsize')).toBe(String(COUNT))

    // One visible user changes status: that row, and nothing else, renders again.
    reset()
    act(() => store().getState().applyChanges([{ id: 'u3', status: 'away', statusMessage: 'lunch' }]))
    console.log(`[UsersList isolation] u3 → away: ${rowRenders.size} row(s) re-rendered (${[...rowRenders.keys()].join(', ')}), ${commits.length} commit(s), ${ms()} ms`)
    expect([...rowRenders.entries()]).toEqual([['u3', 1]])
    expect(commits.length).toBe(1)
    expect(screen.getByRole('option', { name: spoken(/^useru3, Away — lunch,/) })).toBeTruthy()

    // A user whose row is not mounted changes: nothing renders at all.
    reset()
    act(() => store().getState().applyChanges([{ id: 'u4000', status: 'dnd' }]))
    console.log(`[UsersList isolation] u4000 (not in view) → dnd: ${rowRenders.size} row(s) re-rendered`)
    expect(rowRenders.size).toBe(0)

    // 200 users change in one update: only the mounted ones among them render, once each.
    reset()
    act(() => store().getState().applyChanges(data.slice(0, 200).map((c) => ({ id: c.otherUser.id, status: 'dnd' }))))
    console.log(`[UsersList isolation] 200 users → dnd in one update: ${rowRenders.size} row(s) re-rendered, ${total(rowRenders)} render(s)`)
    expect(rowRenders.size).toBe(mountedRows.size)
    expect(total(rowRenders)).toBe(mountedRows.size)

    // The keyboard moves the active option: the two rows whose highlight changes render (the list does too).
    fireEvent.focus(screen.getByRole('listbox'))
    reset()
    fireEvent.keyDown(screen.getByRole('listbox'), { key: 'ArrowDown' })
    console.log(`[UsersList isolation] ArrowDown: ${rowRenders.size} row(s) re-rendered (${[...rowRenders.keys()].join(', ')})`)
    expect([...rowRenders.keys()].sort()).toEqual(['u1', 'u2'])

    // Scrolling a page down mounts the rows that come into view, and re-renders none of those already there.
    const listbox = screen.getByRole('listbox')
    reset()
    act(() => {
      listbox.scrollTop = 10 * ROW
      listbox.dispatchEvent(new Event('scroll'))
    })
    const after = screen.getAllByRole('option').map((o) => Number(o.getAttribute('aria-posinset')))
    console.log(
      `[UsersList isolation] scroll by 10 rows: ${rowRenders.size} row(s) rendered (${after.length} in the DOM: ${Math.min(...after)}–${Math.max(...after)})`,
    )
    expect(after.length).toBeLessThanOrEqual(30)
    expect(Math.max(...after)).toBeGreaterThan(Math.max(...[...mountedRows].map(Number)))
    for (const id of rowRenders.keys()) expect(mountedRows.has(id.slice(1))).toBe(false)
  })
})
