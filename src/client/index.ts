// The framework-free client: REST, WebSocket, normalisation. Nothing here imports React or touches a browser
// global at import time.
export { PresenceApiError, isAuthError, isMissingEndpoint, isPresenceApiError, readErrorBody } from './api-error'
export { DEFAULT_BACKOFF, backoffCeiling, fullJitterDelay, type BackoffOptions } from './backoff'
export { ClockOffsetEstimator, type ClockSample } from './clock-offset'
export { ConnectionState } from './connection-state'
export { joinUrl, socketUrl, type EndpointName, type PresenceEndpoints } from './endpoints'
export { Listeners } from './listeners'
export { mergePresence, samePresence } from './merge-presence'
export { ServerMessageType, parseServerMessage, type ClientMessage, type ServerMessage } from './messages'
export {
  normalisePresence,
  normalisePresencePatch,
  parsePresence,
  type DeviceKind,
  type NormaliseOptions,
  type Presence,
  type PresenceParseResult,
  type PresencePatch,
} from './presence'
export { parsePresenceList, type PresenceList } from './presence-list'
export { LastSeenVisibility, PresenceMode, PresenceStatus, modeOfStatus, toLastSeenVisibility, toPresenceMode, toPresenceStatus } from './presence-status'
export { BackendPreset, SocketSends, backendPreset, presets, resolveEndpoints, type PresenceBackend } from './presets'
export type {
  ActivityEntry,
  ActivityEvent,
  Conversation,
  HeartbeatResult,
  MarkOfflineResult,
  MyPresence,
  OnlineUsers,
} from './responses'
export {
  MAX_LIST_PAGES,
  PresenceRestClient,
  type InvalidRecord,
  type PresenceRestClientOptions,
  type RequestOptions,
  type StatusUpdate,
} from './rest'
export {
  DEAD_CONNECTION_CLOSE_CODE,
  ReconnectingSocket,
  UNAUTHORIZED_CLOSE_CODE,
  type CloseInfo,
  type ReconnectingSocketEvent,
  type ReconnectingSocketOptions,
  type ReconnectingSocketStatus,
  type SocketPing,
} from './reconnecting-socket'
export { PresenceSocket, type PresenceSocketEvent, type PresenceSocketOptions, type SocketStatus } from './socket'
export { parseTimestamp } from './timestamp'
export { readToken, type TokenSource } from './token'
export { onNetworkLost, onWake } from './wake'
export type { WebSocketConstructorLike, WebSocketLike } from './websocket-like'
