export * from './ConnectionBanner'
export { bannerState, bannerText, secondsUntil, type BannerInput, type BannerState } from './banner-state'
