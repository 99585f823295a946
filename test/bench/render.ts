/**
 * Cost of one presence change as the number of users grows (issue 9, item 2), printed for the kit and, in the same
 * run, for the usual context baseline: a React context holding the online ids as an array, every row calling
 * `includes`. React's development build, in a happy-dom window.
 *
 * For N = 1,000, 10,000 and 100,000 users in the store, one user at a time changes status; printed: rows
 * re-rendered per change and ms per change (p50), in two layouts of the same roster (one user in ten online):
 *
 * - **A window of 100 rows** (what `UsersList` and any virtualised list mount, whatever N is); every change is to a
 *   user on screen, so each one re-renders a row. The tree is the same at every N, so what grows with N is what
 *   the presence layer does: this is the table the target (within 1.5× from 1,000 to 100,000) is read from.
 * - **All N rows mounted**, in nested groups of 10 (as in a paged list). Here the kit's time is split into the store
 *   (write + notify that user's subscribers) and React (render and commit of the one row). React walks from the
 *   root to the row and clones every sibling on that path, so its share grows with the tree's depth (log₁₀ N
 *   levels of 10) whatever the store does; the store's share is what the kit controls.
 *
 * Each baseline change includes building the new array of online ids, as such an app does on a change frame. The
 * baseline's changes get fewer samples at large N (each takes seconds); the sample count is printed. Then the
 * time to parse a socket snapshot frame of N users and to apply it to the store.
 *
 * Run: npm run bench:render [-- --sizes 1000,10000 --changes 200]. Times are printed, never asserted; the
 * structure (1 row per change, work independent of N) is asserted in test/store/per-user.test.ts and
 * test/runtime/render-per-user.test.tsx.
 */
import { parseArgs } from 'node:util'
import { Window } from 'happy-dom'

const { values } = parseArgs({ options: { sizes: { type: 'string' }, changes: { type: 'string' } } })
const SIZES = (values.sizes ?? '1000,10000,100000').split(',').map(Number)
const CHANGES = Number(values.changes ?? 200)
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

// The rows a virtualised list keeps mounted, whatever N is: a window in the middle of the roster.
const WINDOW = 100
type Layout = 'window' | 'all'
const shown = (n: number, layout: Layout) => (layout === 'all' ? ids(n) : ids(n).slice(n / 2, n / 2 + WINDOW))
// The users that change: spread over the shown rows, so each change is to a user on screen.
const changed = (n: number, layout: Layout, k: number) =>
  layout === 'all' ? target(n, k) : n / 2 + ((k * 37 + 13) % WINDOW)

interface Result {
  rows: number
  ms: number
  samples: number
  mountMs: number
}

interface KitResult extends Result {
  /** The store's write and the notification of that user's subscribers (React has scheduled, not rendered). */
  storeMs: number
  /** React rendering and committing what the store scheduled. */
  reactMs: number
}

function measureKit(n: number, layout: Layout): KitResult {
  const runtime = new PresenceRuntime()
  const online = initialOnline(n)
  runtime.store.getState().applySnapshot(ids(n).filter((_, i) => online[i]).map((id) => ({ id, status: 'online' as const })))
  const container = document.createElement('div')
  const root = createRoot(container as never)
  const value = { runtime, queryClient: new QueryClient(), expecting: true }
  let start = performance.now()
  flushSync(() => root.render(h(PresenceContext.Provider, { value }, tree(shown(n, layout), KitRow))))
  const mountMs = performance.now() - start
  const times: number[] = []
  const store: number[] = []
  const react: number[] = []
  const rows: number[] = []
  for (let k = 0; k < CHANGES; k++) {
    const i = changed(n, layout, k)
    online[i] = !online[i]
    const change = { id: String(i), status: online[i] ? ('online' as const) : ('offline' as const) }
    rendered = 0
    start = performance.now()
    // The store notifies inside the write; React schedules a sync render, which flushSync then performs.
    runtime.store.getState().applyChanges([change])
    const written = performance.now()
    flushSync(() => {})
    const end = performance.now()
    times.push(end - start)
    store.push(written - start)
    react.push(end - written)
    rows.push(rendered)
  }
  flushSync(() => root.unmount())
  return { rows: Math.max(...rows), ms: p50(times), storeMs: p50(store), reactMs: p50(react), samples: times.length, mountMs }
}

// The kit's own share: the store's write and the notification of that user's subscribers (here N plain listeners,
// one per user, where the rows' would be), without React.
function measureStore(n: number): { ms: number; notified: number } {
  const runtime = new PresenceRuntime()
  const online = initialOnline(n)
  runtime.store.getState().applySnapshot(ids(n).filter((_, i) => online[i]).map((id) => ({ id, status: 'online' as const })))
  let notified = 0
  const offs = ids(n).map((id) => runtime.store.users.subscribe(id, () => notified++))
  const times: number[] = []
  let most = 0
  for (let k = 0; k < CHANGES * 4; k++) {
    const i = target(n, k)
    online[i] = !online[i]
    notified = 0
    const start = performance.now()
    runtime.store.getState().applyChanges([{ id: String(i), status: online[i] ? 'online' : 'offline' }])
    times.push(performance.now() - start)
    most = Math.max(most, notified)
  }
  offs.forEach((off) => off())
  return { ms: p50(times), notified: most }
}

// The floor under any O(1) store: a bare Map of N records and one listener set per user; a change reads, replaces
// and notifies one. Its time grows with N too, from the CPU's caches (a bigger table is further away), not from work.
function measureBareMap(n: number): number {
  let notified = 0
  const records = new Map(ids(n).map((id, i) => [id, { id, status: 'online', isOnline: i % 10 === 0 }]))
  const listeners = new Map(ids(n).map((id) => [id, new Set([() => notified++])]))
  const times: number[] = []
  for (let k = 0; k < CHANGES * 4; k++) {
    const id = String(target(n, k))
    const start = performance.now()
    const current = records.get(id)!
    records.set(id, { ...current, isOnline: !current.isOnline })
    for (const listener of listeners.get(id)!) listener()
    times.push(performance.now() - start)
  }
  if (notified !== CHANGES * 4) throw new Error('bare map')
  return p50(times)
}

function measureBaseline(n: number, layout: Layout): Result {
  const online = initialOnline(n)
  const control: { setIds: (next: readonly string[]) => void } = { setIds: () => {} }
  const children = tree(shown(n, layout), BaselineRow)
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
    const i = changed(n, layout, k)
    online[i] = !online[i]
    rendered = 0
    start = performance.now()
    // What such an app does on a change frame: a new array of the online ids, into the context.
    const next = ids(n).filter((_, j) => online[j])
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

const fmt = (ms: number) =>
  ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms >= 0.1 ? ms.toFixed(2) : ms >= 0.01 ? ms.toFixed(3) : ms.toFixed(4)
const lines: string[] = []
const print = (line: string) => {
  lines.push(line)
  console.log(line)
}

const { createRequire } = await import('node:module')
const happyDomVersion = (createRequire(import.meta.url)('happy-dom/package.json') as { version: string }).version
// Warm-up, not printed: the first size would otherwise pay for the JIT.
for (const layout of ['window', 'all'] as const) {
  measureKit(1_000, layout)
  measureBaseline(1_000, layout)
}
measureStore(1_000)
measureBareMap(1_000)
measureSnapshot(500)
print(`bench:render — React ${React.version} (development build), happy-dom ${happyDomVersion}, Node ${process.version}`)
print(`one user in ten online; changes per size: ${CHANGES} (kit); the baseline stops after ${BASELINE_BUDGET_MS / 1000} s of changes (3 samples unless one takes over ${BASELINE_BUDGET_MS / 1000} s)`)
const ratio = (byN: Map<number, number>) => (byN.get(SIZES.at(-1)!)! / byN.get(SIZES[0]!)!).toFixed(2)
const span = `N=${SIZES.at(-1)!.toLocaleString('en')} ÷ N=${SIZES[0]!.toLocaleString('en')}`

print('')
print(`N users in the store, a window of ${WINDOW} rows mounted (as a virtualised list), each change to a user on screen:`)
print('')
print('| N users | kit rows/change | kit ms/change (p50) | baseline rows/change | baseline ms/change (p50, samples) |')
print('|---:|---:|---:|---:|---:|')
const windowed = new Map<number, number>()
for (const n of SIZES) {
  const kit = measureKit(n, 'window')
  windowed.set(n, kit.ms)
  const base = measureBaseline(n, 'window')
  print(`| ${n.toLocaleString('en')} | ${kit.rows} | ${fmt(kit.ms)} | ${base.rows.toLocaleString('en')} | ${fmt(base.ms)} (${base.samples}) |`)
}
print('')
print(`kit ms/change, ${span}: ${ratio(windowed)}× (target ≤ 1.5×)`)

print('')
print('All N rows mounted (nested groups of 10), each change to one of them:')
print('')
print('| N users | kit rows/change | kit ms/change (p50) | of which the write, notify and React scheduling | of which React render + commit | baseline rows/change | baseline ms/change (p50, samples) | kit mount ms | baseline mount ms |')
print('|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
const all = new Map<number, number>()
for (const n of SIZES) {
  const kit = measureKit(n, 'all')
  all.set(n, kit.ms)
  const base = measureBaseline(n, 'all')
  print(`| ${n.toLocaleString('en')} | ${kit.rows} | ${fmt(kit.ms)} | ${fmt(kit.storeMs)} | ${fmt(kit.reactMs)} | ${base.rows.toLocaleString('en')} | ${fmt(base.ms)} (${base.samples}) | ${fmt(kit.mountMs)} | ${fmt(base.mountMs)} |`)
}
print('')
print(`kit ms/change, ${span}: ${ratio(all)}× (React's path from the root to the row is log₁₀ N levels deep here)`)
print('')
print('The store alone (no React): N users, one listener per user, each change to one of them:')
print('')
print('| N users | listeners notified/change | store ms/change (p50) | bare Map ms/change (p50, the floor) |')
print('|---:|---:|---:|---:|')
const storeAlone = new Map<number, number>()
const bare = new Map<number, number>()
for (const n of SIZES) {
  const store = measureStore(n)
  storeAlone.set(n, store.ms)
  bare.set(n, measureBareMap(n))
  print(`| ${n.toLocaleString('en')} | ${store.notified} | ${fmt(store.ms)} | ${fmt(bare.get(n)!)} |`)
}
print('')
print(`store ms/change, ${span}: ${ratio(storeAlone)}× (a bare Map: ${ratio(bare)}×, the memory hierarchy)`)
print('')
print('| N users | kit parse ms | kit apply ms | kit parse + apply ms | baseline JSON.parse + ids ms | runs |')
print('|---:|---:|---:|---:|---:|---:|')
for (const n of SIZES) {
  const s = measureSnapshot(n)
  print(`| ${n.toLocaleString('en')} | ${fmt(s.parse)} | ${fmt(s.apply)} | ${fmt(s.parse + s.apply)} | ${fmt(s.baseline)} | ${s.runs} |`)
}
await window.happyDOM.close()
process.exit(0)
