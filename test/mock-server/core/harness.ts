import { MockClock } from '../../../mock-server/core/clock'
import { Presence } from '../../../mock-server/core/presence'
import { othersView, ownView } from '../../../mock-server/core/status'
import type { CastMember } from '../../../mock-server/core/cast'
import type { PresenceEvent, PresenceRules } from '../../../mock-server/core/types'

export const SECOND = 1000

const member = (id: number, username: string, extra: Partial<CastMember> = {}): CastMember => ({
  id,
  username,
  isAdmin: false,
  mode: 'auto',
  statusMessage: null,
  lastActiveAgo: null,
  present: false,
  ...extra,
})

/** A small cast with a hand-moved clock: every rule test starts from the same known state. */
export function setup(options: { ttl?: number; grace?: number; cast?: CastMember[]; rules?: PresenceRules } = {}) {
  let wall = Date.UTC(2026, 0, 28, 14, 0, 0)
  const clock = new MockClock(() => wall)
  const events: Array<PresenceEvent & { view?: unknown }> = []
  /** Every wake-up the rules asked the transport for (what `schedule` was told), with when it was asked. */
  const wakeUps: Array<{ at: number | null; askedAt: number }> = []
  const presence = new Presence({
    clock,
    timing: { ttlMs: (options.ttl ?? 300) * SECOND, graceMs: (options.grace ?? 2) * SECOND },
    cast: options.cast ?? [member(1, 'ahmad'), member(2, 'jane_smith'), member(3, 'john_doe'), member(4, 'admin', { isAdmin: true })],
    friendships: [[1, 2]],
    rules: options.rules,
    onEvent: (event) => {
      if (event.type === 'status') {
        const user = presence.user(event.userId)!
        const view = (event.audience === 'self' ? ownView : othersView)(user, clock.now(), presence.timing)
        events.push({ ...event, view })
      } else events.push(event)
    },
    schedule: (at) => wakeUps.push({ at, askedAt: clock.now() }),
  })
  return {
    clock,
    presence,
    events,
    wakeUps,
    /** The wake-up the transport is armed for now: the last one it was told of. */
    get scheduled(): number | null {
      return wakeUps.at(-1)?.at ?? null
    },
    /** Wall time passes without anyone calling in: as if the server's timer fired at the end. */
    wait(seconds: number) {
      wall += seconds * SECOND
      presence.evaluate()
    },
    status: (id: number) => othersView(presence.user(id)!, clock.now(), presence.timing).status,
    own: (id: number) => ownView(presence.user(id)!, clock.now(), presence.timing),
    othersEvents: (id: number) => events.filter((e) => e.type === 'status' && e.userId === id && e.audience === 'others'),
    member,
  }
}
