export * from './ActivityFeed'
export { ACTIVITY_WORDS, describeActivity } from './wording'
