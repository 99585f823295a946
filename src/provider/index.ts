export {
  PresenceContext,
  PresenceMessagesContext,
  usePresenceContext,
  type PresenceContextValue,
  type PresenceMessagesContextValue,
} from './PresenceContext'
export { UserStatusProvider, type UserStatusProviderProps } from './UserStatusProvider'
