export * from './Avatar'
export * from './OnlineStatusIndicator'
export * from './OnlineUsers'
