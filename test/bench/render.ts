/**
 * Cost of one presence change as the number of users grows (issue 9, item 2), printed for the kit and, in the same
 * run, for the usual context baseline: a React context holding the online ids as an array, every row calling
 * `includes`. React's development build, in a happy-dom window.
 *
 * For N = 1,000, 10,000 and 100,000 users, N rows are mounted (each calling `useUserStatus(id)`, or reading the
 * context), then one user at a time changes status; printed: rows re-rendered per change and ms per change (p50),
 * and the time to parse a socket snapshot frame of N users and to apply it to the store.
 *
 * The rows sit in nested groups of 10, as in a paged or virtualised list: React clones every sibling of a fibre on
 * the path to an update, so one parent holding 100,000 rows costs React O(N) per update whatever the store does.
 * Both sides use the same tree and the same roster (one user in ten online). The baseline's changes get fewer samples
 * at large N (each takes seconds); the sample count is printed.
 *
 * Run: npm run bench:render [-- --sizes 1000,10000 --changes 50]. Times are printed, never asserted; the
 * structure (1 row per change, work independent of N) is asserted in test/store/per-user.test.ts and
 * test/runtime/render-per-user.test.tsx.
 */
import { parseArgs } from 'node:util'
import { Window } from 'happy-dom'

const { values } = parseArgs({ options: { sizes: { type: 'string' }, changes: { type: 'string' } } })
const SIZES = (values.sizes ?? '1000,10000,100000').split(',').map(Number)
const CHANGES = Number(values.changes ?? 50)
// The baseline stops sampling once its changes have taken this long (at least 3 samples).
const BASELINE_BUDGET_MS = 8_000

const window = new Window()
Object.assign(globalThis, { window, document: window.document, navigator: window.navigator, HTMLElement: window.HTMLElement, Node: window.Node })

const React = await import('react')
const { createRoot } = await import('react-dom/client')
const { flushSync } = await import('react-dom')
const { QueryClient } = await import('@tanstack/react-query')
const { useUserStatus } = await import('../../src/hooks')
const { PresenceContext } = await import('../../src/provider')
const { PresenceRuntime } = await import('../../src/runtime')
const { parseServerMessage } = await import('../../src/client')
const h = React.createElement

let rendered = 0
const FANOUT = 10

// Nested groups of FANOUT, built once: only rows re-render after mount.
function tree(ids: readonly string[], Row: (props: { id: string }) => React.ReactNode): React.ReactNode {
  if (ids.length <= FANOUT) return ids.map((id) => h(Row, { key: id, id }))
  const size = Math.ceil(ids.length / FANOUT)
  const groups: React.ReactNode[] = []
  for (let i = 0; i < ids.length; i += size) groups.push(h('div', { key: i }, tree(ids.slice(i, i + size), Row)))
  return groups
}

function KitRow({ id }: { id: string }) {
  const { status } = useUserStatus(id)
  rendered++
  return h('span', null, status)
}

const OnlineIds = React.createContext<readonly string[]>([])
function BaselineRow({ id }: { id: string }) {
  const online = React.useContext(OnlineIds).includes(id)
  rendered++
  return h('span', null, online ? 'online' : 'offline')
}

const p50 = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.floor((sorted.length - 1) / 2)]!
}

// One user in ten online (a large roster is mostly offline); a change flips one user either way.
const initialOnline = (n: number) => Array.from({ length: n }, (_, i) => i % 10 === 0)
const ids = (n: number) => Array.from({ length: n }, (_, i) => String(i))
// The users that change, spread over the list.
const target = (n: number, k: number) => (k * 7919 + 13) % n

interface Result {
  rows: number
  ms: number
  samples: number
  mountMs: number
}

function measureKit(n: number): Result {
  const runtime = new PresenceRuntime()
  const online = initialOnline(n)
  runtime.store.getState().applySnapshot(ids(n).filter((_, i) => online[i]).map((id) => ({ id, status: 'online' as const })))
  const container = document.createElement('div')
  const root = createRoot(container as never)
  const value = { runtime, queryClient: new QueryClient(), expecting: true }
  let start = performance.now()
  flushSync(() => root.render(h(PresenceContext.Provider, { value }, tree(ids(n), KitRow))))
  const mountMs = performance.now() - start
  const times: number[] = []
  const rows: number[] = []
  for (let k = 0; k < CHANGES; k++) {
    const i = target(n, k)
    online[i] = !online[i]
    const change = { id: String(i), status: online[i] ? ('online' as const) : ('offline' as const) }
    rendered = 0
    start = performance.now()
    flushSync(() => runtime.store.getState().applyChanges([change]))
    times.push(performance.now() - start)
    rows.push(rendered)
  }
  flushSync(() => root.unmount())
  return { rows: Math.max(...rows), ms: p50(times), samples: times.length, mountMs }
}

function measureBaseline(n: number): Result {
  const online = initialOnline(n)
  const control: { setIds: (next: readonly string[]) => void } = { setIds: () => {} }
  const children = tree(ids(n), BaselineRow)
  function Provider() {
    const [value, set] = React.useState<readonly string[]>(() => ids(n).filter((_, i) => online[i]))
    React.useLayoutEffect(() => {
      control.setIds = set
    }, [set])
    return h(OnlineIds.Provider, { value }, children)
  }
  const container = document.createElement('div')
  const root = createRoot(container as never)
  let start = performance.now()
  flushSync(() => root.render(h(Provider)))
  const mountMs = performance.now() - start
  const times: number[] = []
  const rows: number[] = []
  let spent = 0
  for (let k = 0; k < CHANGES && (k < 1 || (k < 3 && spent < 3 * BASELINE_BUDGET_MS) || spent < BASELINE_BUDGET_MS); k++) {
    const i = target(n, k)
    online[i] = !online[i]
    // What such an app does on a change frame: a new array of the online ids.
    const next = ids(n).filter((_, j) => online[j])
    rendered = 0
    start = performance.now()
    flushSync(() => control.setIds(next))
    const ms = performance.now() - start
    spent += ms
    times.push(ms)
    rows.push(rendered)
  }
  flushSync(() => root.unmount())
  return { rows: Math.max(...rows), ms: p50(times), samples: times.length, mountMs }
}

// A contract snapshot frame of N users, as text off the socket.
function snapshotFrame(n: number): string {
  const onlineUsers = Array.from({ length: n }, (_, i) => ({
    id: i,
    username: `user${i}`,
    profileImage: null,
    status: i % 3 === 0 ? 'away' : 'online',
    statusMessage: i % 5 === 0 ? 'In a meeting' : null,
    lastSeen: '2024-01-15T10:30:00Z',
  }))
  return JSON.stringify({ type: 'online_users', onlineUsers })
}

function measureSnapshot(n: number) {
  const text = snapshotFrame(n)
  const runs = n >= 100_000 ? 3 : 5
  const parse: number[] = []
  const apply: number[] = []
  const baseline: number[] = []
  for (let r = 0; r < runs; r++) {
    let start = performance.now()
    const message = parseServerMessage(text)
    parse.push(performance.now() - start)
    if (message.type !== 'snapshot' || message.users.length !== n) throw new Error(`the snapshot did not parse: ${message.type}`)
    const runtime = new PresenceRuntime()
    start = performance.now()
    runtime.store.getState().applySnapshot(message.users, { includesSelf: true })
    apply.push(performance.now() - start)
    if (runtime.store.users.online.size !== n) throw new Error('the snapshot was not applied')
    // The baseline: JSON.parse and the array of ids it keeps in its context.
    start = performance.now()
    const body = JSON.parse(text) as { onlineUsers: Array<{ id: number }> }
    const onlineIds = body.onlineUsers.map((user) => String(user.id))
    baseline.push(performance.now() - start)
    if (onlineIds.length !== n) throw new Error('baseline')
  }
  return { parse: p50(parse), apply: p50(apply), baseline: p50(baseline), runs }
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2))
const lines: string[] = []
const print = (line: string) => {
  lines.push(line)
  console.log(line)
}

const { createRequire } = await import('node:module')
const happyDomVersion = (createRequire(import.meta.url)('happy-dom/package.json') as { version: string }).version
// Warm-up, not printed: the first size would otherwise pay for the JIT.
measureKit(500)
measureBaseline(500)
measureSnapshot(500)
print(`bench:render — React ${React.version} (development build), happy-dom ${happyDomVersion}, Node ${process.version}`)
print(`one user in ten online; changes per size: ${CHANGES} (kit); the baseline stops after ${BASELINE_BUDGET_MS / 1000} s of changes (3 samples unless one takes over ${BASELINE_BUDGET_MS / 1000} s)`)
print('')
print('| N users | kit rows/change | kit ms/change (p50) | baseline rows/change | baseline ms/change (p50, samples) | kit mount ms | baseline mount ms |')
print('|---:|---:|---:|---:|---:|---:|---:|')
const kitByN = new Map<number, number>()
for (const n of SIZES) {
  const kit = measureKit(n)
  kitByN.set(n, kit.ms)
  const base = measureBaseline(n)
  print(`| ${n.toLocaleString('en')} | ${kit.rows} | ${fmt(kit.ms)} | ${base.rows.toLocaleString('en')} | ${fmt(base.ms)} (${base.samples}) | ${fmt(kit.mountMs)} | ${fmt(base.mountMs)} |`)
}
const first = kitByN.get(SIZES[0]!)!
const last = kitByN.get(SIZES.at(-1)!)!
print('')
print(`kit ms/change at N=${SIZES.at(-1)!.toLocaleString('en')} ÷ at N=${SIZES[0]!.toLocaleString('en')}: ${(last / first).toFixed(2)}× (target ≤ 1.5×)`)
print('')
print('| N users | kit parse ms | kit apply ms | kit parse + apply ms | baseline JSON.parse + ids ms | runs |')
print('|---:|---:|---:|---:|---:|---:|')
for (const n of SIZES) {
  const s = measureSnapshot(n)
  print(`| ${n.toLocaleString('en')} | ${fmt(s.parse)} | ${fmt(s.apply)} | ${fmt(s.parse + s.apply)} | ${fmt(s.baseline)} | ${s.runs} |`)
}
await window.happyDOM.close()
process.exit(0)
