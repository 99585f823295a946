// The one story every preset suite tells, with two users who each have their own token and provider: the first
// signs in; the second arrives later and must see the first with name and picture, on a card that loads; then the
// observer watches the subject log out, come back, and close their last tab. Every wait is measured.
import { expect } from 'vitest'
import type { BackendPreset, UserStatusProviderProps } from '../../src'
import { measure, printDelays, strayRequests, type DelayRow, type Session, type Stage, type Tab } from './harness'

type ProviderProps = Omit<UserStatusProviderProps, 'token' | 'children' | 'backend'>

/** How a user's going away reaches others on this backend. */
export type Departure =
  /** The server pushes it or the next read of the list shows it, in real time. */
  | { kind: 'live'; timeoutMs: number; note: string }
  /** Only once the user's REST presence runs out: the server's clock is moved past the TTL first. */
  | { kind: 'ttl'; seconds: number; timeoutMs: number; note: string }
  /** Never (the design has no expiry): the user is still online after the server's clock moved `seconds`. */
  | { kind: 'never'; seconds: number; note: string }

export interface TwoUsersSpec {
  backend: BackendPreset
  /** Usernames of the seeded cast. */
  first: string
  second: string
  /** Provider props of one session (its `userId`, a resolver…); `sessions` are all the logins so far. */
  props: (session: Session, sessions: readonly Session[]) => ProviderProps
  /** The first user's card once it has loaded, before the second arrives. */
  firstCard: 'ready-or-empty' | 'unavailable'
  /** Who watches whom for the arrival and the departures; default the first watches the second. */
  observer?: 'first' | 'second'
  /** How long the second may take to see the first, and the card to load (the backend's list interval). */
  joinTimeoutMs: number
  /** How the observer sees the subject arrive. */
  arrival: { timeoutMs: number; note: string } | null
  logout: Departure
  close: Departure
  /** Kit requests the backend may refuse by design (the admin list for a non-admin). */
  allowedErrors?: Array<{ path: string; status: number }>
  /** Extra checks at the end. */
  finally?: (context: { stage: Stage; tabs: Tab[]; sessions: Session[] }) => void | Promise<void>
}

const loaded = (state: string | null) => state === 'ready' || state === 'empty'
const tileOf = (username: string) => (name: string) => name.startsWith(`${username}, `)

export async function twoUsers(stage: Stage, spec: TwoUsersSpec): Promise<DelayRow[]> {
  const rows: DelayRow[] = []
  const row = (scenario: string, ms: number | null, note: string) => rows.push({ preset: spec.backend, scenario, ms, note })
  const tabs: Tab[] = []
  const sessions: Session[] = []
  const open = (name: string, session: Session) => {
    const tab = stage.tab(name, { backend: spec.backend, ...spec.props(session, sessions) })
    tabs.push(tab)
    tab.render(session.access)
    return tab
  }

  // The first user signs in alone; their card loads.
  const first = await stage.login(spec.first)
  sessions.push(first)
  const firstTab = open('first', first)
  const firstCard = await measure(
    () => (spec.firstCard === 'unavailable' ? firstTab.card().state === 'unavailable' : loaded(firstTab.card().state)),
    spec.joinTimeoutMs,
    `the first user's card ${spec.firstCard}`,
  )
  row('first user: card loaded (alone)', firstCard, `data-state=${firstTab.card().state}`)

  // The second arrives: sees the first, with name and picture, on a card that loads.
  const loginStarted = performance.now()
  const second = await stage.login(spec.second)
  const loginMs = performance.now() - loginStarted
  sessions.push(second)
  const observerIsFirst = (spec.observer ?? 'first') === 'first'
  // From the second's login (a sign of life on most of these backends) until the first's store has them online.
  const arrival =
    spec.arrival && observerIsFirst
      ? measure(() => firstTab.user(second.user.id)?.isOnline === true, spec.arrival.timeoutMs, 'the first user sees the second online')
      : null
  const secondTab = open('second', second)
  const sees = measure(
    () => {
      const record = secondTab.user(first.user.id)
      return record?.isOnline === true && record.username === first.user.username && typeof record.profileImage === 'string'
    },
    spec.joinTimeoutMs,
    'the second user sees the first online with name and picture',
  )
  const card = measure(
    () => secondTab.card().state === 'ready' && secondTab.card().names.some(tileOf(first.user.username)),
    spec.joinTimeoutMs,
    "the second user's card shows the first",
  )
  row('late joiner sees first user with name + picture', await sees, 'from the token handed to the provider')
  row('late joiner: card loaded, first user on it', await card, '')
  expect(secondTab.user(first.user.id)?.profileImage).toMatch(/^https?:\/\/.+/)

  const observer = observerIsFirst ? firstTab : secondTab
  const subject = observerIsFirst ? second : first
  let subjectTab = observerIsFirst ? secondTab : firstTab
  const subjectOnline = () => observer.user(subject.user.id)?.isOnline === true

  if (arrival && spec.arrival) {
    row('first user sees the second arrive', loginMs + (await arrival), spec.arrival.note)
  } else {
    await measure(subjectOnline, spec.joinTimeoutMs, 'the observer sees the subject online')
  }

  // Logout: the kit's mark-offline, then the app's logout at the preset's path.
  const away = async (departure: Departure, leave: () => Promise<void> | void, scenario: string) => {
    const started = performance.now()
    await leave()
    if (departure.kind === 'never') {
      await stage.advanceServerClock(departure.seconds)
      // Read the list at once rather than waiting an interval: the claim is "still online", not a delay.
      const before = stage.recorder.requests.length
      observer.runtime!.retryNow()
      await measure(() => stage.recorder.requests.slice(before).some((r) => r.tab === observer.name && r.status === 200), 10_000, 'a fresh read')
      // The answer is applied within microtasks of its arrival: one macrotask later it is in the store.
      await new Promise((resolve) => setTimeout(resolve, 0))
      expect(subjectOnline()).toBe(true)
      row(scenario, null, departure.note)
      return
    }
    if (departure.kind === 'ttl') {
      // Still online right after leaving: nothing but the TTL ends it on this backend.
      await measure(() => subjectTab.socketsClosed(), 5_000, "the server has seen the subject's socket close")
      expect(subjectOnline()).toBe(true)
      await stage.advanceServerClock(departure.seconds)
    }
    const ms = await measure(() => !subjectOnline(), departure.timeoutMs, `the observer sees the subject offline (${scenario})`)
    row(scenario, departure.kind === 'ttl' ? ms : performance.now() - started, departure.note)
  }
  await away(spec.logout, () => subjectTab.logout(subject), 'offline on logout')

  // Back in (a new login), then the last tab is closed without logging out.
  const again = await stage.login(subject.user.username)
  sessions.push(again)
  subjectTab = open('subject-again', again)
  // As long as an arrival or a departure may take on this backend (one read of the list).
  const backTimeout = Math.max(spec.joinTimeoutMs, spec.arrival?.timeoutMs ?? 0, 'timeoutMs' in spec.logout ? spec.logout.timeoutMs : 0)
  await measure(subjectOnline, backTimeout, 'the observer sees the subject back')
  await away(spec.close, () => subjectTab.close(), 'offline on last tab close')

  // What the kit sent: only the preset's paths, no refused request but by design, sockets only where there is one.
  const runtime = observer.runtime!
  const { undefinedPaths, failed } = strayRequests(stage, runtime, spec.allowedErrors)
  expect(undefinedPaths, 'requests to paths the preset does not define').toEqual([])
  expect(failed, 'requests the mock refused').toEqual([])
  const socketPath = runtime.backend.endpoints.socket
  if (socketPath === null) {
    expect(stage.recorder.sockets, 'socket attempts against a backend without one').toEqual([])
  } else {
    expect(stage.recorder.sockets.every((socket) => socket.path === socketPath)).toBe(true)
    for (const tab of tabs) expect(stage.recorder.sockets.filter((socket) => socket.tab === tab.name).length, `sockets of ${tab.name}`).toBe(1)
  }
  const invalid = tabs.flatMap((tab) => tab.events.filter((event) => event.type === 'invalid').map((event) => ({ tab: tab.name, event })))
  expect(invalid, 'records or frames the kit had to drop').toEqual([])
  await spec.finally?.({ stage, tabs, sessions })
  for (const tab of tabs) tab.close()
  expect(stage.consoleProblems, 'console errors and warnings').toEqual([])
  printDelays(rows)
  return rows
}
