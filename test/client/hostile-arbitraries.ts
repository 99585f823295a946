// Arbitraries of what a hostile or broken backend sends: any JSON, and user records whose every alias the client
// reads holds a value chosen to hurt (impossible times, script URLs, SVG data URLs, invisible text, long strings).
import fc from 'fast-check'

/** Any JSON, plus the values JSON cannot carry but a parsed object handed over directly can. */
export const anything: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  fc.constantFrom(undefined, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 2 ** 53, -(2 ** 53)),
)

const LONG = 'x'.repeat(3000)

/** Strings chosen to hurt: scripts, SVG, other origins, invisible text, surrogates, long text. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'data:image/svg+xml,<svg onload=alert(1)>',
    'data:text/html,<script>alert(1)</script>',
    'data:image/png;base64,iVBORw0KGgo=',
    '//evil.example/x.png',
    '/\\evil.example/x.png',
    'https://cdn.example/a.png',
    '/media/a.png',
    'blob:https://app.example/1',
    'vbscript:x',
    '\u200b\u200b\u200b',
    '\u202eevil',
    '\ud83d',
    '🚀'.repeat(141),
    '2024-01-15T10:30:00Z',
    '+275760-09-13T00:00:00.001Z',
    'online',
    'ONLINE ',
    'invisible',
    'busy',
    '',
    '   ',
    LONG,
    `https://cdn.example/${LONG}`,
  ),
  fc.string(),
  fc.string({ unit: 'grapheme' }),
)

/** Numbers chosen to hurt: past a Date's range, seconds and milliseconds at the edges, unsafe integers. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(9e15, 8.64e15, 8.64e15 + 1, 1e11, 1e11 - 1, 8.64e12, -1, 0, 1, 2 ** 53, 1e308, Number.NaN, Number.POSITIVE_INFINITY),
  fc.double(),
  fc.integer(),
)

const value = fc.oneof(hostileString, hostileNumber, anything, fc.boolean())

const ALIASES = [
  'id',
  'user_id',
  'userId',
  'username',
  'profileImage',
  'profile_image',
  'online_status',
  'onlineStatus',
  'status',
  'is_online',
  'isOnline',
  'statusMessage',
  'status_message',
  'lastSeen',
  'last_seen',
  'last_activity',
  'lastActivity',
] as const

/** A user record under any of the aliases, each field hostile or absent. */
export const hostileRecord: fc.Arbitrary<Record<string, unknown>> = fc.record(
  Object.fromEntries(
    ALIASES.map((key) => [
      key,
      key === 'id' ? fc.oneof(fc.integer({ min: 1, max: 50 }), value) : key.includes('status') ? fc.oneof(fc.constantFrom('online', 'away', 'dnd', 'offline', 'invisible'), value) : value,
    ]),
  ) as Record<(typeof ALIASES)[number], fc.Arbitrary<unknown>>,
  { requiredKeys: [] },
)

/** A list of records and bare ids, as a snapshot or an online list carries them. */
export const hostileList = fc.array(fc.oneof(hostileRecord, hostileString, hostileNumber, anything), { maxLength: 12 })

/** A WebSocket frame as text: a snapshot, a change (nested or flat), a pong, an error, or anything. */
export const frameText: fc.Arbitrary<string> = fc.oneof(
  hostileList.map((users) => JSON.stringify({ type: 'online_users', onlineUsers: users })),
  hostileRecord.map((user) => JSON.stringify({ type: 'user.status.changed', user })),
  hostileRecord.map((user) => JSON.stringify({ type: 'user_status_changed', ...user })),
  value.map((ts) => JSON.stringify({ type: 'pong', ts })),
  fc.record({ code: value, message: value }).map((error) => JSON.stringify({ type: 'error', ...error })),
  anything.map((any) => JSON.stringify(any) ?? 'undefined'),
  fc.string(),
)
