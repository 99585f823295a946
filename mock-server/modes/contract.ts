import { MODES, CONTRACT_RULES } from '../core/types'
import { contractSocket } from './sockets'
import type { BackendMode } from './types'

/** The contract: the union of every design, reconciled (the default). */
export const contract: BackendMode = {
  name: 'contract',
  title: 'the presence contract: every route, both sockets, snapshot and changes',
  rules: CONTRACT_RULES,
  restExpires: true,
  modes: MODES,
  messages: true,
  socket: contractSocket,
  routes: 'all',
}
