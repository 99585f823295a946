/*
 * Where each colour token is drawn, and so what it must contrast with. The ratios are computed from theme.css; this
 * table only says which pairs matter. A colour token missing here still shows on the page, measured on the surface.
 */

/** WCAG 2.2: text needs 4.5:1 (1.4.3), a graphic that carries meaning 3:1 (1.4.11); decoration needs none. */
export type Use = 'text' | 'graphic' | 'decoration'

export const MINIMUM: Record<Use, number | null> = { text: 4.5, graphic: 3, decoration: null }

export interface Pairing {
  /** What the colour is drawn as. */
  use: Use
  /** The tokens it is drawn on (the colour behind it). `#ffffff` for a literal white. */
  on: readonly string[]
  /** In words, for the page. */
  where: string
  /** True when the token is the background and `on` names what is drawn on it (white initials on an avatar). */
  background?: boolean
}

const SURFACE = ['color-presence-surface'] as const
const CARD = ['color-presence-card-from', 'color-presence-card-to'] as const

export const PAIRINGS: Record<string, Pairing> = {
  'color-presence-online': { use: 'graphic', on: SURFACE, where: 'The online dot, on the surface and as a badge ringed by it' },
  'color-presence-away': { use: 'graphic', on: SURFACE, where: 'The away dot (a crescent cut from it in the surface colour)' },
  'color-presence-dnd': { use: 'graphic', on: SURFACE, where: 'The do-not-disturb dot (a bar cut from it in the surface colour)' },
  'color-presence-offline': { use: 'graphic', on: SURFACE, where: 'The offline ring' },
  'color-presence-invisible': { use: 'graphic', on: SURFACE, where: 'The invisible dashed ring' },
  'color-presence-surface': { use: 'decoration', on: [], where: 'Backgrounds of lists, headers, pickers, toasts' },
  'color-presence-fg': { use: 'text', on: SURFACE, where: 'Names and body text' },
  'color-presence-muted': { use: 'text', on: SURFACE, where: 'Secondary text: previews, times, last seen' },
  'color-presence-border': { use: 'decoration', on: SURFACE, where: 'Dividers and outlines' },
  'color-presence-accent': { use: 'text', on: SURFACE, where: 'Links, unread counts, focus outlines' },
  'color-presence-avatar': { use: 'text', on: ['#ffffff'], where: 'Behind the white initials of an avatar without a picture', background: true },
  'color-presence-danger': { use: 'text', on: SURFACE, where: 'Errors' },
  'color-presence-card-from': { use: 'decoration', on: [], where: "The online card's gradient, first stop" },
  'color-presence-card-to': { use: 'decoration', on: [], where: "The online card's gradient, last stop" },
  'color-presence-gold': { use: 'text', on: CARD, where: "The online card's title, names and counts" },
  'color-presence-gold-hover': { use: 'text', on: CARD, where: "The online card's names under the pointer" },
}
