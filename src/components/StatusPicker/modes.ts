import type { PresenceMode, PresenceStatus } from '../../index'

/**
 * One choice of the status picker: a mode and the dot it shows. Its name is the status label of `status`, and what
 * it means for others is `statusPicker.modes[mode]`, both from the messages catalogue.
 */
export interface ModeOption {
  mode: PresenceMode
  /** The status dot shown beside it (the shape the user's own avatar gets). */
  status: PresenceStatus
}

/** The four modes of the contract, in the picker's order. */
export const MODE_OPTIONS: readonly ModeOption[] = [
  { mode: 'auto', status: 'online' },
  { mode: 'away', status: 'away' },
  { mode: 'dnd', status: 'dnd' },
  { mode: 'invisible', status: 'invisible' },
]
