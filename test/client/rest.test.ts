import { http, HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { isAuthError, isMissingEndpoint, PresenceApiError, PresenceRestClient, type InvalidRecord } from '../../src/client'
import { BASE_URL, login, setupMockBackend } from './mock-backend'
import * as seeds from './seed-fixtures'

const { server } = setupMockBackend()

async function client(username = 'john_doe', options: Partial<ConstructorParameters<typeof PresenceRestClient>[0]> = {}) {
  const session = await login(username)
  return { session, rest: new PresenceRestClient({ apiBaseUrl: BASE_URL, token: () => session.access, ...options }) }
}

async function rejection(promise: Promise<unknown>): Promise<PresenceApiError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(PresenceApiError)
  return error as PresenceApiError
}

describe('PresenceRestClient against the mock backend (MSW)', () => {
  it('onlineUsers(): the contract’s chat body, caller included', async () => {
    const { rest, session } = await client()
    const result = await rest.onlineUsers()
    expect(result.includesSelf).toBe(true)
    expect(result.detailed).toBe(true)
    expect(result.issues).toEqual([])
    expect(result.users.find((u) => u.id === String(session.user.id))).toMatchObject({ username: 'john_doe', status: 'online' })
    expect(result.users.every((u) => u.isOnline && typeof u.username === 'string')).toBe(true)
  })

  it('onlineUsers(): seed 001’s array from the user-status-socket preset, caller excluded, friends filter', async () => {
    const { rest, session } = await client('john_doe', { backend: 'user-status-socket' })
    const all = await rest.onlineUsers()
    expect(all.includesSelf).toBe(false)
    expect(all.users.some((u) => u.id === String(session.user.id))).toBe(false)
    const friends = await rest.onlineUsers({ filter: 'friends' })
    expect(friends.users.length).toBeLessThanOrEqual(all.users.length)
  })

  it('onlineFriends(): seed 001’s friends filter on the contract preset (its online list has no filter); none elsewhere', async () => {
    const { rest } = await client('john_doe', { backend: 'contract' })
    const friends = await rest.onlineFriends()
    expect(friends.users.map((u) => u.id)).toEqual(['4', '5', '6', '8', '18'])
    for (const backend of ['chat-socket', 'user-status-socket', 'chat-polling', 'chat-list-activity', 'users-heartbeat-admin'] as const) {
      const { rest: other } = await client('john_doe', { backend })
      expect(await rejection(other.onlineFriends())).toMatchObject({ status: 404, code: 'endpoint_unavailable' })
    }
  })

  it('heartbeat() on the presets with one', async () => {
    for (const backend of ['contract', 'chat-polling', 'users-heartbeat-admin'] as const) {
      const { rest } = await client('john_doe', { backend })
      const beat = await rest.heartbeat()
      expect(beat.status).toBe('online')
      expect(typeof beat.lastSeen).toBe('number')
    }
  })

  it('markOffline(): no socket open, so offline', async () => {
    const { rest } = await client()
    expect(await rest.markOffline()).toEqual({ status: 'offline' })
  })

  it('me() and setStatus()', async () => {
    const { rest, session } = await client()
    expect(await rest.me()).toMatchObject({ id: String(session.user.id), username: 'john_doe', mode: 'auto', isAdmin: false })
    const me = await rest.setStatus({ mode: 'dnd', statusMessage: 'Focus' })
    expect(me).toMatchObject({ mode: 'dnd', status: 'dnd', statusMessage: 'Focus', isOnline: true })
    expect(await rest.setStatus({ statusMessage: null })).toMatchObject({ mode: 'dnd', statusMessage: null })
    expect(await rest.setStatus({ mode: 'invisible' })).toMatchObject({ mode: 'invisible', status: 'invisible' })
  })

  it('activity() with limit and filter', async () => {
    const { rest } = await client()
    await (await client('jane_smith')).rest.setStatus({ mode: 'away' })
    const entries = await rest.activity({ limit: 5 })
    expect(entries.length).toBeGreaterThan(0)
    expect(entries.length).toBeLessThanOrEqual(5)
    expect(entries[0]).toMatchObject({ user: { username: expect.any(String) }, event: expect.stringMatching(/online|offline|away|dnd/) })
    expect(typeof entries[0]!.at).toBe('number')
    await expect(rest.activity({ filter: 'friends' })).resolves.toBeInstanceOf(Array)
  })

  it('conversations()', async () => {
    const { rest } = await client()
    const conversations = await rest.conversations()
    expect(conversations.length).toBeGreaterThan(0)
    const [first] = conversations
    expect(first).toMatchObject({ id: expect.any(String), unreadCount: expect.any(Number) })
    expect(first!.otherUser).toMatchObject({ id: expect.any(String), username: expect.any(String) })
  })

  it('logout() revokes the token', async () => {
    const { rest, session } = await client()
    await rest.logout({ refresh: session.refresh })
    expect(isAuthError(await rejection(rest.me()))).toBe(true)
  })

  it('401: a typed auth error parsed from the contract’s error body', async () => {
    const rest = new PresenceRestClient({ apiBaseUrl: BASE_URL, token: 'bogus' })
    const error = await rejection(rest.onlineUsers())
    expect(error).toMatchObject({ status: 401, code: 'unauthorized', message: 'a valid bearer token is required' })
    expect(error.isAuthError).toBe(true)
    expect(error.isMissingEndpoint).toBe(false)
    expect(error.url).toBe(`${BASE_URL}/api/chat/online-users/`)
  })

  it('no token at all: no Authorization header, a 401', async () => {
    const rest = new PresenceRestClient({ apiBaseUrl: BASE_URL, token: null })
    expect((await rejection(rest.me())).isAuthError).toBe(true)
  })

  it('404: a missing endpoint is recognisable', async () => {
    const { rest } = await client('john_doe', { endpoints: { heartbeat: '/api/no/such/heartbeat/' } })
    const error = await rejection(rest.heartbeat())
    expect(error).toMatchObject({ status: 404, code: 'not_found' })
    expect(isMissingEndpoint(error)).toBe(true)
  })

  it('an endpoint the preset lacks is a missing endpoint without a request', async () => {
    const fetchSpy = vi.fn<typeof fetch>()
    const rest = new PresenceRestClient({ apiBaseUrl: BASE_URL, backend: 'users-heartbeat-admin', fetch: fetchSpy })
    expect(rest.has('markOffline')).toBe(false)
    const error = await rejection(rest.markOffline())
    expect(error).toMatchObject({ status: 404, code: 'endpoint_unavailable' })
    expect(error.isMissingEndpoint).toBe(true)
    expect(fetchSpy).not.toHaveBeenCalled()
  })

  it('a network error is status 0', async () => {
    server.use(http.all(`${BASE_URL}/api/*`, () => HttpResponse.error()))
    const { rest } = { rest: new PresenceRestClient({ apiBaseUrl: BASE_URL, token: 't' }) }
    const error = await rejection(rest.heartbeat())
    expect(error).toMatchObject({ status: 0, code: 'network_error' })
    expect(error.isNetworkError).toBe(true)
    expect(error.isTransient).toBe(true)
  })

  it('an aborted request is status 0, aborted', async () => {
    const { rest } = await client()
    const controller = new AbortController()
    controller.abort()
    expect(await rejection(rest.me({ signal: controller.signal }))).toMatchObject({ status: 0, code: 'aborted' })
  })
})

function fakeFetch(status: number, body: string, contentType = 'application/json') {
  return vi.fn<typeof fetch>(async () => new Response(body, { status, headers: { 'content-type': contentType } }))
}

describe('PresenceRestClient against the seeds’ bodies', () => {
  it('seed 000: onlineUsers objects with string ids', async () => {
    const rest = new PresenceRestClient({ apiBaseUrl: 'http://seed.test', backend: 'chat-socket', fetch: fakeFetch(200, seeds.seed000OnlineUsersBody) })
    const result = await rest.onlineUsers()
    expect(result).toMatchObject({ detailed: true, includesSelf: true })
    expect(result.users.map((u) => [u.id, u.username, u.isOnline])).toEqual([
      ['user_id_1', 'john_doe', true],
      ['user_id_2', 'jane_smith', true],
    ])
  })

  it('seed 002: online_users as ids', async () => {
    const fetchMock = fakeFetch(200, seeds.seed002OnlineUsersBody)
    const rest = new PresenceRestClient({ apiBaseUrl: 'http://seed.test', backend: 'chat-polling', token: 'abc', fetch: fetchMock })
    const result = await rest.onlineUsers()
    expect(result.detailed).toBe(false)
    expect(result.users).toEqual(['1', '5', '12', '45'].map((id) => ({ id, isOnline: true })))
    const [url, init] = fetchMock.mock.calls[0]!
    expect(url).toBe('http://seed.test/api/chat/online-users/')
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer abc')
  })

  it('seed 002: the heartbeat sends a timestamp, and a bodiless answer is fine', async () => {
    const fetchMock = fakeFetch(200, '')
    const rest = new PresenceRestClient({ apiBaseUrl: 'http://seed.test/', backend: 'chat-polling', fetch: fetchMock })
    expect(await rest.heartbeat()).toEqual({ status: null, lastSeen: null })
    const body = JSON.parse(String(fetchMock.mock.calls[0]![1]!.body)) as Record<string, unknown>
    expect(Object.keys(body)).toEqual(Object.keys(JSON.parse(seeds.seed002HeartbeatRequest) as object))
    expect(Number.isNaN(Date.parse(String(body.timestamp)))).toBe(false)
  })

  it('seed 001: the array from `NEXT_PUBLIC_API_BASE_URL=http://localhost:8000/api`', async () => {
    const fetchMock = fakeFetch(200, seeds.seed001OnlineUsersBody)
    const rest = new PresenceRestClient({ apiBaseUrl: 'http://localhost:8000/api', backend: 'user-status-socket', fetch: fetchMock })
    const result = await rest.onlineUsers()
    expect(fetchMock.mock.calls[0]![0]).toBe('http://localhost:8000/api/users/online/')
    expect(result).toMatchObject({ includesSelf: false, users: [{ id: '...', username: '...', isOnline: true }] })
  })

  it('seed 003: conversations whose peer only has is_online', async () => {
    const rest = new PresenceRestClient({ apiBaseUrl: 'http://seed.test', backend: 'chat-list-activity', fetch: fakeFetch(200, seeds.seed003Conversations) })
    expect(await rest.conversations()).toEqual([
      {
        id: '10',
        otherUser: { id: '4', username: 'maria_garcia', profileImage: null, status: 'online', isOnline: true, statusMessage: null, lastSeen: null },
        lastMessage: null,
        unreadCount: 0,
      },
    ])
  })

  it('seed 004: the heartbeat answer', async () => {
    const rest = new PresenceRestClient({ apiBaseUrl: 'http://seed.test', backend: 'users-heartbeat-admin', fetch: fakeFetch(200, seeds.seed004HeartbeatBody) })
    expect(await rest.heartbeat()).toEqual({ status: 'online', lastSeen: Date.parse('2024-01-15T10:30:00Z') })
  })

  it('bad records are dropped and reported, good ones kept', async () => {
    const issues: InvalidRecord[] = []
    const body = JSON.stringify([{ id: 1, is_online: true }, { username: 'ghost' }, { id: 2, online_status: 'busy' }])
    const rest = new PresenceRestClient({ apiBaseUrl: 'http://seed.test', backend: 'user-status-socket', fetch: fakeFetch(200, body), onInvalid: (i) => issues.push(i) })
    const result = await rest.onlineUsers()
    expect(result.users).toEqual([{ id: '1', isOnline: true }])
    expect(issues).toEqual([
      { source: 'onlineUsers', reason: 'user #1: no user id' },
      { source: 'onlineUsers', reason: 'user #2: unknown status "busy"' },
    ])
  })

  it('a body that is not what the endpoint returns is an invalid_response error', async () => {
    const rest = new PresenceRestClient({ apiBaseUrl: 'http://seed.test', fetch: fakeFetch(200, '<html>oops</html>', 'text/html') })
    expect(await rejection(rest.onlineUsers())).toMatchObject({ status: 200, code: 'invalid_response' })
    const rest2 = new PresenceRestClient({ apiBaseUrl: 'http://seed.test', fetch: fakeFetch(200, '{"hello":1}') })
    expect(await rejection(rest2.onlineUsers())).toMatchObject({ code: 'invalid_response' })
  })

  it.each([
    [401, '{"detail":"Given token not valid for any token type","code":"token_not_valid"}', 'token_not_valid', 'Given token not valid for any token type'],
    [401, '{"detail":"Authentication credentials were not provided."}', 'unauthorized', 'Authentication credentials were not provided.'],
    [404, '<!doctype html><title>Not Found</title><h1>Not Found</h1>', 'not_found', 'Not Found Not Found'],
    [500, 'Internal Server Error', 'server_error', 'Internal Server Error'],
    [400, '{"error":"bad timestamp"}', 'bad_request', 'bad timestamp'],
    [403, '{"error":{"code":"forbidden","message":"admins only"}}', 'forbidden', 'admins only'],
    [429, '', 'too_many_requests', 'request failed with status 429'],
  ])('error body %i %s', async (status, body, code, message) => {
    const rest = new PresenceRestClient({ apiBaseUrl: 'http://seed.test', fetch: fakeFetch(status, body) })
    const error = await rejection(rest.me())
    expect(error).toMatchObject({ status, code, message })
    expect(error.isAuthError).toBe(status === 401)
    expect(error.isMissingEndpoint).toBe(status === 404)
  })

  it('a 404 about a user is not a missing endpoint', () => {
    expect(new PresenceApiError(404, 'user_not_found', 'no user with id 99').isMissingEndpoint).toBe(false)
  })

  it('a token source that fails is reported, not thrown raw', async () => {
    const rest = new PresenceRestClient({
      apiBaseUrl: 'http://seed.test',
      token: () => Promise.reject(new Error('refresh failed')),
      fetch: fakeFetch(200, '{}'),
    })
    expect(await rejection(rest.heartbeat())).toMatchObject({ status: 0, code: 'token_error' })
  })

  it('calls the fetch as a plain function (window.fetch rejects another `this`)', async () => {
    const calls: unknown[] = []
    const strictFetch = function (this: unknown) {
      calls.push(this)
      return Promise.resolve(new Response('[]'))
    } as unknown as typeof fetch
    await new PresenceRestClient({ apiBaseUrl: 'http://seed.test', backend: 'user-status-socket', fetch: strictFetch }).onlineUsers()
    expect(calls).toEqual([undefined])
  })
})
