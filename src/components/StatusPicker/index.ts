export { StatusPicker, type SavedStatus, type StatusPickerProps, type StatusPickerState } from './StatusPicker'
