export * from './StatusPicker'
export { codePointLength, messageCount, messageLength, STATUS_MESSAGE_MAX } from './message-length'
export { MODE_OPTIONS, type ModeOption } from './modes'
