import type { LastSeenVisibility } from '../../index'

/** The choices of "Who can see your last seen" (contract 6.4), in the picker's order; their words are the catalogue's. */
export const VISIBILITY_OPTIONS: readonly LastSeenVisibility[] = ['everyone', 'friends', 'nobody']
