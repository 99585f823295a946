// Rows re-rendered per change, through the public hook: N rows each calling `useUserStatus(id)`, one user changes.
import { QueryClient } from '@tanstack/react-query'
import { act, render } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useUserStatus } from '../../src/hooks'
import { PresenceContext } from '../../src/provider'
import { PresenceRuntime } from '../../src/runtime'

function mount(n: number) {
  const runtime = new PresenceRuntime()
  const renders = new Map<string, number>()
  let reads = 0
  const source = runtime.store.users.source.bind(runtime.store.users)
  runtime.store.users.source = (id) => {
    const inner = source(id)
    return {
      subscribe: inner.subscribe,
      get: () => {
        reads++
        return inner.get()
      },
    }
  }
  function Row({ id }: { id: string }) {
    const { status } = useUserStatus(id)
    renders.set(id, (renders.get(id) ?? 0) + 1)
    return <li>{status}</li>
  }
  act(() => runtime.store.getState().applySnapshot(Array.from({ length: n }, (_, i) => ({ id: String(i), status: 'online' as const }))))
  render(
    <PresenceContext.Provider value={{ runtime, queryClient: new QueryClient(), expecting: true }}>
      <ul>
        {Array.from({ length: n }, (_, i) => (
          <Row key={i} id={String(i)} />
        ))}
      </ul>
    </PresenceContext.Provider>,
  )
  return {
    change(id: string, status: 'away' | 'dnd') {
      renders.clear()
      reads = 0
      act(() => runtime.store.getState().applyChanges([{ id, status }]))
      return { rows: [...renders.keys()], reads }
    },
  }
}

describe('useUserStatus rows', () => {
  it('one change re-renders one row, and reads the same number of records at 500 and 5,000 rows', () => {
    const small = mount(500)
    const large = mount(5_000)
    const a = small.change('7', 'away')
    const b = large.change('7', 'away')
    expect(a.rows).toEqual(['7'])
    expect(b.rows).toEqual(['7'])
    // A zustand selector per row would be run for every row on every change: N reads.
    expect(a.reads).toBe(b.reads)
    expect(b.reads).toBeLessThanOrEqual(4)
    expect(large.change('4999', 'dnd').rows).toEqual(['4999'])
  })
})
