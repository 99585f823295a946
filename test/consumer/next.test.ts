/**
 * The Next.js App Router example (examples/next-app, whose files are the README's quick start) as a team would run
 * it: copied out of the repo, the packed tarball and the example's pinned `next` installed, `next build` (which
 * type-checks), `next start`, and the presence scenarios in Chromium against the packaged mock server's bin.
 */
import { cp, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { presenceScenarios } from './scenarios'
import { freePort, root, rootVersion, run, start, startMockServer, stopAll, workDir } from './support'

const example = path.join(root, 'examples/next-app')
const NEXT_ENV = { NEXT_TELEMETRY_DISABLED: '1' }

let work: Awaited<ReturnType<typeof workDir>>
let appUrl = ''
let mockUrl = ''
let buildLog = ''

interface Manifest {
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}

beforeAll(async () => {
  work = await workDir('presence-kit-next-')
  const app = path.join(work.dir, 'app')
  await cp(example, app, { recursive: true, filter: (file) => !/[\\/](node_modules|\.next)$/.test(file) })
  // The example's own manifest, with the tarball for presence-kit and the repo's exact versions for the rest;
  // `next` stays as the example pins it.
  const manifest = JSON.parse(await readFile(path.join(app, 'package.json'), 'utf8')) as Manifest
  manifest.dependencies['presence-kit'] = `file:${inject('tarball')}`
  for (const name of ['react', 'react-dom', '@tanstack/react-query']) manifest.dependencies[name] = await rootVersion(name)
  for (const name of Object.keys(manifest.devDependencies)) manifest.devDependencies[name] = await rootVersion(name)
  await writeFile(path.join(app, 'package.json'), JSON.stringify(manifest, null, 2))
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], app, { timeoutMs: 480_000 })

  // NEXT_PUBLIC_ variables are inlined at build time: the mock server runs first.
  mockUrl = await startMockServer(app)
  const next = path.join(app, 'node_modules/next/dist/bin/next')
  buildLog = (await run(process.execPath, [next, 'build'], app, { env: { ...NEXT_ENV, NEXT_PUBLIC_API_URL: mockUrl } })).output
  const port = await freePort()
  appUrl = `http://127.0.0.1:${port}`
  await start(process.execPath, [next, 'start', '--port', String(port), '--hostname', '127.0.0.1'], app, /Ready in/, NEXT_ENV)
}, 600_000)

afterAll(async () => {
  stopAll()
  await work?.remove()
})

describe('the Next.js App Router example, built from the installed package', () => {
  it('builds without a warning under Cache Components, with the page rendered per request and the layout on the server', async () => {
    expect(buildLog).toMatch(/Compiled successfully/)
    // Next.js advises a build cache under CI=true; any other warning fails the example.
    const warnings = buildLog.split('\n').filter((line) => /⚠|warn/i.test(line) && !/No build cache found/.test(line))
    expect(warnings).toEqual([])
    // ƒ: rendered per request; ◐: a prerendered shell whose request-data part (the search params) streams per request.
    expect(buildLog).toMatch(/[ƒ◐] \/\s/)
    // Signed out on the server: the sign-in form, inside the Server Component layout's <html lang>.
    const html = await (await fetch(`${appUrl}/?with=2`)).text()
    expect(html).toMatch(/<html lang="en"/)
    expect(html).toMatch(/<form[^>]*aria-label="Sign in"/)
  })

  presenceScenarios('Next.js example', () => ({
    mockUrl,
    url: (watch) => `${appUrl}/${watch ? `?with=${watch}` : ''}`,
  }))
})
