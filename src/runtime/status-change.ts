import type { ClientMessage, LastSeenVisibility, Presence, PresenceMode, PresenceStatus } from '../client'

/**
 * A change of the caller's own status: the mode, the status message (`null` clears it), or both.
 *
 * @example
 * const change: StatusChange = { mode: 'dnd', statusMessage: 'Focus time' }
 */
export interface StatusChange {
  mode?: PresenceMode
  statusMessage?: string | null
  /** When the message clears itself (epoch ms or a `Date`, in the future), or `null` for never (contract 6.3). */
  statusExpiresAt?: number | Date | null
  /** Who may see the caller's last seen (contract 6.4). */
  lastSeenVisibility?: LastSeenVisibility
}

const expiryMs = (at: number | Date | null): number | null => (at === null ? null : new Date(at).getTime())

/**
 * The socket's `status` frame for a change (the expiry as ISO 8601, as the contract sends times).
 *
 * @example
 * statusFrame({ statusMessage: 'Lunch', statusExpiresAt: 0 }) // { type: 'status', statusMessage: 'Lunch', statusExpiresAt: '1970-01-01T00:00:00.000Z' }
 */
export function statusFrame(change: StatusChange): ClientMessage {
  const { statusExpiresAt, ...rest } = change
  if (statusExpiresAt === undefined) return { type: 'status', ...rest }
  const ms = expiryMs(statusExpiresAt)
  return { type: 'status', ...rest, statusExpiresAt: ms === null ? null : new Date(ms).toISOString() }
}

/**
 * The status a connected caller sees of themself in a mode (contract §1: the caller sees `invisible` as it is).
 *
 * @example
 * statusOfMode('auto') // 'online'
 */
export function statusOfMode(mode: PresenceMode): PresenceStatus {
  switch (mode) {
    case 'auto':
      return 'online'
    case 'away':
    case 'dnd':
    case 'invisible':
      return mode
    default:
      return mode satisfies never
  }
}


/**
 * A status message as the contract stores it: trimmed, and a blank one is `null`.
 *
 * @example
 * normaliseStatusMessage('  lunch ') // 'lunch'
 * normaliseStatusMessage('   ')      // null
 */
export function normaliseStatusMessage(message: string | null): string | null {
  const trimmed = message?.trim()
  return trimmed ? trimmed : null
}

/**
 * Whether the caller's own record already shows a change (so there is nothing to send, and nothing would answer).
 *
 * @example
 * if (showsChange(me, { mode: 'away' })) return
 */
export function showsChange(self: Presence, change: StatusChange): boolean {
  if (change.mode !== undefined && self.status !== statusOfMode(change.mode)) return false
  if (change.statusMessage !== undefined && self.statusMessage !== normaliseStatusMessage(change.statusMessage)) return false
  if (change.statusExpiresAt !== undefined && (self.statusExpiresAt ?? null) !== expiryMs(change.statusExpiresAt)) return false
  return true
}
