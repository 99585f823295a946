export * from './OnlineStatusIndicator'
