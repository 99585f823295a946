/**
 * The scenarios a presence backend is accepted by (login, idle, hidden tab, logout; two tabs, one closed), run in Debian's Chromium against an app built from the packed tarball and the
 * packaged mock server's bin: two users in two browser contexts. Shared by the Vite app and the Next.js example,
 * whose pages offer the same things (a sign-in form, "Log out", a ChatHeader of the watched user, a StatusPicker,
 * an OnlineUsers card that lists its own user too). Prints the measured delays; no page may log an error.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../chromium.config'

export interface ScenarioTarget {
  /** The app's page; with `watch`, one that shows that user's ChatHeader. */
  url(watch?: number): string
  /** The packaged mock server the app talks to. */
  mockUrl: string
}

type Log = Array<{ status: string | null; at: number }>

const JANE = 2

/** Registers the scenarios in the current file; `target` is called once its `beforeAll` has built the app. */
export function presenceScenarios(label: string, target: () => ScenarioTarget) {
  const delays: Record<string, number[]> = {}
  let browser: Browser
  let problems: string[] = []

  const api = async (method: string, route: string, body?: unknown, token?: string) => {
    const response = await fetch(`${target().mockUrl}${route}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return (await response.json()) as Record<string, unknown>
  }
  const advance = (seconds: number) => api('POST', '/__mock__/clock', { advanceSeconds: seconds })
  const record = (what: string, ms: number) => (delays[what] ??= []).push(ms)

  /** A new browser context (another person's browser) whose pages report every console error and warning. */
  async function newContext(): Promise<BrowserContext> {
    const context = await browser.newContext()
    context.on('page', (page) => {
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning' || /hydrat/i.test(message.text())) {
          problems.push(`${message.type()}: ${message.text()} (${page.url()})`)
        }
      })
      page.on('pageerror', (error) => problems.push(`page error: ${error.message} (${page.url()})`))
    })
    return context
  }

  /** Opens the app; with `watch`, records every change of that user's status in the ChatHeader. */
  async function openApp(context: BrowserContext, watch?: number): Promise<Page> {
    const page = await context.newPage()
    await page.goto(target().url(watch))
    await page.evaluate(() => {
      const log: Log = []
      ;(window as unknown as { statusLog: Log }).statusLog = log
      const current = () => document.querySelector('[data-slot="chat-header"]')?.getAttribute('data-status') ?? null
      new MutationObserver(() => {
        const status = current()
        if (status !== (log.at(-1)?.status ?? null)) log.push({ status, at: Date.now() })
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] })
    })
    return page
  }

  const signedIn = (page: Page) => page.getByRole('button', { name: 'Log out' }).waitFor()

  async function signIn(page: Page, username: string) {
    await page.getByLabel('Username').fill(username)
    await page.getByLabel('Password').fill('password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await signedIn(page)
  }

  const statusLog = (page: Page) => page.evaluate(() => (window as unknown as { statusLog: Log }).statusLog)

  /** Waits until the watched status is `status`; returns when it became so (epoch ms, the page's clock). */
  async function becomes(page: Page, status: string, since: number): Promise<number> {
    const handle = await page.waitForFunction(
      ([wanted, after]) => (window as unknown as { statusLog: Log }).statusLog.find((e) => e.status === wanted && e.at >= after)?.at,
      [status, since] as const,
      { timeout: 20_000, polling: 50 },
    )
    return (await handle.jsonValue()) as number
  }

  /** A fresh mock, and B: john_doe's page, whose header watches jane_smith (A). */
  async function watcherOfJane(): Promise<Page> {
    await api('POST', '/__mock__/reset')
    const b = await openApp(await newContext(), JANE)
    await signIn(b, 'john_doe')
    return b
  }

  /** A: jane_smith signed in on a page of `context` (a new one by default). */
  async function jane(context?: BrowserContext): Promise<Page> {
    const a = await openApp(context ?? (await newContext()))
    await signIn(a, 'jane_smith')
    return a
  }

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true })
  })

  afterEach(() => {
    const found = problems
    problems = []
    expect(found, 'console errors, warnings or hydration messages').toEqual([])
  })

  afterAll(async () => {
    await browser?.close()
    const rows = Object.entries(delays).map(([what, ms]) => `  ${what}: ${ms.map((d) => `${d} ms`).join(', ')}`)
    if (rows.length) console.log(`${label}: delays from the action to the other page's DOM change (loopback):\n${rows.join('\n')}`)
  })

  it('sign-in: a wrong password says so; a server that does not answer says that instead; the next try signs in', async () => {
    await api('POST', '/__mock__/reset')
    const context = await newContext()
    const page = await openApp(context)
    const alert = page.getByRole('form', { name: 'Sign in' }).getByRole('alert')
    await page.getByLabel('Username').fill('jane_smith')
    await page.getByLabel('Password').fill('not-the-password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect.poll(() => alert.textContent()).toBe('Wrong username or password')

    // The server is out of reach: the request fails as a refused connection does, with no answer at all.
    await page.route('**/api/auth/login/', (route) => route.abort('connectionrefused'))
    await page.getByLabel('Password').fill('password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect.poll(() => alert.textContent()).toBe('Cannot sign in right now. Try again in a moment.')

    await page.unroute('**/api/auth/login/')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await signedIn(page)
    // Chromium logs each failed request itself (the 401, the refused one); the pages may log nothing else.
    problems = problems.filter((p) => !/^error: Failed to load resource: (the server responded with a status of 401|net::ERR_CONNECTION_REFUSED)/.test(p))
    await context.close()
  })

  it('heartbeat and logout: login → green dot, idle and hidden stay green, logout (POST /api/chat/mark-offline/) → grey', async () => {
    const b = await watcherOfJane()
    await becomes(b, 'offline', 0)

    // Test 1: A logs in in another browser; B sees A's green dot.
    const a = await openApp(await newContext())
    await a.getByLabel('Username').fill('jane_smith')
    await a.getByLabel('Password').fill('password')
    const loginAt = Date.now()
    await a.getByRole('button', { name: 'Sign in' }).click()
    record('online (A signs in → B sees green)', (await becomes(b, 'online', loginAt)) - loginAt)
    await expect.poll(() => b.getByRole('button', { name: 'jane_smith, Online' }).count()).toBe(1)

    // Test 3: A idle for longer than the heartbeat interval (and the TTL) stays green: the socket keeps A online.
    // A's own card lists A once A's socket has delivered its snapshot: from then on the socket holds A online.
    await expect.poll(() => a.getByRole('button', { name: 'jane_smith, Online' }).count()).toBe(1)
    const idleFrom = Date.now()
    await advance(150)
    await advance(400)
    await b.waitForTimeout(500)
    // Test 4: A's tab hidden for two minutes, then shown: never offline for B.
    await a.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' })
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true })
      document.dispatchEvent(new Event('visibilitychange'))
    })
    await advance(120)
    await a.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' })
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => false })
      document.dispatchEvent(new Event('visibilitychange'))
    })
    await b.waitForTimeout(500)
    expect((await statusLog(b)).filter((e) => e.at >= idleFrom), JSON.stringify({ idleFrom, log: await statusLog(b) })).not.toContainEqual(expect.objectContaining({ status: 'offline' }))
    expect((await statusLog(b)).at(-1)?.status).toBe('online')

    // Test 2: A logs out; B sees grey at once (a polling backend: within 5–10 s; here: no grace, no TTL wait).
    const logoutAt = Date.now()
    await a.getByRole('button', { name: 'Log out' }).click()
    record('offline on logout (A logs out → B sees grey)', (await becomes(b, 'offline', logoutAt)) - logoutAt)
    await expect.poll(() => b.getByRole('button', { name: /^jane_smith,/ }).count()).toBe(0)
    await a.getByRole('button', { name: 'Sign in' }).waitFor()
    await a.context().close()
    await b.context().close()
  })

  it('sockets: two tabs (two /ws/ sockets), one closed → still online; both closed → offline after the grace period', async () => {
    const b = await watcherOfJane()
    const context = await newContext()
    const tab1 = await openApp(context)
    await signIn(tab1, 'jane_smith')
    // The same user in a second tab: the same session, seen in both tabs' own OnlineUsers.
    const tab2 = await openApp(context)
    await signedIn(tab2)
    for (const tab of [tab1, tab2]) await expect.poll(() => tab.getByRole('button', { name: 'jane_smith, Online' }).count()).toBe(1)
    await becomes(b, 'online', 0)
    // Past the TTL of the login's REST activity: only the sockets keep jane online now.
    await advance(301)

    const closeOneAt = Date.now()
    await tab2.close()
    await b.waitForTimeout(3_000)
    expect((await statusLog(b)).filter((e) => e.at >= closeOneAt).map((e) => e.status)).not.toContain('offline')

    const closeAllAt = Date.now()
    await tab1.close()
    const offlineAt = await becomes(b, 'offline', closeAllAt)
    record('offline on tab close (last tab closed → B sees grey, grace 2 s)', offlineAt - closeAllAt)
    expect(offlineAt - closeAllAt).toBeGreaterThanOrEqual(1_900)
    await context.close()
    await b.context().close()
  })

  it('an invisible user disappears from the other user’s OnlineUsers card', async () => {
    const b = await watcherOfJane()
    const a = await jane()
    await expect.poll(() => b.getByRole('button', { name: 'jane_smith, Online' }).count()).toBe(1)
    await a.getByRole('radio', { name: /Invisible/ }).check()
    await a.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => b.getByRole('button', { name: /^jane_smith,/ }).count()).toBe(0)
    await becomes(b, 'offline', 0)
    // jane still sees herself, as invisible.
    await expect.poll(() => a.getByRole('button', { name: 'jane_smith, Invisible' }).count()).toBe(1)
    await a.context().close()
    await b.context().close()
  })

  it('an admin sets a user away and the others see it', async () => {
    const b = await watcherOfJane()
    const a = await jane()
    await becomes(b, 'online', 0)
    const admin = await api('POST', '/api/auth/login/', { username: 'admin', password: 'password' })
    const setAt = Date.now()
    const answer = await api('POST', `/api/users/admin/users/${JANE}/set-online-status/`, { status: 'away' }, admin.access as string)
    expect(answer).toMatchObject({ user_id: JANE, online_status: 'away' })
    record('away set by an admin → B sees it', (await becomes(b, 'away', setAt)) - setAt)
    await expect.poll(() => b.getByRole('button', { name: 'jane_smith, Away' }).count()).toBe(1)
    await a.context().close()
    await b.context().close()
  })

  it('contract 6.1: A idle longer than idleAfterMs is away on B’s page, online again once A moves the mouse', async () => {
    const b = await watcherOfJane()
    const context = await newContext()
    // A's page runs on Playwright's clock, so that ten minutes without input pass at once; the server's do not.
    await context.clock.install()
    const a = await jane(context)
    await becomes(b, 'online', 0)
    await expect.poll(() => a.getByRole('button', { name: 'jane_smith, Online' }).count()).toBe(1)
    const idleAt = Date.now()
    await a.clock.fastForward('10:01')
    record('idle (A without input for 10 min → B sees away)', (await becomes(b, 'away', idleAt)) - idleAt)
    await expect.poll(() => b.getByRole('button', { name: 'jane_smith, Away (idle)' }).count()).toBe(1)
    const moveAt = Date.now()
    await a.mouse.move(40, 40)
    await a.mouse.move(80, 60)
    record('active (A moves the mouse → B sees online)', (await becomes(b, 'online', moveAt)) - moveAt)
    await expect.poll(() => b.getByRole('button', { name: 'jane_smith, Online' }).count()).toBe(1)
    await context.close()
    await b.context().close()
  })

  it('contract 6.3: A’s message set to expire in 30 minutes leaves B’s page when the mock clock moves 31 minutes on', async () => {
    const b = await watcherOfJane()
    const a = await jane()
    await becomes(b, 'online', 0)
    await a.getByRole('textbox', { name: 'Status message' }).fill('In a meeting')
    await a.getByRole('combobox', { name: 'Clear after' }).selectOption('30m')
    const setAt = Date.now()
    await a.getByRole('button', { name: 'Save' }).click()
    const header = b.locator('[data-slot="chat-header-status"]')
    await expect.poll(() => header.textContent(), { timeout: 20_000 }).toMatch(/^Online — In a meeting \(until .+\)$/)
    record('message with an expiry (A saves → B sees it)', Date.now() - setAt)
    const advanceAt = Date.now()
    await advance(31 * 60)
    await expect.poll(() => header.textContent(), { timeout: 20_000, interval: 50 }).toBe('Online')
    record('message expired (mock clock +31 min → gone from B)', Date.now() - advanceAt)
    await a.context().close()
    await b.context().close()
  })
}
