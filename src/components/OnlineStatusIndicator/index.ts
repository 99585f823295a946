// STATUS_LABELS and statusLabel are for the sibling components (and their tests), not the public entry.
export {
  OnlineStatusIndicator,
  STATUS_LABELS,
  presenceVariant,
  statusLabel,
  type IndicatorSize,
  type OnlineStatusIndicatorProps,
} from './OnlineStatusIndicator'
