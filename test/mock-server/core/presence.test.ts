import { describe, expect, it } from 'vitest'
import { SECOND, setup } from './harness'

describe('presence rules the seeds got wrong', () => {
  it('whole-duration elapsed: active one day and one second ago is offline', () => {
    const t = setup()
    t.presence.restActivity(1)
    expect(t.status(1)).toBe('online')
    t.clock.advance(86_401 * SECOND)
    // Before any timer fires the computed status is already offline: no `.seconds` arithmetic anywhere.
    expect(t.status(1)).toBe('offline')
    t.presence.evaluate()
    expect(t.othersEvents(1).at(-1)?.view).toMatchObject({ status: 'offline' })
  })

  it('one day and ten seconds is not "ten seconds": offline at TTL and still offline a day later', () => {
    const t = setup()
    t.presence.restActivity(1)
    t.wait(299)
    expect(t.status(1)).toBe('online')
    t.wait(1)
    expect(t.status(1)).toBe('offline')
    t.wait(86_400 - 300 + 10)
    expect(t.status(1)).toBe('offline')
  })

  it('TTL expiry is pushed as an event and logged at the moment it ran out, without anyone asking', () => {
    const t = setup()
    t.presence.restActivity(2)
    const start = t.clock.now()
    t.wait(1000)
    const offline = t.othersEvents(2).at(-1)!
    expect(offline).toMatchObject({ view: { status: 'offline' }, at: start + 300 * SECOND })
    expect(t.presence.activity.newest(1)[0]).toEqual({ userId: 2, event: 'offline', at: start + 300 * SECOND })
  })

  it('after an expiry, the next wake-up asked for is the next real deadline, never a moment already past', () => {
    const t = setup()
    const start = t.clock.now()
    t.presence.restActivity(1) // presence until start + 300 s
    t.wait(100)
    t.presence.restActivity(2) // until start + 400 s
    const c = t.presence.connect(3, 1)
    t.wait(50)
    t.presence.disconnect(c) // grace until start + 152 s
    expect(t.scheduled).toBe(start + 152 * SECOND)
    t.wait(2) // the grace period runs out
    expect(t.status(3)).toBe('offline')
    expect(t.scheduled).toBe(start + 300 * SECOND)
    t.wait(148) // user 1's TTL runs out at its deadline, as the transport's timer would make it
    expect(t.status(1)).toBe('offline')
    expect(t.scheduled).toBe(start + 400 * SECOND)
    t.wait(100)
    expect(t.status(2)).toBe('offline')
    expect(t.scheduled).toBeNull()
    // Nothing was ever asked for a moment that had already passed when it was asked.
    expect(t.wakeUps.filter(({ at, askedAt }) => at !== null && at <= askedAt)).toEqual([])
  })

  it('two tabs, one closed: the user stays online and nothing is announced', () => {
    const t = setup()
    const a = t.presence.connect(3, 1)
    const b = t.presence.connect(3, 1)
    const before = t.events.length
    t.presence.disconnect(a)
    t.wait(10)
    expect(t.status(3)).toBe('online')
    expect(t.events.length).toBe(before)
    t.presence.disconnect(b)
    expect(t.status(3)).toBe('online')
    t.wait(2)
    expect(t.status(3)).toBe('offline')
  })

  it('grace then offline: offline only once the grace period has passed', () => {
    const t = setup({ grace: 2 })
    const c = t.presence.connect(3, 1)
    const closedAt = t.clock.now()
    t.presence.disconnect(c)
    t.wait(1.999)
    expect(t.status(3)).toBe('online')
    t.wait(0.001)
    expect(t.status(3)).toBe('offline')
    expect(t.othersEvents(3).at(-1)).toMatchObject({ at: closedAt + 2 * SECOND, view: { status: 'offline' } })
  })

  it('a new connection within the grace period cancels it and sends no event (a reload does not flicker)', () => {
    const t = setup()
    const c = t.presence.connect(3, 1)
    t.presence.disconnect(c)
    const before = t.events.length
    t.wait(1)
    t.presence.connect(3, 1)
    t.wait(5)
    expect(t.events.length).toBe(before)
    expect(t.status(3)).toBe('online')
  })

  it('offline waits for the TTL too: recently active over REST outlasts the grace period', () => {
    const t = setup()
    t.presence.restActivity(3)
    const c = t.presence.connect(3, 1)
    t.presence.disconnect(c)
    t.wait(10)
    expect(t.status(3)).toBe('online')
    t.wait(290)
    expect(t.status(3)).toBe('offline')
  })

  it('logout on one device does not mark offline a user still connected on another (deepstream 491)', () => {
    const t = setup()
    t.presence.connect(3, 1)
    const phone = t.presence.connect(3, 2)
    t.presence.logout(3, 1)
    expect(t.status(3)).toBe('online')
    expect(t.events.find((e) => e.type === 'disconnect')).toMatchObject({ code: 4401 })
    t.presence.logout(3, 2)
    // No grace period after a logout: peers see it at once.
    expect(t.status(3)).toBe('offline')
    expect(t.presence.connectionsOf(2)).not.toContain(phone)
  })

  it('mark-offline ends REST presence and grace at once, but an open socket keeps the user online', () => {
    const t = setup()
    t.presence.restActivity(3)
    const c = t.presence.connect(3, 1)
    t.presence.markOffline(3)
    expect(t.status(3)).toBe('online')
    t.presence.disconnect(c)
    t.presence.markOffline(3)
    expect(t.status(3)).toBe('offline')
  })

  it('a ping-style sign of life updates last seen but is not REST presence', () => {
    const t = setup()
    t.presence.restActivity(1)
    t.wait(100)
    t.presence.touch(1)
    expect(t.own(1).lastSeen).toBe(t.clock.now())
    t.wait(200)
    expect(t.status(1)).toBe('offline')
  })
})

describe('modes and what others see', () => {
  it('away and dnd are shown; the status message travels with them', () => {
    const t = setup()
    t.presence.restActivity(1)
    t.presence.setStatus(1, { mode: 'dnd', statusMessage: 'focus' })
    expect(t.othersEvents(1).at(-1)?.view).toMatchObject({ status: 'dnd', statusMessage: 'focus' })
    t.presence.setStatus(1, { mode: 'away' })
    expect(t.status(1)).toBe('away')
  })

  it('invisible: announced to others as offline once, message and activity hidden, last seen frozen', () => {
    const t = setup()
    t.presence.restActivity(1)
    const frozen = t.clock.now()
    t.presence.setStatus(1, { statusMessage: 'hello' })
    t.wait(5)
    t.presence.setStatus(1, { mode: 'invisible' })
    const goingInvisible = t.othersEvents(1).at(-1)!
    expect(goingInvisible.view).toEqual({ status: 'offline', statusMessage: null, statusExpiresAt: null, lastSeen: frozen, idle: false, devices: [] })
    const count = t.othersEvents(1).length
    const log = t.presence.activity.newest(100).length
    t.wait(30)
    t.presence.restActivity(1)
    t.presence.setStatus(1, { statusMessage: 'secret' })
    t.presence.touch(1)
    const c = t.presence.connect(1, 1)
    t.presence.disconnect(c)
    t.wait(600)
    expect(t.othersEvents(1).length).toBe(count)
    expect(t.presence.activity.newest(100).length).toBe(log)
    // The user's own view is the truth.
    t.presence.restActivity(1)
    expect(t.own(1)).toMatchObject({ status: 'invisible', statusMessage: 'secret' })
    expect(t.events.filter((e) => e.type === 'status' && e.userId === 1 && e.audience === 'self').at(-1)?.view).toMatchObject({
      status: 'invisible',
    })
  })

  it('leaving invisible announces the real status and unfreezes last seen', () => {
    const t = setup()
    t.presence.restActivity(1)
    t.presence.setStatus(1, { mode: 'invisible' })
    t.wait(20)
    t.presence.restActivity(1)
    t.presence.setStatus(1, { mode: 'auto' })
    expect(t.othersEvents(1).at(-1)?.view).toEqual({
      status: 'online',
      statusMessage: null,
      statusExpiresAt: null,
      lastSeen: t.clock.now(),
      idle: false,
      devices: [],
    })
    expect(t.presence.activity.newest(1)[0]).toMatchObject({ userId: 1, event: 'online' })
  })

  it('a message change alone is announced but not logged; a last-seen change alone is not announced', () => {
    const t = setup()
    t.presence.restActivity(1)
    const log = t.presence.activity.newest(100).length
    const count = t.othersEvents(1).length
    t.presence.setStatus(1, { statusMessage: 'lunch' })
    expect(t.othersEvents(1).length).toBe(count + 1)
    expect(t.presence.activity.newest(100).length).toBe(log)
    t.wait(1)
    t.presence.restActivity(1)
    expect(t.othersEvents(1).length).toBe(count + 1)
  })

  it('events after a clock jump come in the order they happened', () => {
    const t = setup()
    t.presence.restActivity(2)
    t.wait(100)
    t.presence.restActivity(1)
    t.wait(10)
    const c = t.presence.connect(3, 1)
    t.presence.disconnect(c)
    t.wait(10_000)
    const offline = t.events.filter((e) => e.type === 'status' && e.audience === 'others').slice(-3)
    expect(offline.map((e) => (e.type === 'status' ? e.userId : 0))).toEqual([3, 2, 1])
    expect(offline.map((e) => (e.type === 'status' ? e.at : 0))).toEqual([...offline.map((e) => (e.type === 'status' ? e.at : 0))].sort())
  })

  it('reset closes every connection with 4401 and reseeds', () => {
    const t = setup()
    t.presence.connect(1, 1)
    t.presence.setStatus(1, { mode: 'dnd' })
    t.presence.reset()
    expect(t.events.at(-1)).toMatchObject({ type: 'disconnect', code: 4401 })
    expect(t.presence.user(1)).toMatchObject({ mode: 'auto', connections: new Map() })
  })
})
