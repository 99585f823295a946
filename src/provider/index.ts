export { PresenceContext, usePresenceContext, type PresenceContextValue } from './PresenceContext'
export { UserStatusProvider, type UserStatusProviderProps } from './UserStatusProvider'
