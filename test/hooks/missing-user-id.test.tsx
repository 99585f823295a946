// The id-taking hooks given no id (untyped code, or an id read before it has loaded): `undefined`, `null`, a blank
// string, text of zero-width characters only or `NaN` follow nobody. `String(userId)` made them follow a store user whose id is "undefined" (or
// "null", "NaN", ""), so an avatar with no user showed someone else's presence.
import { act, cleanup, renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { useIsOnline, useIsOnlineMany, useLastSeen, useUserStatus } from '../../src'
import type { PresencePatch } from '../../src/client'
import { captured, OfflineProvider } from './presence-harness'

afterEach(() => cleanup())

const MISSING: [string, unknown][] = [
  ['undefined', undefined],
  ['null', null],
  ['a blank string', ''],
  ['a string of spaces', '  '],
  ['zero-width text', '\u200b'],
  ['NaN', Number.NaN],
]

// Store users whose ids are what String() makes of the missing ids, online, plus user 2 (offline, seen before).
const decoys: PresencePatch[] = ['undefined', 'null', 'NaN', '', '  ', '\u200b'].map((id) => ({
  id,
  username: `decoy ${JSON.stringify(id)}`,
  status: 'online',
  statusMessage: 'not me',
  lastSeen: null,
}))
const two: PresencePatch = { id: '2', username: 'user2', status: 'offline', statusMessage: null, lastSeen: Date.now() - 5 * 60_000 }

function wrapperOf() {
  return function Wrapper({ children }: { children: ReactNode }) {
    return <OfflineProvider>{children}</OfflineProvider>
  }
}

describe('id-taking hooks given a missing id follow nobody', () => {
  it.each(MISSING)('useUserStatus(%s): the empty state (offline, user: null), even with decoys in the store', async (_, id) => {
    const { result } = renderHook(() => useUserStatus(id as never), { wrapper: wrapperOf() })
    await act(async () => {})
    act(() => captured.runtime!.store.getState().applyChanges([...decoys, two]))
    expect(result.current).toEqual({ status: 'offline', isOnline: false, lastSeen: null, statusMessage: null, user: null })
  })

  it.each(MISSING)('useIsOnline(%s) is false', async (_, id) => {
    const { result } = renderHook(() => useIsOnline(id as never), { wrapper: wrapperOf() })
    await act(async () => {})
    act(() => captured.runtime!.store.getState().applyChanges([...decoys, two]))
    expect(result.current).toBe(false)
  })

  it.each(MISSING)('useLastSeen(%s) is null', async (_, id) => {
    const { result } = renderHook(() => useLastSeen(id as never), { wrapper: wrapperOf() })
    await act(async () => {})
    act(() => captured.runtime!.store.getState().applyChanges([...decoys, { ...two, id: String(id) }]))
    expect(result.current).toBeNull()
  })

  it('useIsOnlineMany: a missing id is unknown (null); the real ids around it still answer', async () => {
    const ids = [2, ...MISSING.map(([, id]) => id), 3]
    const { result } = renderHook(() => useIsOnlineMany(ids as never), { wrapper: wrapperOf() })
    await act(async () => {})
    act(() => captured.runtime!.store.getState().applyChanges([...decoys, two]))
    expect(result.current).toEqual([false, null, null, null, null, null, null, null])
  })

  it('a real id still follows its user (and "0" is an id, not a blank)', async () => {
    const { result } = renderHook(() => [useUserStatus(2), useIsOnline('0'), useUserStatus(0)] as const, { wrapper: wrapperOf() })
    await act(async () => {})
    act(() => captured.runtime!.store.getState().applyChanges([two, { ...decoys[0]!, id: '0' }]))
    expect(result.current[0].user?.username).toBe('user2')
    expect(result.current[1]).toBe(true)
    expect(result.current[2].isOnline).toBe(true)
  })

  // The client's reader trims the ids it stores (' 2 ' from a backend is stored as '2'), so a padded id given to a
  // hook names the same user, as ChatHeader's does.
  it('a padded id follows the trimmed user, in every hook', async () => {
    const { result } = renderHook(() => [useUserStatus(' 2 '), useIsOnline('\t3\n'), useLastSeen(' 2'), useIsOnlineMany([' 2 ', '3 '])] as const, {
      wrapper: wrapperOf(),
    })
    await act(async () => {})
    act(() => captured.runtime!.store.getState().applyChanges([two, { ...decoys[0]!, id: '3' }]))
    expect(result.current[0].user?.username).toBe('user2')
    expect(result.current[1]).toBe(true)
    expect(result.current[2]).toMatch(/5 minutes ago/)
    expect(result.current[3]).toEqual([false, true])
  })
})

