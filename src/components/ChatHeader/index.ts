export * from './ChatHeader'
