export * from './StatusPicker'
