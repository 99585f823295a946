/**
 * The package as a team installs it into a Vite + React app: the packed tarball in a throwaway app that imports only
 * the public entries, type-checked under strict TypeScript (`skipLibCheck: false`), built, served by `vite preview`,
 * and driven through the seeds' scenarios against the packaged mock server's bin.
 */
import { cp, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { presenceScenarios } from './scenarios'
import { freePort, rootVersion, run, start, startMockServer, stopAll, workDir } from './support'

let work: Awaited<ReturnType<typeof workDir>>
let app = ''
let appUrl = ''
let mockUrl = ''

beforeAll(async () => {
  work = await workDir('presence-kit-vite-')
  app = path.join(work.dir, 'app')
  await cp(path.join(import.meta.dirname, 'app'), app, { recursive: true })
  await writeFile(
    path.join(app, 'package.json'),
    JSON.stringify(
      {
        name: 'presence-kit-consumer',
        private: true,
        type: 'module',
        dependencies: {
          'presence-kit': `file:${inject('tarball')}`,
          react: await rootVersion('react'),
          'react-dom': await rootVersion('react-dom'),
          '@tanstack/react-query': await rootVersion('@tanstack/react-query'),
        },
        devDependencies: {
          vite: await rootVersion('vite'),
          '@vitejs/plugin-react': await rootVersion('@vitejs/plugin-react'),
          typescript: await rootVersion('typescript'),
          '@types/react': await rootVersion('@types/react'),
          '@types/react-dom': await rootVersion('@types/react-dom'),
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
  appUrl = `http://127.0.0.1:${appPort}`
  await start(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', String(appPort), '--strictPort', '--host', '127.0.0.1'], app, /127\.0\.0\.1/)
  mockUrl = await startMockServer(app)
}, 600_000)

afterAll(async () => {
  stopAll()
  await work?.remove()
})

describe('the installed package in a Vite app', () => {
  it('renders its provider and components on the server without browser globals', async () => {
    const { stdout } = await run(process.execPath, ['ssr-check.mjs'], app)
    expect(stdout).toContain('ssr ok')
  })

  presenceScenarios('Vite app', () => ({
    mockUrl,
    url: (watch) => `${appUrl}/?api=${encodeURIComponent(mockUrl)}${watch ? `&watch=${watch}` : ''}`,
  }))
})
