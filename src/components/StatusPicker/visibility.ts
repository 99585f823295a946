import type { LastSeenVisibility } from '../../index'

/** The choices of "Who can see your last seen" (contract 6.4), in the picker's order. */
export const VISIBILITY_OPTIONS: ReadonlyArray<{ value: LastSeenVisibility; label: string }> = [
  { value: 'everyone', label: 'Everyone' },
  { value: 'friends', label: 'Friends' },
  { value: 'nobody', label: 'Nobody' },
]
