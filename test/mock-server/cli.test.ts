// The mock server's command line as a developer meets it: the banner's links answer, and a port in use says so.
import { spawn } from 'node:child_process'
import { createServer, type Server } from 'node:net'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'

const cwd = fileURLToPath(new URL('../..', import.meta.url))
const children: Array<ReturnType<typeof spawn>> = []
let blocker: Server | undefined

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGTERM')
  await new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve()))
  blocker = undefined
})

/** Runs the CLI as one process; resolves once `done` holds for its output, or once it exits. */
function run(args: string[], done: (stdout: string) => boolean) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'mock-server/cli.ts', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  let stdout = ''
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise<{ stdout: string; stderr: string; code: number | null }>((resolve) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      if (done(stdout)) resolve({ stdout, stderr, code: null })
    })
    child.once('exit', (code) => resolve({ stdout, stderr, code }))
  })
}

describe('mock server CLI', () => {
  it('lists each control route in its banner, and each one answers', async () => {
    const { stdout } = await run(['--port', '0'], (out) => out.includes('Demo logins'))
    const base = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)![1]!
    const controls = [...stdout.matchAll(/^\s+(POST|GET)\s+(\/__mock__\/\S+)$/gm)].map((m) => ({ method: m[1]!, path: m[2]! }))
    expect(controls.map((c) => c.path)).toEqual(['/__mock__/reset', '/__mock__/clock', '/__mock__/users/{id}/presence'])
    // A printed link is a route, not the 404 of a bare `/__mock__/`.
    const reset = await fetch(`${base}/__mock__/reset`, { method: 'POST' })
    expect(reset.status).toBe(200)
    expect(stdout).not.toMatch(/__mock__\/\s*$/m)
  })

  it('a port in use: one line that says so, exit code 1, no usage text', async () => {
    blocker = createServer()
    const port = await new Promise<number>((resolve) => blocker!.listen(0, '127.0.0.1', () => resolve((blocker!.address() as { port: number }).port)))
    const { stderr, code } = await run(['--port', String(port)], () => false)
    expect(code).toBe(1)
    expect(stderr).toMatch(/EADDRINUSE.*pass --port <n>/)
    expect(stderr).not.toContain('Usage:')
  })

  it('a wrong argument: the message and the usage text', async () => {
    const { stderr, code } = await run(['--ttl', 'soon'], () => false)
    expect(code).toBe(1)
    expect(stderr).toContain('--ttl takes a number of seconds, got "soon"')
    expect(stderr).toContain('Usage:')
  })
})
