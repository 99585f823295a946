// presence-kit: the provider, the hooks, and the client types an app needs. Importing it touches no browser
// global; the hook and provider modules carry 'use client' for the Next.js App Router.
export { UserStatusProvider, type UserStatusProviderProps } from './provider'
export * from './hooks'
export {
  BackendPreset,
  ConnectionState,
  isAuthError,
  isMissingEndpoint,
  isPresenceApiError,
  PresenceApiError,
  PresenceMode,
  PresenceStatus,
  presets,
  type ActivityEntry,
  type ActivityEvent,
  type CloseInfo,
  type Conversation,
  type Presence,
  type PresenceBackend,
  type PresenceEndpoints,
  type SocketSends,
  type TokenSource,
  type WebSocketConstructorLike,
} from './client'
export {
  HeartbeatState,
  PresenceRuntime,
  RuntimeLifecycle,
  Transport,
  type PresenceRuntimeOptions,
  type ResolvedUser,
  type ResolveUsers,
  type RuntimeEvent,
  type StatusChange,
} from './runtime'
export * from './components'
