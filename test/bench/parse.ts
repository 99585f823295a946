/**
 * How fast the client reads a big snapshot, and what its readers weigh (issues 9 and 10): the hand-written readers
 * of src/client beside the zod/mini readers they replaced (frozen in test/bench/zod-baseline), in the same run.
 *
 * - parse: a contract `online_users` frame of N users (JSON text → message, JSON.parse included), and the REST
 *   list body (`GET /api/users/online/`, an array) of N users, p50 of 7 runs after 2 warm-ups.
 * - parse + apply: the frame read and applied to a fresh presence store (`applySnapshot`).
 * - weight: the readers alone (`parseServerMessage` and every REST body reader), bundled and minified by esbuild,
 *   gzip and brotli.
 *
 * Run: npm run bench:parse [-- --users 100000]. Figures are printed, never asserted; runs of the two readers
 * alternate, so that load from elsewhere on the machine falls on both.
 */
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { parseServerMessage } from '../../src/client/messages'
import { readOnlineUsers } from '../../src/client/responses'
import { createPresenceStore } from '../../src/store'
import { parseServerMessage as zodParseServerMessage } from './zod-baseline/messages'
import { readOnlineUsers as zodReadOnlineUsers } from './zod-baseline/responses'

const { values } = parseArgs({ options: { users: { type: 'string' } } })
const USERS = Math.max(1, Math.min(Number(values.users ?? 100_000), 1_000_000))

const STATUSES = ['online', 'away', 'dnd', 'online']
const LAST_SEEN = Date.parse('2024-01-15T10:30:00Z')

function contractUser(i: number) {
  return {
    id: i + 1,
    username: `user_${i + 1}`,
    profileImage: `https://presence.example/avatars/${i + 1}.png`,
    status: STATUSES[i % STATUSES.length],
    statusMessage: i % 5 === 0 ? 'In a meeting until 3' : null,
    lastSeen: new Date(LAST_SEEN + i * 1000).toISOString(),
    isOnline: true,
  }
}

function restUser(i: number) {
  return {
    id: i + 1,
    username: `user_${i + 1}`,
    profile_image: `/media/avatars/${i + 1}.png`,
    is_online: true,
    online_status: STATUSES[i % STATUSES.length],
    status_message: i % 5 === 0 ? 'lunch' : null,
    last_seen: new Date(LAST_SEEN + i * 1000).toISOString(),
    last_activity: new Date(LAST_SEEN + i * 1000).toISOString(),
  }
}

const users = Array.from({ length: USERS }, (_, i) => contractUser(i))
const frame = JSON.stringify({ type: 'online_users', onlineUsers: users, online_users: users.map((u) => u.id) })
const restBody = Array.from({ length: USERS }, (_, i) => restUser(i))

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})

// The readers take turns run by run, with a collection before each, so that load from other work on the machine
// and the garbage one reader leaves fall on both alike.
function p50s(runs: Record<string, () => void>, times = 7, warmups = 2): Record<string, number> {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(runs).map((name) => [name, []]))
  for (let i = 0; i < warmups + times; i++) {
    for (const [name, run] of Object.entries(runs)) {
      gc()
      const start = performance.now()
      run()
      if (i >= warmups) samples[name]!.push(performance.now() - start)
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, list]) => [name, list.sort((a, b) => a - b)[Math.floor(list.length / 2)]!]),
  )
}

function check(count: number, what: string) {
  if (count !== USERS) throw new Error(`${what}: read ${count} users of ${USERS}`)
}

type Reader = { frame: (data: string) => unknown; rest: (body: unknown) => unknown }
const readers: Record<string, Reader> = {
  'zod/mini (before)': { frame: zodParseServerMessage, rest: zodReadOnlineUsers },
  'hand-written (now)': { frame: parseServerMessage, rest: readOnlineUsers },
}
const each = (make: (name: string, reader: Reader) => () => void) =>
  p50s(Object.fromEntries(Object.entries(readers).map(([name, reader]) => [name, make(name, reader)])))

const jsonOnly = p50s({ json: () => JSON.parse(frame) }).json!
const parseFrame = each((name, reader) => () => {
  const message = reader.frame(frame) as { type: string; users?: unknown[] }
  check(message.users?.length ?? 0, name)
})
const parseRest = each((name, reader) => () => {
  const result = reader.rest(restBody) as { ok: boolean; value?: { users: unknown[] } }
  check(result.value?.users.length ?? 0, name)
})
const parseApply = each((name, reader) => () => {
  const store = createPresenceStore()
  const message = reader.frame(frame) as { type: 'snapshot'; users: Parameters<ReturnType<typeof store.getState>['applySnapshot']>[0] }
  store.getState().applySnapshot(message.users)
  check(store.users.size, name)
})
const rows: Array<Record<string, string>> = Object.keys(readers).map((name) => ({
  readers: name,
  'frame parse (ms)': parseFrame[name]!.toFixed(0),
  'REST body parse (ms)': parseRest[name]!.toFixed(0),
  'frame parse + apply (ms)': parseApply[name]!.toFixed(0),
}))

async function weight(dir: string) {
  const root = fileURLToPath(new URL(dir, import.meta.url))
  const result = await build({
    stdin: {
      contents: `export { parseServerMessage } from './messages'
export { readActivity, readConversations, readHeartbeat, readMarkOffline, readMe, readNextPage, readOnlineUsers } from './responses'`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    platform: 'browser',
    logLevel: 'silent',
  })
  const code = result.outputFiles[0]!.contents
  const kB = (n: number) => `${(n / 1000).toFixed(2)} kB`
  return {
    minified: kB(code.length),
    gzip: kB(gzipSync(code, { level: 9 }).length),
    brotli: kB(brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length),
  }
}

const before = await weight('./zod-baseline/')
const now = await weight('../../src/client/')
rows[0] = { ...rows[0], ...Object.fromEntries(Object.entries(before).map(([k, v]) => [`readers ${k}`, v])) }
rows[1] = { ...rows[1], ...Object.fromEntries(Object.entries(now).map(([k, v]) => [`readers ${k}`, v])) }

console.log(`Snapshot of ${USERS.toLocaleString('en')} users (${(frame.length / 1e6).toFixed(1)} MB of JSON; JSON.parse alone ${jsonOnly.toFixed(0)} ms), p50 of 7 runs, Node ${process.version}`)
console.table(rows)
