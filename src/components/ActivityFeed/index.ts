export * from './ActivityFeed'
