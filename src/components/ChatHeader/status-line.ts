import type { PresenceStatus } from '../../index'
import { STATUS_LABELS } from '../OnlineStatusIndicator'

/**
 * A chat header's status line: "Online", "Away — lunch", "Do not disturb", "Last seen 5 minutes ago", "Offline".
 * The status message follows any status but offline (others never see an offline user's message); an offline user
 * reads as "Last seen …" when that is known, else "Offline".
 *
 * @example
 * statusLine('away', 'lunch', null) // 'Away — lunch'
 * statusLine('offline', null, '5 minutes ago') // 'Last seen 5 minutes ago'
 * statusLine('offline', null, null) // 'Offline'
 */
export function statusLine(status: PresenceStatus, statusMessage: string | null, lastSeen: string | null): string {
  if (status === 'offline') return lastSeen ? `Last seen ${lastSeen}` : STATUS_LABELS.offline
  const message = statusMessage?.trim()
  return message ? `${STATUS_LABELS[status]} — ${message}` : STATUS_LABELS[status]
}
