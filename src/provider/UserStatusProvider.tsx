'use client'
import { QueryClient, QueryClientContext } from '@tanstack/react-query'
import { useContext, useEffect, useEffectEvent, useMemo, useState, type ReactNode } from 'react'
import { useStore } from 'zustand'
import { readToken, type PresenceEndpoints } from '../client'
import { resolveLocale, type MessagesOverride } from '../i18n'
import { PresenceRuntime, type PresenceRuntimeOptions, type ResolveUsers } from '../runtime'
import { PresenceContext, PresenceMessagesContext, type PresenceContextValue, type PresenceMessagesContextValue } from './PresenceContext'

/** The runtime options the provider takes as props; the rest go through `runtimeOptions`. */
type ConnectionProps = Pick<
  PresenceRuntimeOptions,
  | 'apiBaseUrl'
  | 'wsUrl'
  | 'backend'
  | 'endpoints'
  | 'heartbeatIntervalMs'
  | 'pollIntervalMs'
  | 'userId'
  | 'resolveUsers'
  | 'WebSocket'
  | 'fetch'
  | 'idleAfterMs'
  | 'device'
>

// Holds the resolver of the last committed render; the runtime calls it long after render, never during one.
class LatestResolver {
  #current: ResolveUsers | undefined
  set(resolveUsers: ResolveUsers | undefined): void {
    this.#current = resolveUsers
  }
  resolve: ResolveUsers = (ids) => (this.#current ? this.#current(ids) : Promise.resolve([]))
}

/**
 * Props of {@link UserStatusProvider}.
 *
 * @example
 * const props: UserStatusProviderProps = { token: auth.accessToken, apiBaseUrl: 'http://localhost:8000' }
 */
export interface UserStatusProviderProps extends ConnectionProps {
  /**
   * The access token: a string, `null` (signed out: nothing runs, the store is empty), or a function returning
   * either, at once or as a promise. A function is read again before every request and connection attempt, so a
   * refreshed token is picked up; the provider reconnects only when the token's value changes.
   */
  token: string | null | (() => string | null | Promise<string | null>)
  /**
   * Called when the token is refused: a REST 401 or a 4401 close of the socket; once per token. Hand a refreshed
   * token down through `token` and the provider reconnects.
   */
  onAuthError?: (error: unknown) => void
  /** The QueryClient for the presence queries. Default: the app's (a `QueryClientProvider` above), else its own. */
  queryClient?: QueryClient
  /** Fine-tuning of the runtime (socket backoff and ping, fallback thresholds, heartbeat election); read on mount. */
  runtimeOptions?: Omit<PresenceRuntimeOptions, keyof ConnectionProps>
  /**
   * The BCP 47 locale the components format for: numbers, plurals, relative times ("2 hours ago") and dates, through
   * `Intl`. It picks no words: those are `messages`. Default `'en'`.
   */
  locale?: string
  /**
   * The components' words: a shipped language (`import { ar } from 'presence-kit'`) or any part of a catalogue,
   * merged over English at any depth. Pass a constant (a new object each render re-renders every component that
   * shows words). Default: English.
   */
  messages?: MessagesOverride
  children?: ReactNode
}

/**
 * Keeps the signed-in user's presence live for everything below it: connects the WebSocket (or polls when there is
 * none), sends the heartbeat (one per user per browser, however many tabs), fills the presence store that the hooks
 * read, and learns who "self" is from `/api/users/me/` (or `userId`, for a backend without it). Put it inside the app's auth provider and
 * hand it the token: when the token becomes `null` it closes everything and clears the store; a new token makes
 * exactly one new socket. Uses the app's QueryClient when there is one above it, else its own. Renders nothing of
 * its own, opens nothing during render, and touches no browser global on the server.
 *
 * @example
 * export default function RootLayout({ children }: { children: React.ReactNode }) {
 *   return (
 *     <AuthProvider>
 *       <AuthedPresence>{children}</AuthedPresence>
 *     </AuthProvider>
 *   )
 * }
 *
 * function AuthedPresence({ children }: { children: React.ReactNode }) {
 *   const auth = useAuth()
 *   return (
 *     <UserStatusProvider token={auth.accessToken} apiBaseUrl="http://localhost:8000" onAuthError={() => auth.refresh()}>
 *       {children}
 *     </UserStatusProvider>
 *   )
 * }
 */
export function UserStatusProvider(props: UserStatusProviderProps) {
  const { token, apiBaseUrl, wsUrl, backend, endpoints, heartbeatIntervalMs, pollIntervalMs, userId, WebSocket, fetch, idleAfterMs, device } = props
  // The latest resolver behind one stable function: an inline `resolveUsers` must not make a new runtime.
  const [resolver] = useState(() => new LatestResolver())
  useEffect(() => resolver.set(props.resolveUsers))
  const hasResolver = props.resolveUsers !== undefined
  const appQueryClient = useContext(QueryClientContext)
  // Made only when neither the props nor the app give one; a QueryClient touches no browser global until mounted.
  const needsOwnQueryClient = !props.queryClient && !appQueryClient
  const ownQueryClient = useMemo(() => (needsOwnQueryClient ? new QueryClient() : null), [needsOwnQueryClient])
  const queryClient = (props.queryClient ?? appQueryClient ?? ownQueryClient)!
  const [runtimeOptions] = useState(props.runtimeOptions)

  // A new runtime when the backend's configuration changes. Constructing one opens nothing (safe during render).
  const endpointsKey = JSON.stringify(endpoints ?? {})
  const runtime = useMemo(
    () =>
      new PresenceRuntime({
        ...runtimeOptions,
        apiBaseUrl,
        wsUrl,
        backend,
        endpoints: JSON.parse(endpointsKey) as Partial<PresenceEndpoints>,
        heartbeatIntervalMs,
        pollIntervalMs,
        userId,
        resolveUsers: hasResolver ? resolver.resolve : undefined,
        WebSocket,
        fetch,
        idleAfterMs,
        device,
      }),
    [
      runtimeOptions,
      apiBaseUrl,
      wsUrl,
      backend,
      endpointsKey,
      heartbeatIntervalMs,
      pollIntervalMs,
      userId,
      hasResolver,
      resolver,
      WebSocket,
      fetch,
      idleAfterMs,
      device,
    ],
  )

  const reportAuthError = useEffectEvent((error: unknown) => props.onAuthError?.(error))
  useEffect(() => runtime.subscribe((event) => event.type === 'auth-error' && reportAuthError(event.error)), [runtime])

  // Declared before the token effect: under StrictMode its cleanup (stop) runs before the token effect runs again.
  useEffect(() => () => runtime.stop(), [runtime])

  // Which token source this runtime found to be none: the provider's to know (for `expecting`), not the runtime's.
  const [noneFor, setNoneFor] = useState<{ runtime: PresenceRuntime; token: UserStatusProviderProps['token'] } | null>(null)
  useEffect(() => {
    let cancelled = false
    const apply = (value: string | null) => {
      if (cancelled) return
      if (value === null) {
        runtime.stop()
        setNoneFor({ runtime, token })
      } else {
        runtime.start(token, value)
      }
    }
    let value: string | null | Promise<string | null>
    try {
      value = readToken(token)
    } catch {
      value = null
    }
    if (value instanceof Promise) value.then(apply, () => apply(null))
    else apply(value)
    return () => {
      cancelled = true
    }
  }, [runtime, token])

  useEffect(() => {
    if (!ownQueryClient) return
    ownQueryClient.mount()
    return () => ownQueryClient.unmount()
  }, [ownQueryClient])

  // A token given in this render means "loading" until the first list, even before the effect has started the
  // runtime (and on the server), unless the runtime already found this very token source to be none.
  const lifecycle = useStore(runtime.store, (state) => state.lifecycle)
  const foundNone = noneFor !== null && noneFor.runtime === runtime && Object.is(noneFor.token, token)
  const expecting = token !== null && token !== '' && (lifecycle === 'running' || (lifecycle === 'stopped' && !foundNone))
  const value = useMemo<PresenceContextValue>(() => ({ runtime, queryClient, expecting }), [runtime, queryClient, expecting])
  const locale = resolveLocale(props.locale)
  const { messages } = props
  const language = useMemo<PresenceMessagesContextValue>(() => ({ locale, messages }), [locale, messages])
  return (
    <PresenceContext.Provider value={value}>
      <PresenceMessagesContext.Provider value={language}>{props.children}</PresenceMessagesContext.Provider>
    </PresenceContext.Provider>
  )
}
