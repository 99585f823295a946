// STATUS_LABELS, knownStatus and statusLabel are for the sibling components (and their tests), not the public entry.
export {
  OnlineStatusIndicator,
  STATUS_LABELS,
  knownStatus,
  presenceVariant,
  statusLabel,
  type IndicatorSize,
  type OnlineStatusIndicatorProps,
} from './OnlineStatusIndicator'
