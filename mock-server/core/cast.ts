import type { Mode } from './types'

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

// Ids 1–3 follow the seeds (004: user 1 is ahmad; the contract's example: user 2 is jane_smith).
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

export const CAST: readonly CastMember[] = ROWS.map(([username, ago, present = false, mode = 'auto', message], i) => ({
  id: i + 1,
  username,
  isAdmin: username === 'admin',
  mode,
  statusMessage: message ?? null,
  lastActiveAgo: ago,
  present,
}))

export const DEMO_PASSWORD = 'password'

const demoIds = CAST.filter((m) => !m.isAdmin).map((m) => m.id)

function friendPairs(): Array<[number, number]> {
  const pairs = new Map<string, [number, number]>()
  const add = (a: number, b: number) => {
    const [x, y] = a < b ? [a, b] : [b, a]
    pairs.set(`${x}:${y}`, [x, y])
  }
  // Each demo user befriends the next three in a ring, so every user has six friends.
  demoIds.forEach((id, i) => {
    for (let k = 1; k <= 3; k++) add(id, demoIds[(i + k) % demoIds.length]!)
  })
  add(3, 8)
  add(3, 18)
  return [...pairs.values()]
}

export const FRIENDSHIPS: ReadonlyArray<readonly [number, number]> = friendPairs()

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

export const CONVERSATIONS: readonly CastConversation[] = FRIENDSHIPS.map(([a, b], i) => ({
  id: i + 1,
  members: [a, b] as const,
  lastMessage:
    i % 9 === 8 ? null : { text: TEXTS[i % TEXTS.length]!, sentAgo: ((i * 37) % 600) * MIN + 30, senderId: i % 2 ? a : b },
  unread: { [a]: i % 2 ? 0 : i % 4, [b]: i % 3 === 0 ? 2 : 0 },
}))
