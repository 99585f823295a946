import type { LastSeenVisibility, Mode } from './types'

export interface CastMember {
  id: number
  username: string
  isAdmin: boolean
  mode: Mode
  statusMessage: string | null
  /** Seconds before start-up of the last sign of life; null: never logged in. */
  lastActiveAgo: number | null
  /** Whether that sign of life was a REST request that still counts as presence at start-up. */
  present: boolean
  /** Who may see their last seen (section 6.4). Default `everyone`. */
  lastSeenVisibility?: LastSeenVisibility
}

export interface CastConversation {
  id: number
  members: readonly [number, number]
  lastMessage: { text: string; sentAgo: number; senderId: number } | null
  unread: Readonly<Record<number, number>>
}

const MIN = 60
const HOUR = 60 * MIN
const DAY = 24 * HOUR

type Row = [username: string, lastActiveAgo: number | null, present?: boolean, mode?: Mode, message?: string]

// Ids 1–3 follow the backends' own examples (the admin list's user 1 is ahmad; the contract's user 2 is jane_smith).
const ROWS: Row[] = [
  ['ahmad', 3 * DAY + 4 * HOUR],
  ['jane_smith', 2 * HOUR],
  ['john_doe', 10 * MIN],
  ['maria_garcia', 20, true],
  ['li_wei', 45, true, 'away', 'Lunch, back at 2'],
  ['olivia_brown', 30, true, 'dnd', 'Focus time'],
  ['noah_wilson', null],
  ['emma_johnson', 15, true],
  ['liam_martinez', DAY + 2 * HOUR],
  ['sofia_rossi', 25, true, 'invisible', 'Hiding from meetings'],
  ['lucas_silva', 45 * MIN],
  ['amelia_clark', 50, true],
  ['yusuf_demir', 5 * DAY],
  ['chloe_dubois', 3 * HOUR],
  ['mateo_fernandez', 10, true, 'auto', 'Shipping the release 🚀'],
  ['hana_tanaka', 20 * DAY],
  ['ethan_davis', 2 * MIN],
  ['priya_patel', 35, true, 'auto', 'Reviewing pull requests'],
  ['oliver_schmidt', 6 * HOUR],
  ['isabella_moreau', 40 * DAY],
  ['kwame_mensah', 55, true, 'away'],
  ['renee_lefevre', 8 * MIN],
  ['aleksandr_konstantinopolsky_the_third', 12 * HOUR],
  ['zoe_nguyen', 90 * MIN],
  ['admin', DAY],
]

export interface Cast {
  members: readonly CastMember[]
  friendships: ReadonlyArray<readonly [number, number]>
  conversations: readonly CastConversation[]
}

const FIRST = ['alex', 'sam', 'kim', 'noor', 'ivan', 'mia', 'tariq', 'lena', 'omar', 'yuki', 'ana', 'raj', 'eva', 'jon', 'lea', 'ali']
const LAST = ['park', 'costa', 'novak', 'haddad', 'okafor', 'berg', 'reyes', 'sato', 'khan', 'weber', 'lopez', 'quinn']
const EXTRA_MODES: Mode[] = ['auto', 'auto', 'auto', 'away', 'auto', 'dnd', 'auto', 'invisible']

function memberFrom([username, ago, present = false, mode = 'auto', message]: Row, id: number): CastMember {
  return { id, username, isAdmin: username === 'admin', mode, statusMessage: message ?? null, lastActiveAgo: ago, present }
}

function extraRow(i: number): Row {
  const username = `${FIRST[i % FIRST.length]}_${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= FIRST.length * LAST.length ? i : ''}`
  const present = i % 3 !== 2
  return [username, present ? 5 + (i % 50) : (i % 7) * HOUR + (i % 13) * MIN, present, EXTRA_MODES[i % EXTRA_MODES.length]!, i % 5 === 0 ? 'Heads down' : undefined]
}

function friendPairs(members: readonly CastMember[]): Array<[number, number]> {
  const ids = members.filter((m) => !m.isAdmin).map((m) => m.id)
  const pairs = new Map<string, [number, number]>()
  const add = (a: number, b: number) => {
    const [x, y] = a < b ? [a, b] : [b, a]
    if (x !== y) pairs.set(`${x}:${y}`, [x, y])
  }
  // Each demo user befriends the next three in a ring, so every user has six friends.
  ids.forEach((id, i) => {
    for (let k = 1; k <= 3; k++) add(id, ids[(i + k) % ids.length]!)
  })
  add(3, 8)
  add(3, 18)
  return [...pairs.values()]
}

const TEXTS = [
  'See you at the standup!',
  'Can you review my PR when you get a chance?',
  'Thanks, that fixed it 🎉',
  'Are we still on for lunch?',
  'I pushed the new designs to Figma.',
  'Ping me when you are back.',
  'Sounds good 👍',
  'The deploy is green.',
]

/**
 * The seeded cast: the 24 demo users and the admin, plus `extraUsers` generated ones (ids from 26) for stories
 * and load tests that need a crowd. Deterministic: the same options give the same cast.
 */
export function createCast(options: { extraUsers?: number } = {}): Cast {
  const members = [
    ...ROWS.map((row, i) => memberFrom(row, i + 1)),
    ...Array.from({ length: options.extraUsers ?? 0 }, (_, i) => memberFrom(extraRow(i), ROWS.length + i + 1)),
  ]
  const friendships = friendPairs(members)
  const conversations = friendships.map(([a, b], i) => ({
    id: i + 1,
    members: [a, b] as const,
    lastMessage:
      i % 9 === 8 ? null : { text: TEXTS[i % TEXTS.length]!, sentAgo: ((i * 37) % 600) * MIN + 30, senderId: i % 2 ? a : b },
    unread: { [a]: i % 2 ? 0 : i % 4, [b]: i % 3 === 0 ? 2 : 0 },
  }))
  return { members, friendships, conversations }
}

export const DEFAULT_CAST = createCast()
export const CAST = DEFAULT_CAST.members
export const DEMO_PASSWORD = 'password'
