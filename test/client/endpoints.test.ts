import { afterEach, describe, expect, it, vi } from 'vitest'
import { joinUrl, presets, resolveEndpoints, socketUrl } from '../../src/client'

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('presets', () => {
  it('contract: every endpoint of the contract', () => {
    expect(presets.contract).toEqual({
      onlineUsers: '/api/chat/online-users/',
      onlineFriends: '/api/users/online/',
      heartbeat: '/api/chat/heartbeat/',
      markOffline: '/api/chat/mark-offline/',
      me: '/api/users/me/',
      setStatus: '/api/users/me/status/',
      activity: '/api/users/activity/',
      conversations: '/api/chat/conversations/',
      logout: '/api/auth/logout/',
      socket: '/ws/user-status/',
    })
  })

  it('chat (seeds 000/002) and users (seeds 001/004): what the seeds lack is null', () => {
    expect(presets.chat).toMatchObject({
      onlineUsers: '/api/chat/online-users/',
      onlineFriends: null,
      socket: '/ws/chat/',
      me: null,
      activity: null,
    })
    expect(presets.users).toMatchObject({
      onlineUsers: '/api/users/online/',
      onlineFriends: '/api/users/online/',
      heartbeat: '/api/users/heartbeat/',
      logout: '/api/users/logout/',
      socket: '/ws/user-status/',
      markOffline: null,
      conversations: null,
    })
  })

  it('overrides replace paths, null switches off, undefined keeps', () => {
    const endpoints = resolveEndpoints('chat', { socket: null, me: '/api/me/', heartbeat: undefined })
    expect(endpoints.socket).toBeNull()
    expect(endpoints.me).toBe('/api/me/')
    expect(endpoints.heartbeat).toBe('/api/chat/heartbeat/')
    expect(presets.chat.socket).toBe('/ws/chat/')
  })
})

describe('joinUrl', () => {
  it.each([
    ['http://localhost:8000', '/api/users/online/', 'http://localhost:8000/api/users/online/'],
    ['http://localhost:8000/', '/api/users/online/', 'http://localhost:8000/api/users/online/'],
    ['http://localhost:8000/api', '/api/users/online/', 'http://localhost:8000/api/users/online/'],
    ['http://localhost:8000/api/', '/api/users/online/', 'http://localhost:8000/api/users/online/'],
    ['http://api', '/api/users/online/', 'http://api/api/users/online/'],
    ['https://example.com/v2', '/api/x/', 'https://example.com/v2/api/x/'],
    ['http://localhost:8000', 'https://other.test/api/x/', 'https://other.test/api/x/'],
  ])('%s + %s', (base, path, url) => {
    expect(joinUrl(base, path)).toBe(url)
  })

  it('a relative base uses the page’s origin', () => {
    vi.stubGlobal('location', { origin: 'http://localhost:3000', href: 'http://localhost:3000/app' })
    expect(joinUrl('', '/api/x/')).toBe('http://localhost:3000/api/x/')
  })

  it('a relative base stays relative without a page (SSR)', () => {
    vi.stubGlobal('location', undefined)
    expect(joinUrl('/backend', '/api/x/')).toBe('/backend/api/x/')
  })
})

describe('socketUrl', () => {
  it('derives ws(s) from the API base and drops its path', () => {
    expect(socketUrl({ apiBaseUrl: 'http://localhost:8000/api' }, '/ws/user-status/')).toBe('ws://localhost:8000/ws/user-status/')
    expect(socketUrl({ apiBaseUrl: 'https://x.test' }, '/ws/chat/')).toBe('wss://x.test/ws/chat/')
  })

  it('a separate socket origin (seed 001’s Daphne on 8001) wins', () => {
    expect(socketUrl({ apiBaseUrl: 'http://localhost:8000', wsBaseUrl: 'ws://localhost:8001' }, '/ws/user-status/')).toBe(
      'ws://localhost:8001/ws/user-status/',
    )
  })

  it('null when nothing absolute can be made', () => {
    vi.stubGlobal('location', undefined)
    expect(socketUrl({ apiBaseUrl: '' }, '/ws/chat/')).toBeNull()
  })
})
