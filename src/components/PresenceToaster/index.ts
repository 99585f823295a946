// toastName and toastText are for the tests, not the public entry.
export { PresenceToaster, toastName, toastText, type PresenceToasterProps } from './PresenceToaster'
