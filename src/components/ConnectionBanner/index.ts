export * from './ConnectionBanner'
