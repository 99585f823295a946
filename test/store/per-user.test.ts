// Structural cost of one change as the number of users grows: who is told, and how much is looked at. Counts, not
// times (the times are in `npm run bench:render`).
import { describe, expect, it } from 'vitest'
import type { PresencePatch } from '../../src/client'
import { createPresenceStore, selectOnlineUsers } from '../../src/store'

const patch = (i: number): PresencePatch => ({ id: String(i), username: `user${i}`, status: i % 2 ? 'online' : 'offline', lastSeen: 0 })

function measure(n: number) {
  const store = createPresenceStore()
  store.getState().applySnapshot(Array.from({ length: n }, (_, i) => patch(i)))
  let userCalls = 0
  let reads = 0
  // One subscriber per user, as N rows calling `useUserStatus(id)` are; each reads its own record when told.
  for (let i = 0; i < n; i++) {
    const source = store.users.source(i)
    source.subscribe(() => {
      userCalls++
      reads++
      source.get()
    })
  }
  let stateCalls = 0
  store.subscribe(() => stateCalls++)
  let onlineCalls = 0
  store.users.subscribeOnline(() => onlineCalls++)
  let changed = 0
  store.users.subscribeChanges(({ changes }) => (changed += changes.length))
  // A status message change (online stays online) and someone coming online.
  store.getState().applyChanges([{ id: '1', statusMessage: 'brb' }])
  store.getState().applyChanges([{ id: '2', status: 'online' }])
  return { userCalls, reads, stateCalls, onlineCalls, changed }
}

describe('a change to one user', () => {
  it('tells that user’s subscriber only, and the same amount of work at 1,000, 10,000 and 100,000 users', () => {
    const results = [1_000, 10_000, 100_000].map(measure)
    for (const result of results) {
      expect(result).toEqual({ userCalls: 2, reads: 2, stateCalls: 0, onlineCalls: 2, changed: 2 })
    }
  })

  it('an online list is rebuilt from the online index, not from everyone known', () => {
    const store = createPresenceStore()
    // 100,000 known, 3 online: the list looks at the 3.
    store.getState().applySnapshot([patch(1), patch(3), patch(5)])
    store.getState().applyChanges(Array.from({ length: 100_000 }, (_, i) => ({ id: `x${i}`, status: 'offline' as const })))
    let looked = 0
    const get = store.users.get.bind(store.users)
    store.users.get = (id) => {
      looked++
      return get(id)
    }
    const select = selectOnlineUsers()
    expect(select(store.users, null).map((u) => u.id)).toEqual(['1', '3', '5'])
    expect(looked).toBe(3)
    store.getState().applyChanges([{ id: 'x7', status: 'online' }])
    expect(select(store.users, null)).toHaveLength(4)
    expect(looked).toBe(7)
  })

  it('a snapshot that repeats what is known tells nobody', () => {
    const store = createPresenceStore()
    const list = Array.from({ length: 10_000 }, (_, i) => patch(i))
    store.getState().applySnapshot(list)
    let calls = 0
    store.users.subscribe(1, () => calls++)
    store.users.subscribeOnline(() => calls++)
    store.getState().applySnapshot(list)
    expect(calls).toBe(0)
  })
})
