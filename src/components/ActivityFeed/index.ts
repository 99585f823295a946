export { ActivityFeed, type ActivityFeedProps, type ActivityFeedState } from './ActivityFeed'
