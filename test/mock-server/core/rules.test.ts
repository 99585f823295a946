import { describe, expect, it } from 'vitest'
import { CAST } from '../../../mock-server/core/cast'
import { MockClock } from '../../../mock-server/core/clock'
import { Presence } from '../../../mock-server/core/presence'
import { othersView } from '../../../mock-server/core/status'
import { CONTRACT_RULES, type PresenceRules, type RestSign } from '../../../mock-server/core/types'
import { SECOND, setup } from './harness'

const rules = (signs: RestSign[], extra: Partial<PresenceRules> = {}): PresenceRules => ({
  ...CONTRACT_RULES,
  restSigns: new Set(signs),
  ...extra,
})

describe('the signs of life a backend counts (the rules given to the core)', () => {
  it('the contract counts every REST sign: login, request and heartbeat each keep a user online for the TTL', () => {
    for (const sign of ['login', 'request', 'heartbeat'] as const) {
      const t = setup()
      t.presence.sign(1, sign)
      expect(t.status(1)).toBe('online')
      t.wait(300)
      expect(t.status(1)).toBe('offline')
    }
  })

  it('a sign the rules do not count changes nothing: not the status, not the last activity, no event', () => {
    const t = setup({ rules: rules(['heartbeat']) })
    const before = t.own(1).lastSeen
    t.presence.sign(1, 'request')
    t.presence.sign(1, 'login')
    expect(t.status(1)).toBe('offline')
    expect(t.own(1).lastSeen).toBe(before)
    expect(t.events).toEqual([])
    t.presence.sign(1, 'heartbeat')
    expect(t.status(1)).toBe('online')
  })

  it('with no REST sign at all, only a connection makes a user present (plus the grace period)', () => {
    const t = setup({ rules: rules([]) })
    for (const sign of ['login', 'request', 'heartbeat'] as const) t.presence.sign(1, sign)
    expect(t.status(1)).toBe('offline')
    const connection = t.presence.connect(1, 1)
    expect(t.status(1)).toBe('online')
    t.presence.disconnect(connection)
    t.wait(1)
    expect(t.status(1)).toBe('online')
    t.wait(1)
    expect(t.status(1)).toBe('offline')
  })

  it('an infinite TTL never runs out and schedules nothing; mark-offline still ends it', () => {
    const clock = new MockClock(() => Date.UTC(2026, 0, 28))
    const scheduled: Array<number | null> = []
    const presence = new Presence({
      clock,
      timing: { ttlMs: Infinity, graceMs: 2 * SECOND },
      rules: rules(['request']),
      cast: CAST.slice(0, 3),
      schedule: (at) => scheduled.push(at),
    })
    const status = () => othersView(presence.user(1)!, clock.now(), presence.timing).status
    presence.sign(1, 'request')
    clock.advance(365 * 86_400 * SECOND)
    presence.evaluate()
    expect(status()).toBe('online')
    expect(scheduled.every((at) => at === null)).toBe(true)
    presence.markOffline(1)
    expect(status()).toBe('offline')
  })

  it('signEndsAway: a counted sign sets an away user back to online; without it the chosen away stays', () => {
    const ends = setup({ rules: rules(['request'], { signEndsAway: true }) })
    ends.presence.setStatus(1, { mode: 'away' })
    ends.presence.restActivity(1)
    expect(ends.status(1)).toBe('away')
    ends.presence.sign(1, 'request')
    expect(ends.status(1)).toBe('online')
    const stays = setup()
    stays.presence.setStatus(1, { mode: 'away' })
    stays.presence.sign(1, 'request')
    expect(stays.status(1)).toBe('away')
  })

  it('logoutEndsPresence false: logout closes the session\'s sockets but the REST presence runs its TTL', () => {
    const t = setup({ rules: rules(['request'], { logoutEndsPresence: false }) })
    t.presence.sign(1, 'request')
    const connection = t.presence.connect(1, 7)
    t.presence.logout(1, 7)
    expect(t.events.filter((e) => e.type === 'disconnect')).toEqual([expect.objectContaining({ connectionIds: [connection], code: 4401 })])
    expect(t.status(1)).toBe('online')
    t.clock.advance(300 * SECOND)
    expect(t.status(1)).toBe('offline')
    const ends = setup()
    ends.presence.sign(1, 'request')
    ends.presence.logout(1, 7)
    expect(ends.status(1)).toBe('offline')
  })
})
