import { act, cleanup, renderHook } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useConnectionState, useMyStatus, useSetMyStatus } from '../../src'
import { login, setupMockBackend } from '../client/mock-backend'
import { recordRequests } from '../provider/helpers'
import { mswProvider } from './msw-provider'
import { captured } from './presence-harness'

const { server } = setupMockBackend()

afterEach(() => {
  cleanup()
  server.events.removeAllListeners()
})

const until = (check: () => void) => vi.waitFor(check, { timeout: 5_000, interval: 5 })

describe('useMyStatus and useSetMyStatus', () => {
  it('the caller’s own status and mode; a change over the socket shows once the server echoes it', async () => {
    const requests = recordRequests(server)
    const { access, user } = await login('john_doe')
    const pending: boolean[] = []
    const { result } = renderHook(
      () => {
        const set = useSetMyStatus()
        pending.push(set.isPending)
        return { mine: useMyStatus(), set }
      },
      { wrapper: mswProvider(access) },
    )
    await until(() => expect(result.current.mine).toMatchObject({ status: 'online', mode: 'auto', statusMessage: null }))
    expect(result.current.mine.user?.id).toBe(String(user.id))
    expect(result.current.set.isPending).toBe(false)

    let done: Promise<unknown> = Promise.resolve()
    act(() => {
      done = result.current.set.mutateAsync({ mode: 'invisible', statusMessage: 'Heads down' })
    })
    await act(() => done)
    expect(pending).toContain(true)
    // The store shows it by the time the promise resolves.
    expect(captured.runtime!.store.users.get(String(user.id))).toMatchObject({ status: 'invisible', statusMessage: 'Heads down' })
    await until(() => expect(result.current.set.isPending).toBe(false))
    expect(result.current.mine).toMatchObject({ status: 'invisible', mode: 'invisible', statusMessage: 'Heads down' })
    expect(requests.seen.some((entry) => entry.startsWith('PATCH'))).toBe(false)
  })

  it('a refused change rejects, and its error is kept', async () => {
    const { access } = await login('john_doe')
    const { result } = renderHook(() => ({ mine: useMyStatus(), set: useSetMyStatus(), link: useConnectionState() }), {
      wrapper: mswProvider(access),
    })
    await until(() => expect(result.current.mine.mode).toBe('auto'))
    // The change goes over the socket once it is open (a `bad_message` frame); before that, over REST.
    await until(() => expect(result.current.link.state).toBe('open'))
    await act(() => expect(result.current.set.mutateAsync({ statusMessage: 'x'.repeat(141) })).rejects.toMatchObject({ status: 400 }))
    // React Query tells its observers on its notify scheduler (a timer), so the hook's error arrives after the reject.
    await until(() => expect(result.current.set.error).toMatchObject({ code: 'bad_message' }))
    expect(result.current.mine.statusMessage).toBeNull()
  })
})
