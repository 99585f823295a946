// Where these have always been imported from; they are defined beside the store that holds them.
export { RuntimeLifecycle, Transport } from '../store'
