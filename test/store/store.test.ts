import { describe, expect, it } from 'vitest'
import type { PresencePatch } from '../../src/client'
import { createPresenceStore, type PresenceState, type UsersUpdate } from '../../src/store'

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

// `updates`: zustand state updates; `batches`: users-table updates (one per store action that changed someone).
function counted() {
  const store = createPresenceStore()
  const updates: PresenceState[] = []
  const batches: UsersUpdate[] = []
  store.subscribe((state) => updates.push(state))
  store.users.subscribeChanges((update) => batches.push(update))
  return { store, updates, batches, state: () => store.getState(), users: store.users }
}

describe('presence store', () => {
  it('starts empty and idle', () => {
    const { state, users } = counted()
    expect(users.size).toBe(0)
    expect(state()).toMatchObject({ self: null, connection: { state: 'idle', polling: false, nextRetryAt: null, serverOffset: 0 }, synced: false })
    expect(state()).toMatchObject({ lifecycle: 'stopped', mode: null, session: 0, heartbeat: { state: 'idle' } })
  })

  it('synced: set by the first snapshot, even an empty one, in the same update; changes alone do not set it; clear() resets it', () => {
    const { state, updates, batches, users } = counted()
    state().applyChanges([user(1)])
    expect(state().synced).toBe(false)
    state().applySnapshot([])
    expect(updates).toHaveLength(1) // only `synced`: the users are beside the state
    expect(batches).toHaveLength(2)
    expect(state().synced).toBe(true)
    expect(users.get('1')).toMatchObject({ status: 'offline' })
    state().applySnapshot([])
    expect([updates.length, batches.length]).toEqual([1, 2]) // nothing changed: nobody told
    state().clear()
    expect(state().synced).toBe(false)
  })

  it('a snapshot fills the users, keyed by id', () => {
    const { users, state } = counted()
    state().applySnapshot([user(1), user(2, { status: 'away' })])
    expect(users.get('1')).toMatchObject({ username: 'user1', isOnline: true })
    expect(users.get(2)).toMatchObject({ status: 'away', isOnline: true })
    expect([...users.online].sort()).toEqual(['1', '2'])
  })

  it('a reconnect snapshot is merged as a diff: unchanged users keep their object, gone users turn offline', () => {
    const { state, batches, users } = counted()
    state().applySnapshot([user(1), user(2), user(3)])
    const before = [users.get(1), users.get(2)]
    state().applySnapshot([user(1), user(2, { status: 'dnd' }), user(4)])
    expect(batches).toHaveLength(2)
    expect(batches[1]!.changes.map((c) => c.id).sort()).toEqual(['2', '3', '4'])
    expect(users.get(1)).toBe(before[0])
    expect(users.get(2)).not.toBe(before[1])
    expect(users.get(2)).toMatchObject({ status: 'dnd' })
    // Not deleted: user 3 is offline, and their last seen survives for "last seen 5 minutes ago".
    expect(users.get(3)).toMatchObject({ status: 'offline', isOnline: false, lastSeen: T, username: 'user3' })
    expect(users.get(4)).toMatchObject({ isOnline: true })
    expect([...users.online].sort()).toEqual(['1', '2', '4'])
  })

  it('the same snapshot again changes nothing and notifies nobody', () => {
    const { state, batches, users } = counted()
    state().applySnapshot([user(1), user(2)])
    const version = users.onlineVersion
    state().applySnapshot([user(1), user(2)])
    expect(users.onlineVersion).toBe(version)
    expect(batches).toHaveLength(1)
  })

  it('an id-only snapshot does not erase what is known', () => {
    const { state, users } = counted()
    state().applySnapshot([user(1, { status: 'away', statusMessage: 'lunch' }), user(2)])
    const away = users.get(1)
    state().applySnapshot([{ id: '1', isOnline: true }, { id: '9', isOnline: true }])
    expect(users.get(1)).toBe(away)
    expect(users.get(2)).toMatchObject({ status: 'offline' })
    expect(users.get(9)).toMatchObject({ status: 'online', username: null })
  })

  it('a list without the caller leaves the caller alone', () => {
    const { state, users } = counted()
    state().setSelf(1)
    state().applySnapshot([user(1), user(2)])
    state().applySnapshot([user(2)], { includesSelf: false })
    expect(users.get(1)).toMatchObject({ isOnline: true })
    state().applySnapshot([user(2)])
    expect(users.get(1)).toMatchObject({ isOnline: false })
  })

  it('changes are applied in order, one notification per call, one change per user', () => {
    const { state, batches, users } = counted()
    state().applyChanges([user(1), { id: '1', status: 'away' }, { id: '1', statusMessage: 'brb' }, { id: '2', isOnline: false }])
    expect(batches).toHaveLength(1)
    expect(batches[0]!.changes).toHaveLength(2)
    expect(batches[0]!.changes[0]).toMatchObject({ id: '1', previous: undefined, user: { status: 'away', statusMessage: 'brb' } })
    expect(users.get(1)).toMatchObject({ status: 'away', statusMessage: 'brb', username: 'user1' })
    expect(users.get(2)).toMatchObject({ status: 'offline', username: null })
  })

  it('changes that change nothing notify nobody', () => {
    const { state, batches } = counted()
    state().applyChanges([user(1)])
    state().applyChanges([user(1), { id: '1', isOnline: true }])
    state().applyChanges([])
    expect(batches).toHaveLength(1)
  })

  it('a batch applies its snapshot, then its changes, in one update', () => {
    const { state, updates, batches, users } = counted()
    state().applyBatch({ snapshot: { users: [user(1), user(2)] }, changes: [{ id: '2', status: 'dnd' }] })
    expect([updates.length, batches.length]).toEqual([1, 1])
    expect(users.get(2)).toMatchObject({ status: 'dnd' })
  })

  it('baseline: the first list and changes before it are no news; changes after it are; a clear is not', () => {
    const { state, batches } = counted()
    state().applyChanges([user(1)])
    state().applySnapshot([user(1), user(2)])
    state().applyChanges([{ id: '2', status: 'away' }])
    state().clear()
    expect(batches.map((b) => b.baseline)).toEqual([true, true, false, true])
  })

  it('ids that are Object.prototype names are plain keys', () => {
    const { state, users } = counted()
    state().applyChanges([user(1, { id: '__proto__' }), user(1, { id: 'constructor' }), user(1, { id: 'hasOwnProperty' })])
    expect([...users.values()].map((u) => u.id).sort()).toEqual(['__proto__', 'constructor', 'hasOwnProperty'])
    expect(users.get('__proto__')).toMatchObject({ id: '__proto__', isOnline: true })
    expect(({} as Record<string, unknown>).isOnline).toBeUndefined()
  })

  it('setters notify only on a real change', () => {
    const { state, updates } = counted()
    state().setConnection({ state: 'open' })
    state().setConnection({ state: 'open' })
    state().setServerOffset(1200)
    state().setServerOffset(1200)
    state().setSelf(3)
    state().setSelf('3')
    expect(updates).toHaveLength(3)
    expect(state()).toMatchObject({ connection: { state: 'open', serverOffset: 1200 }, self: '3' })
  })

  it('the caller’s mode follows their own record in the update that changes it; an offline record keeps it', () => {
    const { state, updates } = counted()
    state().setSelf(1)
    state().applyChanges([user(1, { status: 'dnd' })])
    expect(state().mode).toBe('dnd')
    expect(updates).toHaveLength(2) // setSelf, then the change and its mode together
    state().applyChanges([{ id: '1', status: 'offline' }])
    expect(state().mode).toBe('dnd')
    state().applyChanges([user(2, { status: 'away' })])
    expect(state().mode).toBe('dnd')
  })

  it('clear() forgets the users and the session, keeps the clock offset, tells every watched user', () => {
    const { state, users } = counted()
    state().applySnapshot([user(1)])
    state().setSelf(1)
    state().setConnection({ state: 'open', serverOffset: 500 })
    let told = 0
    users.subscribe(1, () => told++)
    state().clear()
    expect(told).toBe(1)
    expect(users.size).toBe(0)
    expect(users.online.size).toBe(0)
    expect(state()).toMatchObject({ self: null, connection: { state: 'idle', serverOffset: 500 } })
    state().applyChanges([user(5)])
    expect(users.get(5)).toBeDefined()
  })
})
