'use client'
import { useContext, useMemo } from 'react'
import { createFormat, mergeMessages, mergeStatusMessages, type Format, type Messages } from '../i18n'
import { PresenceMessagesContext } from '../provider/PresenceContext'

/**
 * What {@link usePresenceMessages} returns.
 *
 * @example
 * const { messages, format }: PresenceMessages = usePresenceMessages()
 */
export interface PresenceMessages {
  /** The provider's locale (canonical BCP 47); `'en'` outside a provider. */
  locale: string
  /** The provider's messages merged over English: every key is there. */
  messages: Messages
  /** `Intl` helpers for the locale, to hand to the message functions that take a count. */
  format: Format
}

/**
 * The words and the locale of the nearest `<UserStatusProvider>` (`locale` and `messages` props), for components
 * that show presence in the app's language: English outside a provider. Never throws.
 *
 * @example
 * import { usePresenceMessages } from 'presence-kit'
 *
 * function OnlineCount({ count }: { count: number }) {
 *   const { messages, format } = usePresenceMessages()
 *   return <span>{messages.onlineUsers.count(count, format)}</span>
 * }
 */
export function usePresenceMessages(): PresenceMessages {
  const { locale = 'en', messages } = useContext(PresenceMessagesContext)
  return useMemo(() => ({ locale, messages: mergeMessages(messages), format: createFormat(locale) }), [locale, messages])
}

/**
 * The status words alone (`messages.status` of {@link usePresenceMessages}), for the status dot: a dot on its own
 * ships these words, not the whole catalogue. For the kit's components; not a public entry of its own.
 *
 * @example
 * const words = useStatusMessages()
 * words.dnd // 'Do not disturb'
 */
export function useStatusMessages(): Messages['status'] {
  const { messages } = useContext(PresenceMessagesContext)
  const status = messages?.status
  return useMemo(() => mergeStatusMessages(status), [status])
}
