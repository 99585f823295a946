export { ConnectionBanner, type ConnectionBannerProps } from './ConnectionBanner'
