export * from './PresenceToaster'
