export * from './UsersList'
export { formatMessageTime, type MessageTimeOptions } from './format-time'
