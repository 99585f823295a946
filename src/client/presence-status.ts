/**
 * A user's status as the viewer sees it. `invisible` is only ever seen by the user themself (contract §1);
 * everyone else sees an invisible user as `offline`.
 *
 * @example
 * import { PresenceStatus } from 'presence-kit'
 * const dot = user.status === PresenceStatus.Dnd ? 'red' : 'green'
 */
export const PresenceStatus = {
  Online: 'online',
  Away: 'away',
  Dnd: 'dnd',
  Offline: 'offline',
  Invisible: 'invisible',
} as const

/**
 * One of the {@link PresenceStatus} values.
 *
 * @example
 * const isBusy = (status: PresenceStatus) => status === 'dnd'
 */
export type PresenceStatus = (typeof PresenceStatus)[keyof typeof PresenceStatus]

/**
 * What a user chose for themself (contract §1): `auto` lets presence decide between online and offline.
 *
 * @example
 * import { PresenceMode } from 'presence-kit'
 * await rest.setStatus({ mode: PresenceMode.Away })
 */
export const PresenceMode = {
  Auto: 'auto',
  Away: 'away',
  Dnd: 'dnd',
  Invisible: 'invisible',
} as const

/**
 * One of the {@link PresenceMode} values.
 *
 * @example
 * const modes: PresenceMode[] = ['auto', 'away', 'dnd', 'invisible']
 */
export type PresenceMode = (typeof PresenceMode)[keyof typeof PresenceMode]

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

const STATUSES = new Set<string>(Object.values(PresenceStatus))
const MODES = new Set<string>(Object.values(PresenceMode))

/**
 * Reads a status as backends spell it (any case, surrounding blanks); anything else is `null`.
 *
 * @example
 * toPresenceStatus(' Away ') // 'away'
 * toPresenceStatus('busy')   // null
 */
export function toPresenceStatus(value: unknown): PresenceStatus | null {
  if (typeof value !== 'string') return null
  const status = value.trim().toLowerCase()
  return STATUSES.has(status) ? (status as PresenceStatus) : null
}

/**
 * Reads a mode; anything else is `null`.
 *
 * @example
 * toPresenceMode('DND') // 'dnd'
 */
export function toPresenceMode(value: unknown): PresenceMode | null {
  if (typeof value !== 'string') return null
  const mode = value.trim().toLowerCase()
  return MODES.has(mode) ? (mode as PresenceMode) : null
}

/**
 * Who may see a user's last seen (contract 6.4, WhatsApp's choice).
 *
 * @example
 * import { LastSeenVisibility } from 'presence-kit'
 * await rest.setStatus({ lastSeenVisibility: LastSeenVisibility.Friends })
 */
export const LastSeenVisibility = {
  Everyone: 'everyone',
  Friends: 'friends',
  Nobody: 'nobody',
} as const

/**
 * One of the {@link LastSeenVisibility} values.
 *
 * @example
 * const choices: LastSeenVisibility[] = ['everyone', 'friends', 'nobody']
 */
export type LastSeenVisibility = (typeof LastSeenVisibility)[keyof typeof LastSeenVisibility]

const VISIBILITIES = new Set<string>(Object.values(LastSeenVisibility))

/**
 * Reads a last-seen visibility; anything else is `null`.
 *
 * @example
 * toLastSeenVisibility('friends') // 'friends'
 */
export function toLastSeenVisibility(value: unknown): LastSeenVisibility | null {
  return typeof value === 'string' && VISIBILITIES.has(value) ? (value as LastSeenVisibility) : null
}
