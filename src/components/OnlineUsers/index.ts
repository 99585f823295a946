export * from './OnlineUsers'
