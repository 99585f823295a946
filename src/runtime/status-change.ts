import type { Presence, PresenceMode, PresenceStatus } from '../client'

/**
 * A change of the caller's own status: the mode, the status message (`null` clears it), or both.
 *
 * @example
 * const change: StatusChange = { mode: 'dnd', statusMessage: 'Focus time' }
 */
export interface StatusChange {
  mode?: PresenceMode
  statusMessage?: string | null
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
 * The mode that the caller's own status shows; `null` for `offline`, which any mode can be while disconnected.
 *
 * @example
 * modeOfStatus('away') // 'away'
 */
export function modeOfStatus(status: PresenceStatus): PresenceMode | null {
  switch (status) {
    case 'online':
      return 'auto'
    case 'away':
    case 'dnd':
    case 'invisible':
      return status
    case 'offline':
      return null
    default:
      return status satisfies never
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
  return true
}
