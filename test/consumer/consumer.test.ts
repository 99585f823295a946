/**
 * The package as a team installs it: `npm pack`, installed into a throwaway Vite + React app that imports only the
 * public entries, built, served, and driven in Debian's Chromium against the packaged mock server's bin, through the
 * seeds' own test scenarios. Prints the measured delays.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../chromium.config'

const root = path.resolve(import.meta.dirname, '../..')
const delays: Record<string, number[]> = {}
const processes: ChildProcess[] = []
let work = ''
let appUrl = ''
let mockUrl = ''
let browser: Browser

function run(command: string, args: string[], cwd: string, timeoutMs = 300_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, npm_config_loglevel: 'error' } })
    let output = ''
    child.stdout.on('data', (d: Buffer) => (output += d))
    child.stderr.on('data', (d: Buffer) => (output += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('close', (code) => {
      clearTimeout(timer)
      if (code === 0) resolve(output)
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`))
    })
  })
}

/** Starts a long-running process (one process, stopped by PID) and waits for a line of its output. */
function start(args: string[], cwd: string, ready: RegExp): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    processes.push(child)
    let output = ''
    const timer = setTimeout(() => reject(new Error(`not ready after 60 s:\n${output}`)), 60_000)
    const onData = (d: Buffer) => {
      output += d
      if (ready.test(output)) {
        clearTimeout(timer)
        resolve(child)
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)))
  })
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })

const version = async (name: string) =>
  (JSON.parse(await readFile(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version

async function api(method: string, route: string, body?: unknown, token?: string) {
  const response = await fetch(`${mockUrl}${route}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return (await response.json()) as Record<string, unknown>
}

beforeAll(async () => {
  // `npm test` builds first; a lone `vitest run` builds here.
  if (!existsSync(path.join(root, 'dist/index.js'))) await run('npm', ['run', 'build'], root)
  work = await mkdtemp(path.join(os.tmpdir(), 'presence-kit-consumer-'))
  // The tarball, exactly as it would be published.
  const packed = (await run('npm', ['pack', '--pack-destination', work, '--silent'], root)).trim().split('\n').at(-1)!
  const tarball = path.join(work, packed)
  const app = path.join(work, 'app')
  await cp(path.join(import.meta.dirname, 'app'), app, { recursive: true })
  await writeFile(
    path.join(app, 'package.json'),
    JSON.stringify(
      {
        name: 'presence-kit-consumer',
        private: true,
        type: 'module',
        dependencies: {
          'presence-kit': `file:${tarball}`,
          react: await version('react'),
          'react-dom': await version('react-dom'),
          '@tanstack/react-query': await version('@tanstack/react-query'),
        },
        devDependencies: {
          vite: await version('vite'),
          '@vitejs/plugin-react': await version('@vitejs/plugin-react'),
          typescript: await version('typescript'),
          '@types/react': await version('@types/react'),
          '@types/react-dom': await version('@types/react-dom'),
        },
      },
      null,
      2,
    ),
  )
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], app)
  // The package's types work for an app under strict TypeScript, and the app builds from the public entries only.
  await run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.'], app)
  await run(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], app)

  const appPort = await freePort()
  const mockPort = await freePort()
  appUrl = `http://127.0.0.1:${appPort}`
  mockUrl = `http://127.0.0.1:${mockPort}`
  await start(
    ['node_modules/vite/bin/vite.js', 'preview', '--port', String(appPort), '--strictPort', '--host', '127.0.0.1'],
    app,
    /127\.0\.0\.1/,
  )
  // The packaged bin, as `npx presence-kit mock-server` would run it.
  await start([path.join(app, 'node_modules/.bin/presence-kit'), 'mock-server', '--port', String(mockPort)], app, /listening on/)
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true })
}, 600_000)

afterAll(async () => {
  await browser?.close()
  for (const child of processes) child.kill('SIGTERM')
  const rows = Object.entries(delays).map(([what, ms]) => `  ${what}: ${ms.map((d) => `${d} ms`).join(', ')}`)
  if (rows.length) console.log(`Delays from the action to the other page's DOM change (loopback):\n${rows.join('\n')}`)
  if (work && !process.env.KEEP_CONSUMER) await rm(work, { recursive: true, force: true })
})

/** Opens the app in a context; `watch` shows that user's ChatHeader, whose status changes are recorded. */
async function openApp(context: BrowserContext, watch?: number): Promise<Page> {
  const page = await context.newPage()
  await page.goto(`${appUrl}/?api=${encodeURIComponent(mockUrl)}${watch ? `&watch=${watch}` : ''}`)
  await page.evaluate(() => {
    const log: Array<{ status: string | null; at: number }> = []
    ;(window as unknown as { statusLog: typeof log }).statusLog = log
    const current = () =>
      document.querySelector('[data-testid="watch"] [data-slot="status-indicator"]')?.getAttribute('data-status') ?? null
    new MutationObserver(() => {
      const status = current()
      if (status !== (log.at(-1)?.status ?? null)) log.push({ status, at: Date.now() })
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] })
  })
  return page
}

async function signIn(page: Page, username: string) {
  await page.getByLabel('Username').fill(username)
  await page.getByLabel('Password').fill('password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByTestId('me').waitFor()
}

type Log = Array<{ status: string | null; at: number }>
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

function record(what: string, ms: number) {
  ;(delays[what] ??= []).push(ms)
}

const JANE = 2
const advance = (seconds: number) => api('POST', '/__mock__/clock', { advanceSeconds: seconds })

describe('the installed package in a real browser', () => {
  it('renders its provider and components on the server without browser globals', async () => {
    const output = await run(process.execPath, ['ssr-check.mjs'], path.join(work, 'app'))
    expect(output).toContain('ssr ok')
  })

  it('seed 002 tests 1–4: login → green dot, idle and hidden stay green, logout → grey', async () => {
    await api('POST', '/__mock__/reset')
    const b = await openApp(await browser.newContext(), JANE)
    await signIn(b, 'john_doe')
    await becomes(b, 'offline', 0)

    // Test 1: A logs in in another browser; B sees A's green dot.
    const a = await openApp(await browser.newContext())
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

    // Test 2: A logs out; B sees grey at once (seed 002: within 5–10 s; here: no grace, no TTL wait).
    const logoutAt = Date.now()
    await a.getByRole('button', { name: 'Log out' }).click()
    record('offline on logout (A logs out → B sees grey)', (await becomes(b, 'offline', logoutAt)) - logoutAt)
    await expect.poll(() => b.getByRole('button', { name: /^jane_smith,/ }).count()).toBe(0)
    await a.context().close()
    await b.context().close()
  })

  it('seed 001 tests 1 and 3: two tabs, one closed → still online; both closed → offline after the grace period', async () => {
    await api('POST', '/__mock__/reset')
    const b = await openApp(await browser.newContext(), JANE)
    await signIn(b, 'john_doe')
    const context = await browser.newContext()
    const tab1 = await openApp(context)
    await signIn(tab1, 'jane_smith')
    // The same user in a second tab: the same session, seen in both tabs' own OnlineUsers.
    const tab2 = await openApp(context)
    await tab2.getByTestId('me').waitFor()
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
    await api('POST', '/__mock__/reset')
    const b = await openApp(await browser.newContext(), JANE)
    await signIn(b, 'john_doe')
    const a = await openApp(await browser.newContext())
    await signIn(a, 'jane_smith')
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
    await api('POST', '/__mock__/reset')
    const b = await openApp(await browser.newContext(), JANE)
    await signIn(b, 'john_doe')
    const a = await openApp(await browser.newContext())
    await signIn(a, 'jane_smith')
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
})
