import { describe, expect, it } from 'vitest'
import type { PresencePatch } from '../../src/client'
import { createPresenceStore, selectConnection, selectIsOnline, selectOnlineIds, selectOnlineUsers, selectSelf, selectServerOffset, selectUser } from '../../src/store'

const user = (id: number | string, extra: Partial<PresencePatch> = {}): PresencePatch => ({
  id: String(id),
  username: `user${id}`,
  status: 'online',
  ...extra,
})

function setup() {
  const store = createPresenceStore()
  store.getState().applySnapshot([user(10), user(2), user(1), user(3, { status: 'away' })])
  return { store, state: () => store.getState() }
}

describe('selectors', () => {
  it('selectUser returns the same record until that user changes', () => {
    const { state } = setup()
    const before = selectUser(2)(state())
    state().applyChanges([{ id: '3', statusMessage: 'x' }])
    expect(selectUser('2')(state())).toBe(before)
    state().applyChanges([{ id: '2', status: 'dnd' }])
    expect(selectUser(2)(state())).not.toBe(before)
    expect(selectUser(99)(state())).toBeUndefined()
  })

  it('selectIsOnline, selectConnection, selectSelf, selectServerOffset', () => {
    const { state } = setup()
    expect(selectIsOnline(3)(state())).toBe(true)
    expect(selectIsOnline(99)(state())).toBe(false)
    state().setConnection('open')
    state().setSelf(1)
    state().setServerOffset(-40)
    expect([selectConnection(state()), selectSelf(state()), selectServerOffset(state())]).toEqual(['open', '1', -40])
  })

  it('selectOnlineIds orders ids numerically and keeps its array while the set of ids is the same', () => {
    const { state } = setup()
    const select = selectOnlineIds({ includeSelf: true })
    const ids = select(state())
    expect(ids).toEqual(['1', '2', '3', '10'])
    expect(select(state())).toBe(ids)
    state().applyChanges([{ id: '2', status: 'away', statusMessage: 'lunch' }])
    expect(select(state())).toBe(ids)
    state().applyChanges([{ id: '2', isOnline: false }])
    expect(select(state())).toEqual(['1', '3', '10'])
    state().applyChanges([{ id: '2', isOnline: true }])
    expect(select(state())).toEqual(['1', '2', '3', '10'])
  })

  it('selectOnlineIds leaves the caller out by default, filters by ids and predicate, and limits', () => {
    const { state } = setup()
    state().setSelf(1)
    expect(selectOnlineIds()(state())).toEqual(['2', '3', '10'])
    expect(selectOnlineIds({ ids: [3, '10', 99] })(state())).toEqual(['3', '10'])
    expect(selectOnlineIds({ filter: (u) => u.status === 'away' })(state())).toEqual(['3'])
    expect(selectOnlineIds({ limit: 2 })(state())).toEqual(['2', '3'])
  })

  it('selectOnlineUsers returns the same array unless a listed record changed', () => {
    const { state } = setup()
    state().applyChanges([user(50, { isOnline: false, status: undefined })])
    const select = selectOnlineUsers({ ids: [1, 2] })
    const users = select(state())
    expect(users.map((u) => u.id)).toEqual(['1', '2'])
    state().applyChanges([{ id: '3', statusMessage: 'elsewhere' }, { id: '50', username: 'renamed' }])
    expect(select(state())).toBe(users)
    state().applyChanges([{ id: '2', statusMessage: 'here' }])
    expect(select(state())).not.toBe(users)
  })
})
