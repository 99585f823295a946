import { readTime } from './fields'

/**
 * Reads a timestamp as the backends send it: an ISO 8601 string (contract §3), epoch milliseconds, or epoch seconds
 * (a number below 1e11). Returns epoch milliseconds, `null` for an explicit `null`, and `undefined` when the value
 * is not a time at all or lies outside what a `Date` holds (±8.64e15 ms), so that a garbled field reads as
 * "unknown", not as "never", and nothing downstream can throw on it.
 *
 * @example
 * parseTimestamp('2024-01-15T10:30:00Z') // 1705314600000
 * parseTimestamp(1705314600)             // 1705314600000
 * parseTimestamp('yesterday')            // undefined
 * parseTimestamp(9e15)                   // undefined
 */
export function parseTimestamp(value: unknown): number | null | undefined {
  return readTime(value)
}
