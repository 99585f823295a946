import { describe, expect, it } from 'vitest'
import type { PresencePatch } from '../../src/client'
import { createPresenceStore, selectOnlineUsers, selectTransport } from '../../src/store'

const user = (id: number | string, extra: Partial<PresencePatch> = {}): PresencePatch => ({
  id: String(id),
  username: `user${id}`,
  status: 'online',
  ...extra,
})

function setup() {
  const store = createPresenceStore()
  store.getState().applySnapshot([user(10), user(2), user(1), user(3, { status: 'away' })])
  return { store, state: () => store.getState(), ids: (select = selectOnlineUsers()) => select(store.users, store.getState().self).map((u) => u.id) }
}

describe('selectors', () => {
  it('selectOnlineUsers orders by id numerically, leaves the caller out unless asked, filters by ids', () => {
    const { state, ids } = setup()
    state().setSelf(1)
    expect(ids()).toEqual(['2', '3', '10'])
    expect(ids(selectOnlineUsers({ includeSelf: true }))).toEqual(['1', '2', '3', '10'])
    expect(ids(selectOnlineUsers({ ids: [3, '10', 99] }))).toEqual(['3', '10'])
  })

  it('selectOnlineUsers returns the same array unless a listed record changed', () => {
    const { store, state } = setup()
    state().applyChanges([user(50, { isOnline: false, status: undefined })])
    const select = selectOnlineUsers({ ids: [1, 2] })
    const users = select(store.users, null)
    expect(users.map((u) => u.id)).toEqual(['1', '2'])
    state().applyChanges([{ id: '3', statusMessage: 'elsewhere' }, { id: '50', username: 'renamed' }])
    expect(select(store.users, null)).toBe(users)
    state().applyChanges([{ id: '2', statusMessage: 'here' }])
    expect(select(store.users, null)).not.toBe(users)
  })

  it('selectTransport: the socket while open, else polling while a poll runs, else none', () => {
    const { state } = setup()
    expect(selectTransport(state())).toBe('none')
    state().setConnection({ polling: true })
    expect(selectTransport(state())).toBe('polling')
    state().setConnection({ state: 'open' })
    expect(selectTransport(state())).toBe('socket')
  })
})
