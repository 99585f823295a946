import { afterEach, describe, expect, it, vi } from 'vitest'
import { backendPreset, joinUrl, presets, resolveEndpoints, socketUrl, type BackendPreset, type PresenceEndpoints } from '../../src/client'

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('presets', () => {
  it('contract: every endpoint of the contract, unchanged', () => {
    expect(presets.contract.endpoints).toEqual({
      onlineUsers: '/api/chat/online-users/',
      userDetails: '/api/chat/online-users/',
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
    expect(presets.contract).toMatchObject({ socketSends: 'snapshot', list: 'onlineUsers', heartbeatIntervalMs: 120_000, listIntervalMs: 10_000 })
  })

  // Each backend's defined paths, and nothing else: every other endpoint is null.
  const defined: Record<Exclude<BackendPreset, 'contract'>, Partial<PresenceEndpoints>> = {
    'chat-socket': { onlineUsers: '/api/chat/online-users/', userDetails: '/api/chat/online-users/', logout: '/api/auth/logout/', socket: '/ws/chat/' },
    'user-status-socket': { onlineUsers: '/api/users/online/', logout: '/api/auth/logout/', socket: '/ws/user-status/' },
    'chat-polling': {
      onlineUsers: '/api/chat/online-users/',
      heartbeat: '/api/chat/heartbeat/',
      markOffline: '/api/chat/mark-offline/',
      logout: '/api/auth/logout/',
    },
    'chat-list-activity': { conversations: '/api/chat/conversations/', logout: '/api/auth/logout/' },
    'users-heartbeat-admin': { onlineUsers: '/api/users/admin/users/online/', heartbeat: '/api/users/heartbeat/', logout: '/api/users/logout/' },
  }
  it.each(Object.entries(defined))('%s: its own paths, every other endpoint null', (name, paths) => {
    const { endpoints } = presets[name as BackendPreset]
    for (const key of Object.keys(presets.contract.endpoints) as Array<keyof PresenceEndpoints>) {
      expect([key, endpoints[key]]).toEqual([key, paths[key] ?? null])
    }
  })

  it('what each socket sends, and each backend’s intervals', () => {
    const summary = Object.fromEntries(
      Object.entries(presets).map(([name, p]) => [name, [p.socketSends, p.list, p.heartbeatIntervalMs, p.listIntervalMs, p.pingIntervalMs]]),
    )
    expect(summary).toEqual({
      contract: ['snapshot', 'onlineUsers', 120_000, 10_000, 30_000],
      'chat-socket': ['ids', 'onlineUsers', 120_000, 10_000, 0],
      'user-status-socket': ['changes', 'onlineUsers', 120_000, 30_000, 30_000],
      'chat-polling': ['snapshot', 'onlineUsers', 120_000, 10_000, 0],
      'chat-list-activity': ['snapshot', 'conversations', 120_000, 30_000, 0],
      'users-heartbeat-admin': ['snapshot', 'onlineUsers', 30_000, 30_000, 0],
    })
  })

  it('overrides replace paths, null switches off, undefined keeps', () => {
    const endpoints = resolveEndpoints('chat-polling', { markOffline: null, me: '/api/me/', heartbeat: undefined })
    expect(endpoints.markOffline).toBeNull()
    expect(endpoints.me).toBe('/api/me/')
    expect(endpoints.heartbeat).toBe('/api/chat/heartbeat/')
    expect(presets['chat-polling'].endpoints.markOffline).toBe('/api/chat/mark-offline/')
  })

  it('the removed 0.1 names and unknown names are a clear error', () => {
    expect(() => backendPreset('chat' as BackendPreset)).toThrow(/'chat' was split: use 'chat-socket'.*or 'chat-polling'/)
    expect(() => backendPreset('users' as BackendPreset)).toThrow(/'users' was split: use 'user-status-socket'.*or 'users-heartbeat-admin'/)
    expect(() => resolveEndpoints('nope' as BackendPreset)).toThrow(/unknown backend preset "nope"; expected one of 'contract', 'chat-socket'/)
    expect(() => backendPreset('toString' as BackendPreset)).toThrow(/unknown backend preset/)
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
