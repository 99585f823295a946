/**
 * The English status labels, as a status dot names itself: a module of its own, so that a dot alone ships these
 * words, not the whole catalogue (`en.status` is this object).
 *
 * @example
 * enStatus.idle(enStatus.away) // 'Away (idle)'
 */
export const enStatus = {
  online: 'Online',
  away: 'Away',
  dnd: 'Do not disturb',
  offline: 'Offline',
  invisible: 'Invisible',
  /** An away the user did not choose (they left the keyboard). */
  idle: (label: string) => `${label} (idle)`,
  /** A user on a phone only. */
  mobile: (label: string) => `${label}, on mobile`,
  /** The indicator's name for an offline user whose last seen is known; `ago` is a relative time. */
  offlineLastSeen: (ago: string) => `Offline, last seen ${ago}`,
}
