import { en } from '../../i18n'
import type { Messages, PresenceStatus } from '../../index'
import { statusLabel } from '../OnlineStatusIndicator'

/**
 * A chat header's status line: "Online", "Away — lunch", "Do not disturb", "Last seen 5 minutes ago", "Offline".
 * The status message follows any status but offline (others never see an offline user's message); an offline user
 * reads as "Last seen …" when that is known, else "Offline". In `messages`' language (default English).
 *
 * @example
 * statusLine('away', 'lunch', null) // 'Away — lunch'
 * statusLine('offline', null, '5 minutes ago') // 'Last seen 5 minutes ago'
 * statusLine('offline', null, null) // 'Offline'
 */
export function statusLine(
  status: PresenceStatus,
  statusMessage: string | null,
  lastSeen: string | null,
  extra: { idle?: boolean; mobile?: boolean; until?: string } = {},
  messages: Messages = en,
): string {
  // A hidden last seen (contract 6.4) arrives as null: it reads as "Offline", never as "never".
  if (status === 'offline') return lastSeen ? messages.statusLine.lastSeen(lastSeen) : messages.status.offline
  const words = statusLabel(status, null, extra, messages.status)
  const message = statusMessage?.trim()
  if (!message) return words
  return messages.statusLine.withMessage(words, extra.until ? messages.statusLine.withUntil(message, extra.until) : message)
}
