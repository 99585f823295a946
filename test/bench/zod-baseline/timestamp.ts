// Frozen copy of the zod/mini-based reader as it was before the hand-written readers (src/client/fields.ts), kept
// only as the baseline that test/bench/parse.ts prints beside them. Not shipped, not maintained.
// Below this a number cannot be epoch milliseconds of any date after 1973, so it is taken as epoch seconds
// (Python's `time.time()` and Unix timestamps, which Django backends sometimes send).
const SECONDS_LIMIT = 1e11

/**
 * Reads a timestamp as the seeds send it: an ISO 8601 string (contract §3), epoch milliseconds, or epoch seconds.
 * Returns epoch milliseconds, `null` for an explicit `null`, and `undefined` when the value is not a time at all
 * (so that a garbled field reads as "unknown", not as "never").
 *
 * @example
 * parseTimestamp('2024-01-15T10:30:00Z') // 1705314600000
 * parseTimestamp(1705314600)             // 1705314600000
 * parseTimestamp('yesterday')            // undefined
 */
export function parseTimestamp(value: unknown): number | null | undefined {
  if (value === null) return null
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return undefined
    return value < SECONDS_LIMIT ? Math.round(value * 1000) : Math.round(value)
  }
  if (typeof value !== 'string' || value.trim() === '') return undefined
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? undefined : ms
}
