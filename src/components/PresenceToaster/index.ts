export * from './PresenceToaster'
export { useDismissTimer } from './use-dismiss-timer'
