import { act, renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useRowWindow, type RowWindowOptions } from '../../../src/components/UsersList/use-row-window'

/** A scroll element of a fixed height whose scrollTop the hook reads and sets. */
function viewport(height: number) {
  const element = document.createElement('div')
  Object.defineProperty(element, 'clientHeight', { get: () => height })
  let top = 0
  Object.defineProperty(element, 'scrollTop', { get: () => top, set: (value: number) => (top = value) })
  return element
}

const OPTIONS: RowWindowOptions = { count: 1_000, rowHeight: 50, overscan: 2, initialHeight: 200, initialOffset: 0, keep: -1 }

function mount(element: HTMLElement, options: Partial<RowWindowOptions> = {}) {
  const ref = { current: element }
  let renders = 0
  const hook = renderHook((props: RowWindowOptions) => (renders++, useRowWindow(ref, props)), { initialProps: { ...OPTIONS, ...options } })
  return { ...hook, renders: () => renders, indexes: () => hook.result.current.rows.map((row) => row.index) }
}

describe('useRowWindow', () => {
  it('renders the rows in view plus the overscan, each at index × height', () => {
    const { result, indexes } = mount(viewport(200))
    expect(indexes()).toEqual([0, 1, 2, 3, 4, 5])
    expect(result.current.rows[3]).toEqual({ index: 3, start: 150 })
    expect(result.current.totalHeight).toBe(50_000)
  })

  it('follows scrolling, re-rendering only when the rows in view change', () => {
    const element = viewport(200)
    const { indexes, renders } = mount(element)
    act(() => {
      element.scrollTop = 1_000
      element.dispatchEvent(new Event('scroll'))
    })
    expect(indexes()).toEqual([18, 19, 20, 21, 22, 23, 24, 25])
    const before = renders()
    act(() => {
      element.scrollTop = 1_010
      element.dispatchEvent(new Event('scroll'))
    })
    // Rows 20–24 are still the ones in view (one more peeks in at the bottom, 10 px of row 24).
    expect(renders() - before).toBe(1)
    act(() => {
      element.scrollTop = 1_020
      element.dispatchEvent(new Event('scroll'))
    })
    expect(renders() - before).toBe(1)
  })

  it('keeps the kept row in the DOM, in order, wherever the list is scrolled', () => {
    const element = viewport(200)
    const { indexes, rerender } = mount(element, { keep: 900 })
    expect(indexes()).toEqual([0, 1, 2, 3, 4, 5, 900])
    act(() => {
      element.scrollTop = 48_000
      element.dispatchEvent(new Event('scroll'))
    })
    rerender({ ...OPTIONS, keep: 3 })
    expect(indexes()[0]).toBe(3)
    expect(indexes().slice(1)).toEqual([958, 959, 960, 961, 962, 963, 964, 965])
  })

  it('scrolls as little as needed to show a row, and starts at the initial offset', () => {
    const element = viewport(200)
    const { result, indexes } = mount(element, { initialOffset: 500 })
    expect(element.scrollTop).toBe(500)
    act(() => result.current.scrollToIndex(20)) // below: its bottom at the viewport's bottom
    expect(element.scrollTop).toBe(20 * 50 + 50 - 200)
    expect(indexes()).toContain(20)
    act(() => result.current.scrollToIndex(19)) // in view: no scroll
    expect(element.scrollTop).toBe(850)
    act(() => result.current.scrollToIndex(2)) // above: its top at the viewport's top
    expect(element.scrollTop).toBe(100)
    act(() => result.current.scrollToIndex(5_000)) // no such row: nothing
    expect(element.scrollTop).toBe(100)
  })
})
