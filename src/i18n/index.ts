// The messages catalogue: English (the source of truth and the shape), the shipped languages, and the Intl helpers
// message functions get. Framework-free: the provider hands the locale and messages down, usePresenceMessages reads them.
export { en, type Messages, type MessagesOverride, type Sentence } from './en'
export { createFormat, resolveLocale, type Format, type PluralForms } from './format'
export { mergeMessages, mergeStatusMessages } from './merge'
export { enStatus } from './status'
// Each language its own module and named export: an app that never imports `ar` does not ship it.
export { ar } from './ar'
export { es } from './es'
