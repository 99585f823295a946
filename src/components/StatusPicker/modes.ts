import type { PresenceMode, PresenceStatus } from '../../index'

/** One choice of the status picker: a mode, its name, the dot it shows and what it means for others. */
export interface ModeOption {
  mode: PresenceMode
  label: string
  /** The status dot shown beside it (the shape the user's own avatar gets). */
  status: PresenceStatus
  /** One line on what others see. */
  description: string
}

/** The four modes of the contract, in the picker's order. */
export const MODE_OPTIONS: readonly ModeOption[] = [
  { mode: 'auto', label: 'Online', status: 'online', description: 'Shown as online while you are active' },
  { mode: 'away', label: 'Away', status: 'away', description: 'Others see that you are away' },
  { mode: 'dnd', label: 'Do not disturb', status: 'dnd', description: 'Others see that you are busy' },
  { mode: 'invisible', label: 'Invisible', status: 'invisible', description: 'You appear offline to others' },
]
