import { en, type Messages, type MessagesOverride } from './en'
import { enStatus } from './status'

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

function merge(base: Record<string, unknown>, override: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(override)) {
    // Only the catalogue's own keys, each of its own kind: a typo or a string where a function belongs keeps
    // English rather than throwing out of a render.
    if (!(key in base) || value === undefined) continue
    const current = base[key]
    if (isObject(current)) {
      if (isObject(value)) result[key] = merge(current, value)
    } else if (typeof value === typeof current) {
      result[key] = value
    }
  }
  return result
}

function cached<T extends object>(base: T) {
  const merged = new WeakMap<object, T>()
  return (override: object | undefined): T => {
    if (!override) return base
    let result = merged.get(override)
    if (!result) {
      result = merge(base as Record<string, unknown>, override as Record<string, unknown>) as T
      merged.set(override, result)
    }
    return result
  }
}

/**
 * English with `override` merged over it, at any depth (a whole language, or a few strings). Keys English does not
 * have, and values of another kind than English's (a string for a function), are left out. The result is cached
 * per override object.
 *
 * @example
 * mergeMessages({ onlineUsers: { title: 'Team' } }).onlineUsers.title // 'Team'
 */
export const mergeMessages: (override: MessagesOverride | undefined) => Messages = /* @__PURE__ */ cached(en)

/**
 * {@link mergeMessages} of the status words alone (`messages.status`), for a status dot that ships no other words.
 *
 * @example
 * mergeStatusMessages({ online: 'Here' }).online // 'Here'
 */
export const mergeStatusMessages: (override: MessagesOverride['status']) => Messages['status'] = /* @__PURE__ */ cached(enStatus)
