'use client'
import type { QueryClient } from '@tanstack/react-query'
import { createContext, useContext } from 'react'
import type { MessagesOverride } from '../i18n'
import type { PresenceRuntime } from '../runtime'

/**
 * What `<UserStatusProvider>` hands down: its runtime, and the QueryClient the presence queries use (the app's, or
 * the provider's own).
 *
 * @example
 * const value: PresenceContextValue = { runtime, queryClient, expecting: true }
 */
export interface PresenceContextValue {
  runtime: PresenceRuntime
  queryClient: QueryClient
  /**
   * Whether presence is on its way: the provider has a token (as of this render: the runtime only learns it in an
   * effect, after) and is not signed out or marked offline. Until the first list arrives, lists are "loading"
   * rather than "nobody online", on the server and in the first paint too.
   */
  expecting: boolean
}

/**
 * The context of `<UserStatusProvider>`; `null` outside it.
 *
 * @example
 * <PresenceContext.Provider value={{ runtime, queryClient, expecting: true }}>{children}</PresenceContext.Provider>
 */
export const PresenceContext = createContext<PresenceContextValue | null>(null)

/**
 * The provider's context, or a clear error naming the hook that was used outside it.
 *
 * @example
 * const { runtime } = usePresenceContext('useUserStatus')
 */
export function usePresenceContext(hookName: string): PresenceContextValue {
  const value = useContext(PresenceContext)
  if (!value) throw new Error(`${hookName} must be used inside <UserStatusProvider>`)
  return value
}

/**
 * The language `<UserStatusProvider>` hands down: its `locale` (canonical BCP 47) and `messages` (as given). Its own
 * context, so that a change of language re-renders the components that show words, not every presence hook.
 * Outside a provider: no locale (the environment's, for the time hooks) and English.
 *
 * @example
 * <PresenceMessagesContext.Provider value={{ locale: 'ar', messages: ar }}>{children}</PresenceMessagesContext.Provider>
 */
export interface PresenceMessagesContextValue {
  locale: string | undefined
  messages: MessagesOverride | undefined
}

/** The context of the provider's `locale` and `messages`. */
export const PresenceMessagesContext = createContext<PresenceMessagesContextValue>({ locale: undefined, messages: undefined })
