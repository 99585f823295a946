// The public components, by name: what each folder's index adds for its siblings and tests (STATUS_LABELS,
// statusLabel, toastName, toastText) stays out of the public entry.
export { ActivityFeed, type ActivityFeedProps, type ActivityFeedState } from './ActivityFeed'
export { Avatar, type AvatarProps, type AvatarSize } from './Avatar'
export { ChatHeader, type ChatHeaderProps } from './ChatHeader'
export { ConnectionBanner, type ConnectionBannerProps } from './ConnectionBanner'
export { OnlineStatusIndicator, type IndicatorSize, type OnlineStatusIndicatorProps } from './OnlineStatusIndicator'
export { OnlineUsers, type OnlineUsersProps, type OnlineUsersState } from './OnlineUsers'
export { PresenceToaster, type PresenceToasterProps } from './PresenceToaster'
export { StatusPicker, type SavedStatus, type StatusPickerProps, type StatusPickerState } from './StatusPicker'
export { UsersList, type UsersListProps, type UsersListState } from './UsersList'
