import { createStore, type StoreApi } from 'zustand/vanilla'
import type { LastSeenVisibility } from '../client'

/**
 * The caller's own settings that no presence record carries (contract 6.4): who may see their last seen.
 * `null` while unknown, or when the backend has no such choice.
 *
 * @example
 * const { lastSeenVisibility } = runtime.settings.getState()
 */
export interface OwnSettings {
  lastSeenVisibility: LastSeenVisibility | null
}

/**
 * The store of {@link OwnSettings}: filled from `GET /api/users/me/` and every `PATCH /api/users/me/status/` answer,
 * emptied when the runtime stops.
 *
 * @example
 * const settings = createOwnSettings()
 * settings.setState({ lastSeenVisibility: 'friends' })
 */
export type OwnSettingsStore = StoreApi<OwnSettings>

export const createOwnSettings = (): OwnSettingsStore => createStore<OwnSettings>()(() => ({ lastSeenVisibility: null }))
