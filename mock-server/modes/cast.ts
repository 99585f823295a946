import type { Cast } from '../core/cast'
import { socketsOnly } from './common'
import type { BackendMode } from './types'

/**
 * The seeded cast as a backend can have it: modes it lacks become plain online, messages go where it has none.
 * Where online is an open socket, those who start online are returned apart (the backend holds a connection for
 * each) instead of being present through REST activity that backend would not count.
 */
export function castFor(mode: BackendMode, cast: Cast): { cast: Cast; seededOnline: number[] } {
  if (mode.routes === 'all') return { cast, seededOnline: [] }
  const throughSockets = socketsOnly(mode)
  const seededOnline = throughSockets ? cast.members.filter((m) => m.present).map((m) => m.id) : []
  const members = cast.members.map((m) => ({
    ...m,
    mode: mode.modes.includes(m.mode) ? m.mode : 'auto',
    statusMessage: mode.messages ? m.statusMessage : null,
    present: m.present && !throughSockets,
    // No backend design has last-seen privacy: everyone sees everyone's, as those designs do.
    lastSeenVisibility: 'everyone' as const,
  }))
  return { cast: { ...cast, members }, seededOnline }
}
