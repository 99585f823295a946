import { describe, expect, it } from 'vitest'
import type { PresencePatch } from '../../src/client'
import { createPresenceStore, type PresenceState } from '../../src/store'

const T = Date.parse('2024-01-15T10:30:00Z')
const user = (id: number, extra: Partial<PresencePatch> = {}): PresencePatch => ({
  id: String(id),
  username: `user${id}`,
  profileImage: null,
  status: 'online',
  statusMessage: null,
  lastSeen: T,
  ...extra,
})

function counted() {
  const store = createPresenceStore()
  const updates: PresenceState[] = []
  store.subscribe((state) => updates.push(state))
  return { store, updates, state: () => store.getState() }
}

describe('presence store', () => {
  it('starts empty and idle', () => {
    const { state } = counted()
    expect(Object.keys(state().users)).toEqual([])
    expect(state()).toMatchObject({ self: null, connection: 'idle', serverOffset: 0, synced: false })
  })

  it('synced: set by the first snapshot, even an empty one, in the same update; changes alone do not set it; clear() resets it', () => {
    const { state, updates } = counted()
    state().applyChanges([user(1)])
    expect(state().synced).toBe(false)
    state().applySnapshot([])
    expect(updates).toHaveLength(2)
    expect(state().synced).toBe(true)
    expect(state().users['1']).toMatchObject({ status: 'offline' })
    state().applySnapshot([])
    expect(updates).toHaveLength(2) // nothing changed: no update
    state().clear()
    expect(state().synced).toBe(false)
  })

  it('a snapshot fills the users, keyed by id', () => {
    const { state } = counted()
    state().applySnapshot([user(1), user(2, { status: 'away' })])
    expect(state().users['1']).toMatchObject({ username: 'user1', isOnline: true })
    expect(state().users['2']).toMatchObject({ status: 'away', isOnline: true })
  })

  it('a reconnect snapshot is merged as a diff: unchanged users keep their object, gone users turn offline', () => {
    const { state, updates } = counted()
    state().applySnapshot([user(1), user(2), user(3)])
    const before = state().users
    state().applySnapshot([user(1), user(2, { status: 'dnd' }), user(4)])
    const after = state().users
    expect(updates).toHaveLength(2)
    expect(after['1']).toBe(before['1'])
    expect(after['2']).not.toBe(before['2'])
    expect(after['2']).toMatchObject({ status: 'dnd' })
    // Not deleted: user 3 is offline, and their last seen survives for "last seen 5 minutes ago".
    expect(after['3']).toMatchObject({ status: 'offline', isOnline: false, lastSeen: T, username: 'user3' })
    expect(after['4']).toMatchObject({ isOnline: true })
  })

  it('the same snapshot again changes nothing and notifies nobody', () => {
    const { state, updates } = counted()
    state().applySnapshot([user(1), user(2)])
    const users = state().users
    state().applySnapshot([user(1), user(2)])
    expect(state().users).toBe(users)
    expect(updates).toHaveLength(1)
  })

  it('an id-only snapshot (seed 000) does not erase what is known', () => {
    const { state } = counted()
    state().applySnapshot([user(1, { status: 'away', statusMessage: 'lunch' }), user(2)])
    const away = state().users['1']
    state().applySnapshot([{ id: '1', isOnline: true }, { id: '9', isOnline: true }])
    expect(state().users['1']).toBe(away)
    expect(state().users['2']).toMatchObject({ status: 'offline' })
    expect(state().users['9']).toMatchObject({ status: 'online', username: null })
  })

  it('a list without the caller (seed 001) leaves the caller alone', () => {
    const { state } = counted()
    state().setSelf(1)
    state().applySnapshot([user(1), user(2)])
    state().applySnapshot([user(2)], { includesSelf: false })
    expect(state().users['1']).toMatchObject({ isOnline: true })
    state().applySnapshot([user(2)])
    expect(state().users['1']).toMatchObject({ isOnline: false })
  })

  it('changes are applied in order, one update per call', () => {
    const { state, updates } = counted()
    state().applyChanges([user(1), { id: '1', status: 'away' }, { id: '1', statusMessage: 'brb' }, { id: '2', isOnline: false }])
    expect(updates).toHaveLength(1)
    expect(state().users['1']).toMatchObject({ status: 'away', statusMessage: 'brb', username: 'user1' })
    expect(state().users['2']).toMatchObject({ status: 'offline', username: null })
  })

  it('changes that change nothing notify nobody', () => {
    const { state, updates } = counted()
    state().applyChanges([user(1)])
    state().applyChanges([user(1), { id: '1', isOnline: true }])
    state().applyChanges([])
    expect(updates).toHaveLength(1)
  })

  it('a batch applies its snapshot, then its changes, in one update', () => {
    const { state, updates } = counted()
    state().applyBatch({ snapshot: { users: [user(1), user(2)] }, changes: [{ id: '2', status: 'dnd' }] })
    expect(updates).toHaveLength(1)
    expect(state().users['2']).toMatchObject({ status: 'dnd' })
  })

  it('ids that are Object.prototype names are plain keys', () => {
    const { state } = counted()
    state().applyChanges([user(1, { id: '__proto__' }), user(1, { id: 'constructor' }), user(1, { id: 'hasOwnProperty' })])
    expect(Object.keys(state().users).sort()).toEqual(['__proto__', 'constructor', 'hasOwnProperty'])
    expect(state().users['__proto__']).toMatchObject({ id: '__proto__', isOnline: true })
    expect(({} as Record<string, unknown>).isOnline).toBeUndefined()
  })

  it('setters notify only on a real change', () => {
    const { state, updates } = counted()
    state().setConnection('open')
    state().setConnection('open')
    state().setServerOffset(1200)
    state().setServerOffset(1200)
    state().setSelf(3)
    state().setSelf('3')
    expect(updates).toHaveLength(3)
    expect(state()).toMatchObject({ connection: 'open', serverOffset: 1200, self: '3' })
  })

  it('clear() forgets the users and the session, keeps the clock offset and the actions', () => {
    const { state } = counted()
    state().applySnapshot([user(1)])
    state().setSelf(1)
    state().setConnection('open')
    state().setServerOffset(500)
    state().clear()
    expect(Object.keys(state().users)).toEqual([])
    expect(state()).toMatchObject({ self: null, connection: 'idle', serverOffset: 500 })
    state().applyChanges([user(5)])
    expect(state().users['5']).toBeDefined()
  })

  it('accepts initial data', () => {
    const store = createPresenceStore({ self: '1', users: { '1': { ...user(1), isOnline: true } as never } })
    expect(store.getState().users['1']).toMatchObject({ username: 'user1' })
    expect(Object.getPrototypeOf(store.getState().users)).toBeNull()
  })
})
