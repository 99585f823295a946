/**
 * What a components-only app installs: a bare app with the peers only (react, react-dom, @tanstack/react-query),
 * then the packed tarball; prints what node_modules gained (each package and its size). No server library among
 * them (nor zod), and the mock server still runs from that install, bundled; the mock entries type-check without msw.
 */
import { cp, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import WebSocket from 'ws'
import { root, rootVersion, run, start, stopAll, workDir } from './support'

// The mock's own libraries: bundled into the mock entries and the bin (zod too: its types are not in `./mock`'s).
const SERVER_LIBRARIES = ['hono', '@hono/node-server', 'ws', 'msw', 'zod']

let work: Awaited<ReturnType<typeof workDir>>
let app = ''
let gained: Array<{ name: string; version: string; bytes: number; disk: number }> = []

/** Installed packages by their path in node_modules, from npm's own record of the install. */
async function installed(): Promise<Map<string, string>> {
  const lock = JSON.parse(await readFile(path.join(app, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> }
  return new Map(Object.entries(lock.packages).filter(([key]) => key !== '').map(([key, { version }]) => [key, version ?? '?']))
}

/** Bytes of the files and bytes on disk (blocks, folders included) under a folder, nested packages left out. */
async function sizeOf(dir: string): Promise<{ bytes: number; disk: number }> {
  let bytes = 0
  let disk = (await stat(dir)).blocks * 512
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      const inner = await sizeOf(file)
      bytes += inner.bytes
      disk += inner.disk
    } else {
      const info = await stat(file)
      bytes += info.size
      disk += info.blocks * 512
    }
  }
  return { bytes, disk }
}

const kB = (n: number) => `${(n / 1024).toFixed(0)} kB`

beforeAll(async () => {
  work = await workDir('presence-kit-bare-')
  app = path.join(work.dir, 'app')
  await cp(path.join(import.meta.dirname, 'bare'), app, { recursive: true })
  const peers = {
    react: await rootVersion('react'),
    'react-dom': await rootVersion('react-dom'),
    '@tanstack/react-query': await rootVersion('@tanstack/react-query'),
  }
  await writeFile(path.join(app, 'package.json'), JSON.stringify({ name: 'bare-app', private: true, type: 'module', dependencies: peers }, null, 2))
  const npmInstall = (...args: string[]) => run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', ...args], app)
  await npmInstall()
  const before = await installed()
  await npmInstall(`presence-kit@file:${inject('tarball')}`)
  const after = await installed()
  gained = await Promise.all(
    [...after]
      .filter(([key]) => !before.has(key))
      .map(async ([key, version]) => ({ name: key.replace(/^.*node_modules\//, ''), version, ...(await sizeOf(path.join(app, key))) })),
  )
  gained.sort((a, b) => a.name.localeCompare(b.name))
  const total = gained.reduce((sum, p) => ({ bytes: sum.bytes + p.bytes, disk: sum.disk + p.disk }), { bytes: 0, disk: 0 })
  console.log(
    [
      `A components-only app (peers: ${Object.keys(peers).join(', ')}) gains ${gained.length} packages, ${kB(total.bytes)} of files (${kB(total.disk)} on disk):`,
      ...gained.map((p) => `  ${p.name}@${p.version}  ${kB(p.bytes)} (${kB(p.disk)} on disk)`),
    ].join('\n'),
  )
}, 300_000)

afterAll(async () => {
  stopAll()
  await work?.remove()
})

describe('a components-only install', () => {
  it('brings presence-kit and its dependencies, and no server library', async () => {
    const names = gained.map((p) => p.name)
    const { dependencies } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
    expect(names).toContain('presence-kit')
    for (const name of Object.keys(dependencies)) expect(names).toContain(name)
    for (const name of SERVER_LIBRARIES) expect(names, `${name} is installed`).not.toContain(name)
    // presence-kit and zustand (which has no dependencies): the card's tooltips are placed by the kit itself.
    expect([...names].sort()).toEqual(['presence-kit', 'zustand'])
  })

  it('`npx presence-kit mock-server --port 0` starts from that install and answers REST and WebSocket', async () => {
    const [, url] = await start('npx', ['presence-kit', 'mock-server', '--port', '0'], app, /listening on (http:\S+)\n/)
    const openapi = await fetch(`${url}/api/openapi.json`)
    expect(openapi.status).toBe(200)
    expect(((await openapi.json()) as { openapi: string }).openapi).toMatch(/^3\.1/)

    const login = await fetch(`${url}/api/auth/login/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'jane_smith', password: 'password' }),
    })
    const { access } = (await login.json()) as { access: string }
    const socket = new WebSocket(`${url!.replace(/^http/, 'ws')}/ws/user-status/?token=${access}`)
    const first = await new Promise<{ type: string }>((resolve, reject) => {
      socket.once('message', (data: Buffer) => resolve(JSON.parse(data.toString('utf8')) as { type: string }))
      socket.once('error', reject)
    })
    socket.close()
    expect(first.type).toBe('online_users')
  })

  it('runs the mock backend from `presence-kit/mock` in plain Node, without msw or hono installed', async () => {
    const script = `
      import { MockBackend, createApp } from 'presence-kit/mock'
      const response = await createApp(new MockBackend()).fetch(new Request('http://localhost/api/openapi.json'))
      console.log(response.status, (await response.json()).openapi)`
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], app)
    expect(stdout.trim()).toMatch(/^200 3\.1/)
    // And a body the route's zod schema refuses is the contract's 400, zod bundled.
    const refused = `
      import { MockBackend, createApp } from 'presence-kit/mock'
      const response = await createApp(new MockBackend()).fetch(new Request('http://localhost/api/auth/login/', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 42 }),
      }))
      console.log(response.status, (await response.json()).error?.code)`
    expect((await run(process.execPath, ['--input-type=module', '-e', refused], app)).stdout.trim()).toBe('400 invalid_field')
  })

  it('type-checks the mock entries under skipLibCheck: false without msw; only presence-kit/mock/msw needs it', async () => {
    // One run over both files: only the MSW handlers' entry fails, in its own declarations (so the check can fail).
    const tsc = path.join(root, 'node_modules/typescript/bin/tsc')
    const output = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], app).then(
      () => '',
      (error: Error) => error.message,
    )
    const errors = output.split('\n').filter((line) => /error TS\d+/.test(line))
    expect(errors, output).toEqual([expect.stringMatching(/^node_modules\/presence-kit\/dist\/mock-msw\.d\.ts\(\d+,\d+\): error TS2307: Cannot find module 'msw'/)])
  })
})
