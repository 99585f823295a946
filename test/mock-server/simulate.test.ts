import { afterEach, describe, expect, it, vi } from 'vitest'
import { MockBackend } from '../../mock-server/backend'
import { visibleStatus } from '../../mock-server/core/status'
import { BACKEND_NAMES } from '../../mock-server/modes'

afterEach(() => vi.useRealTimers())

describe('--simulate', () => {
  it('makes demo users come and go every few seconds, and leaves the demo logins alone', () => {
    vi.useFakeTimers()
    const backend = new MockBackend({ simulate: { intervalMs: 3000, seed: 7 } })
    const { presence } = backend
    const snapshot = () => new Map([...presence.users].map((u) => [u.username, visibleStatus(u, presence.clock.now(), presence.timing)]))
    const changes = new Set<string>()
    let previous = snapshot()
    for (let i = 0; i < 40; i++) {
      vi.advanceTimersByTime(3000)
      const next = snapshot()
      for (const [name, status] of next) if (previous.get(name) !== status) changes.add(name)
      previous = next
    }
    backend.dispose()
    expect(changes.size).toBeGreaterThanOrEqual(5)
    for (const reserved of ['ahmad', 'jane_smith', 'john_doe', 'admin']) expect(changes).not.toContain(reserved)
    const online = [...previous.values()].filter((s) => s !== 'offline').length
    expect(online).toBeGreaterThan(0)
    expect(online).toBeLessThan(previous.size)
  })

  it('never touches a user who has a socket open', () => {
    vi.useFakeTimers()
    const backend = new MockBackend({ simulate: { intervalMs: 1000, seed: 1 } })
    const maria = backend.presence.userByName('maria_garcia')!
    backend.presence.connect(maria.id, 1)
    const before = { mode: maria.mode, message: maria.statusMessage }
    vi.advanceTimersByTime(120_000)
    backend.dispose()
    expect({ mode: maria.mode, message: maria.statusMessage }).toEqual(before)
  })

  it('in every backend, uses only the statuses it has, and keeps the page alive (socket backends: connections held)', () => {
    for (const name of BACKEND_NAMES) {
      vi.useFakeTimers()
      const backend = new MockBackend({ backend: name, simulate: { intervalMs: 1000, seed: 3 } })
      const { presence } = backend
      const seen = new Map<string, Set<string>>()
      for (let i = 0; i < 60; i++) {
        vi.advanceTimersByTime(1000)
        for (const u of presence.users) {
          const status = visibleStatus(u, presence.clock.now(), presence.timing)
          if (!seen.has(u.username)) seen.set(u.username, new Set())
          seen.get(u.username)!.add(status)
        }
      }
      backend.dispose()
      vi.useRealTimers()
      const statuses = new Set([...seen.values()].flatMap((s) => [...s]))
      const allowed = new Set(backend.controlStatuses.filter((s) => s !== 'invisible'))
      for (const status of statuses) expect(allowed, `${name}: ${status}`).toContain(status)
      const cameAndWent = [...seen.values()].filter((s) => s.has('offline') && s.size > 1).length
      expect(cameAndWent, name).toBeGreaterThanOrEqual(3)
      if (!backend.mode.messages) expect([...presence.users].every((u) => u.statusMessage === null), name).toBe(true)
    }
  })

  it('a backend refuses, by name, a status it does not have', () => {
    const backend = new MockBackend({ backend: 'chat-polling' })
    expect(() => backend.applyPresence(2, 'away')).toThrow(/chat-polling.*online, offline/)
    backend.dispose()
  })
})
