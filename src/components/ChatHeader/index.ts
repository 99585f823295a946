export * from './ChatHeader'
export { statusLine } from './status-line'
