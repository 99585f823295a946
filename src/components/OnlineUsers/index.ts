export { OnlineUsers, type OnlineUsersProps, type OnlineUsersState } from './OnlineUsers'
