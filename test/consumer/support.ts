/** What the consumer tests share: child processes (one each, stopped by PID), free ports, the repo's versions. */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'

export const root = path.resolve(import.meta.dirname, '../..')

// The environment of a shell, not of a test run: vitest's NODE_ENV=test would make `next build` mix React builds.
const { NODE_ENV: _testEnv, ...shell } = process.env

interface RunOptions {
  env?: Record<string, string>
  timeoutMs?: number
}

/** Runs a command to its end; rejects with its output when it fails. Resolves with stdout and both streams. */
export function run(command: string, args: string[], cwd: string, options: RunOptions = {}): Promise<{ stdout: string; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...shell, npm_config_loglevel: 'error', ...options.env } })
    let stdout = ''
    let output = ''
    child.stdout.on('data', (d: Buffer) => {
      stdout += d
      output += d
    })
    child.stderr.on('data', (d: Buffer) => (output += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 300_000)
    child.on('close', (code) => {
      clearTimeout(timer)
      if (code === 0) resolve({ stdout, output })
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`))
    })
  })
}

const running = new Set<ChildProcess>()

/**
 * Starts a long-running command (its own process group, so that a wrapper such as npx goes with its child) and
 * waits for a line of its output; resolves with the match.
 */
export function start(command: string, args: string[], cwd: string, ready: RegExp, env: Record<string, string> = {}): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...shell, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    running.add(child)
    let output = ''
    const timer = setTimeout(() => reject(new Error(`${command} ${args.join(' ')}: not ready after 60 s:\n${output}`)), 60_000)
    const onData = (d: Buffer) => {
      output += d
      const match = output.match(ready)
      if (match) {
        clearTimeout(timer)
        resolve(match)
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => {
      running.delete(child)
      clearTimeout(timer)
      reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`))
    })
  })
}

/** Stops every process this test file started, by the PID of its group. */
export function stopAll() {
  for (const child of running) {
    try {
      process.kill(-child.pid!, 'SIGTERM')
    } catch {
      // already gone
    }
  }
  running.clear()
}

/** The packaged mock server's bin, as `npx presence-kit mock-server` runs it, on a free port. Resolves its URL. */
export async function startMockServer(app: string): Promise<string> {
  const [, url] = await start(process.execPath, [path.join(app, 'node_modules/.bin/presence-kit'), 'mock-server', '--port', '0'], app, /listening on (http:\S+)\n/)
  return url!
}

export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })

/** The exact version the repo itself installed, so that the throwaway apps install the same. */
export const rootVersion = async (name: string) =>
  (JSON.parse(await readFile(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version

/** A temporary folder outside the repo (so that nothing resolves from the repo's node_modules). */
export async function workDir(prefix: string) {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix))
  return { dir, remove: () => (process.env.KEEP_CONSUMER ? Promise.resolve() : rm(dir, { recursive: true, force: true })) }
}
