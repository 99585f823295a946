// The runtime's reads of GET /api/chat/conversations/: one out at a time, shared by the chat-list-activity poll and
// every caller of runtime.conversations(); each caller's signal is its own; never shared across runs (tokens).
// The server is a fetch the test answers by hand, so that "while a read is out" is exact.
import { describe, expect, it, vi } from 'vitest'
import type { PresenceRuntimeOptions } from '../../src/runtime'
import { createTestRuntime, withRuntimeTestClock } from './runtime-harness'

const LIST = [
  { id: 10, other_user: { id: 1, username: 'alice', profile_image: null, is_online: true }, last_message: null, unread_count: 0 },
  { id: 11, other_user: { id: 2, username: 'bob', profile_image: null, is_online: false }, last_message: null, unread_count: 2 },
]

interface Pending {
  path: string
  token: string | null
  signal: AbortSignal
  answer: (body: unknown) => void
}

/** A fetch whose requests wait until the test answers them; an aborted one rejects as fetch does. */
function handFetch() {
  const pending: Pending[] = []
  const made: Pending[] = []
  const fetch = vi.fn<typeof globalThis.fetch>(
    (input, init) =>
      new Promise<Response>((resolve, reject) => {
        const signal = init!.signal!
        const headers = new Headers(init?.headers)
        const request: Pending = {
          path: `${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`,
          token: headers.get('authorization'),
          signal,
          answer: (body) => {
            pending.splice(pending.indexOf(request), 1)
            resolve(Response.json(body))
          },
        }
        signal.addEventListener('abort', () => {
          const at = pending.indexOf(request)
          if (at >= 0) pending.splice(at, 1)
          reject(signal.reason)
        })
        pending.push(request)
        made.push(request)
      }),
  )
  const at = (list: Pending[], index: number) => {
    const request = list[index]
    if (!request) throw new Error(`no request #${index} (${list.length} there)`)
    return request
  }
  return {
    fetch,
    pending,
    made,
    /** The oldest request still waiting. */
    next: () => at(pending, 0),
    /** The `index`th request made. */
    nth: (index: number) => at(made, index),
    count: (path: string) => made.filter((r) => r.path === path).length,
  }
}

const GET = 'GET /api/chat/conversations/'
// What the REST client throws for an aborted request, whether the request or only the caller's wait was aborted.
const ABORTED = { name: 'PresenceApiError', status: 0, code: 'aborted' }
withRuntimeTestClock()

function start(server: { fetch: typeof fetch }, options: PresenceRuntimeOptions) {
  const runtime = createTestRuntime(server, { userId: 3, ...options })
  runtime.start('access-1')
  return runtime
}
const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms)
const told = (heard: { mock: { calls: unknown[][] } }, index: number) => heard.mock.calls[index]?.[0] as Array<{ otherUser: { username: string | null } }>
const peers = (conversations: Array<{ otherUser: { username: string | null } }>) => conversations.map((c) => c.otherUser.username)

describe('chat-list-activity: one read of the chat list for the poll and runtime.conversations()', () => {
  it('a caller while the poll’s read is out shares it: one GET, both answered, the listeners told once', async () => {
    const server = handFetch()
    const runtime = start(server, { backend: 'chat-list-activity' })
    const heard = vi.fn()
    runtime.subscribeConversations(heard)
    await advance(0)
    expect(server.count(GET)).toBe(1)
    const asked = runtime.conversations()
    const again = runtime.conversations()
    expect(server.count(GET)).toBe(1)
    server.next().answer(LIST)
    expect(peers(await asked)).toEqual(['alice', 'bob'])
    expect(peers(await again)).toEqual(['alice', 'bob'])
    await advance(0)
    expect(runtime.store.getState().synced).toBe(true)
    expect(runtime.store.users.get('1')?.isOnline).toBe(true)
    expect(heard).toHaveBeenCalledTimes(1)
    expect(heard).toHaveBeenCalledWith(await asked)

    // Once answered, nothing is held: the next poll is a new GET, told to the listeners again.
    await advance(30_000)
    expect(server.count(GET)).toBe(2)
    server.next().answer(LIST.slice(0, 1))
    await advance(0)
    expect(heard).toHaveBeenCalledTimes(2)
    expect(peers(told(heard, 1))).toEqual(['alice'])
  })

  it('one caller aborting ends its own call only; the request goes when every caller has aborted', async () => {
    const server = handFetch()
    const runtime = start(server, { backend: 'contract', endpoints: { socket: null, onlineUsers: null, heartbeat: null } })
    await advance(0)
    expect(server.made).toEqual([]) // no list to poll: only the callers read the chat list here
    const first = new AbortController()
    const second = new AbortController()
    const one = runtime.conversations({ signal: first.signal })
    const two = runtime.conversations({ signal: second.signal })
    await advance(0)
    expect(server.count(GET)).toBe(1)
    const request = server.next()

    first.abort()
    await expect(one).rejects.toMatchObject(ABORTED)
    expect(request.signal.aborted).toBe(false)
    request.answer(LIST)
    expect(peers(await two)).toEqual(['alice', 'bob'])

    // Both abort: nobody waits for the request any more, so it is aborted, and the next caller makes a new one.
    const third = new AbortController()
    const fourth = new AbortController()
    const three = runtime.conversations({ signal: third.signal })
    const four = runtime.conversations({ signal: fourth.signal })
    await advance(0)
    expect(server.count(GET)).toBe(2)
    third.abort()
    expect(server.nth(1).signal.aborted).toBe(false)
    fourth.abort()
    expect(server.nth(1).signal.aborted).toBe(true)
    await expect(three).rejects.toMatchObject(ABORTED)
    await expect(four).rejects.toMatchObject(ABORTED)
    const five = runtime.conversations()
    await advance(0)
    expect(server.count(GET)).toBe(3)
    server.next().answer(LIST)
    expect(await five).toHaveLength(2)

    // A signal aborted before the call: rejected at once, nothing sent.
    await expect(runtime.conversations({ signal: AbortSignal.abort() })).rejects.toMatchObject(ABORTED)
    await advance(0)
    expect(server.count(GET)).toBe(3)
  })

  it('the hook’s call aborting (it unmounted) leaves the poll its answer', async () => {
    const server = handFetch()
    const runtime = start(server, { backend: 'chat-list-activity' })
    await advance(0)
    const query = new AbortController()
    const asked = runtime.conversations({ signal: query.signal })
    query.abort()
    await expect(asked).rejects.toMatchObject(ABORTED)
    expect(server.pending).toHaveLength(1)
    server.next().answer(LIST)
    await advance(0)
    expect(runtime.store.getState()).toMatchObject({ synced: true, syncError: null })
    expect(runtime.store.users.get('2')).toMatchObject({ username: 'bob', isOnline: false })
    expect(server.count(GET)).toBe(1)
  })

  it('stop() ends the poll’s wait; a caller still waiting (the hook) gets the answer, which no listener is told', async () => {
    const server = handFetch()
    const runtime = start(server, { backend: 'chat-list-activity' })
    await advance(0)
    const heard = vi.fn()
    runtime.subscribeConversations(heard)
    const asked = runtime.conversations()
    runtime.stop()
    expect(server.next().signal.aborted).toBe(false)
    server.next().answer(LIST)
    expect(peers(await asked)).toEqual(['alice', 'bob'])
    expect(heard).not.toHaveBeenCalled()
    expect(runtime.store.getState().syncError).toBeNull()
  })

  it('never shared across tokens: a read out for the old token is not joined, and its answer is not told', async () => {
    const server = handFetch()
    const runtime = start(server, { backend: 'contract', endpoints: { socket: null, onlineUsers: null, heartbeat: null } })
    await advance(0)
    const heard = vi.fn()
    runtime.subscribeConversations(heard)
    const old = runtime.conversations()
    runtime.start('access-2')
    await advance(0)
    const fresh = runtime.conversations()
    await advance(0)
    expect(server.made.map((r) => r.token)).toEqual(['Bearer access-1', 'Bearer access-2'])
    server.nth(0).answer(LIST)
    server.nth(1).answer(LIST.slice(1))
    expect(await old).toHaveLength(2)
    expect(peers(await fresh)).toEqual(['bob'])
    expect(heard).toHaveBeenCalledTimes(1)
    expect(peers(told(heard, 0))).toEqual(['bob'])
  })

  it('peers the store never heard of are still added by conversations(), as offline after a snapshot', async () => {
    const server = handFetch()
    const runtime = start(server, { backend: 'chat-list-activity' })
    await advance(0)
    server.next().answer(LIST)
    await advance(0)
    expect(runtime.store.getState().synced).toBe(true)
    const carol = { id: 12, other_user: { id: 4, username: 'carol', profile_image: null, is_online: true }, last_message: null, unread_count: 0 }
    const asked = runtime.conversations()
    await advance(0)
    server.next().answer([...LIST, carol])
    await asked
    expect(runtime.store.users.get('4')).toMatchObject({ username: 'carol', isOnline: false, status: 'offline' })
  })
})
