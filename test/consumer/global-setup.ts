/**
 * Once per run of the consumer project: the tarball, exactly as `npm pack` would publish it. `npm test` has just
 * built dist/, so it is packed as it is (`--ignore-scripts`: no second build); a lone `vitest run` with sources
 * newer than dist/ builds first.
 */
import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { root, run, workDir } from './support'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The packed presence-kit tarball. */
    tarball: string
  }
}

const SOURCES = ['src', 'mock-server', 'scripts/build.ts', 'package.json', 'tsconfig.json', 'tsconfig.build.json']
const BUILT = ['index.js', 'index.d.ts', 'mock.js', 'mock.d.ts', 'mock-msw.d.ts', 'mock-node.d.ts', 'bin/mock-server.js', 'styles.css']

async function newest(file: string): Promise<number> {
  const info = await stat(file)
  if (!info.isDirectory()) return info.mtimeMs
  const entries = await readdir(file)
  return Math.max(0, ...(await Promise.all(entries.map((name) => newest(path.join(file, name))))))
}

async function distIsFresh(): Promise<boolean> {
  const built = await Promise.all(BUILT.map((file) => stat(path.join(root, 'dist', file)).then((s) => s.mtimeMs, () => 0)))
  const sources = await Promise.all(SOURCES.map((file) => newest(path.join(root, file))))
  return Math.min(...built) > Math.max(...sources)
}

export default async function setup(project: TestProject) {
  if (!(await distIsFresh())) await run('npm', ['run', 'build'], root)
  const work = await workDir('presence-kit-tarball-')
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work.dir], root)
  project.provide('tarball', path.join(work.dir, stdout.trim().split('\n').at(-1)!))
  return work.remove
}
