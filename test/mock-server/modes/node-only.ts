import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import type { BackendName } from '../../../mock-server/modes'
import { login } from '../contract/driver'
import { makeNodeDriver, type NodeDriver } from '../contract/node-driver'

const cwd = fileURLToPath(new URL('../../..', import.meta.url))

// `--port 0` lets the server pick a port and print it: a port probed beforehand may be taken by another test meanwhile.
function listeningPort(stdout: string): number {
  const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(stdout)
  if (!match) throw new Error(`the CLI printed no address: ${stdout}`)
  return Number(match[1])
}

/** Runs the CLI; resolves with its output once `done` says so, or once it exits. */
function runCli(args: string[], done: (stdout: string) => boolean) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'mock-server/cli.ts', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const output = new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no output in time; stdout: ${stdout}; stderr: ${stderr}`)), 45_000)
    const check = () => {
      if (!done(stdout)) return
      clearTimeout(timer)
      resolve({ stdout, stderr })
    }
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      check()
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    void exited.then(() => {
      clearTimeout(timer)
      resolve({ stdout, stderr })
    })
  })
  return { child, output, exited }
}

/** The real server only: an HTTP upgrade to refuse with a status, and a command line. */
export function backendsNodeOnlySuite() {
  describe('backend modes: the real Node server only', () => {
    let driver: NodeDriver | undefined
    const sockets: WebSocket[] = []
    afterEach(async () => {
      for (const socket of sockets.splice(0)) socket.terminate()
      await driver?.close()
      driver = undefined
    })

    const upgradeStatus = (d: NodeDriver, path: string) => {
      const socket = new WebSocket(d.origin.replace(/^http/, 'ws') + path)
      socket.on('error', () => {})
      sockets.push(socket)
      return new Promise<number>((resolve) => {
        socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0))
        socket.on('open', () => resolve(101))
      })
    }

    const cases: Array<[BackendName, string[]]> = [
      ['chat-polling', []],
      ['chat-list-activity', []],
      ['users-heartbeat-admin', []],
      ['chat-socket', ['/ws/chat/']],
      ['user-status-socket', ['/ws/user-status/']],
    ]
    for (const [backend, served] of cases) {
      it(`${backend}: the upgrade of every /ws/ path it does not serve is an HTTP 404, with a valid token too`, async () => {
        const d = (driver = await makeNodeDriver({ backend, checkFrame: () => null }))
        const u = await login(d, 'john_doe')
        for (const path of ['/ws/chat/', '/ws/user-status/', '/ws/chat', '/ws/other/']) {
          const status = await upgradeStatus(d, `${path}?token=${u.access}`)
          expect(status, path).toBe(served.includes(path.replace(/\/?$/, '/')) ? 101 : 404)
        }
      })
    }

    it('the CLI: --backend prints which backend it is and the paths it serves, and serves only those', { timeout: 60_000 }, async () => {
      const { child, output, exited } = runCli(['--backend', 'chat-polling', '--port', '0'], (out) => out.includes('Demo logins'))
      try {
        const { stdout } = await output
        const port = listeningPort(stdout)
        expect(stdout).toContain('backend   chat-polling')
        for (const path of ['/api/chat/heartbeat/', '/api/chat/mark-offline/', '/api/chat/online-users/', '/api/auth/login/']) {
          expect(stdout).toContain(path)
        }
        expect(stdout).not.toContain('/api/users/me/')
        expect(stdout).toMatch(/WebSocket\s+none/)
        const doc = await (await fetch(`http://127.0.0.1:${port}/api/openapi.json`)).json()
        expect(Object.keys(doc.paths)).not.toContain('/api/users/online/')
        expect(Object.keys(doc.paths)).toContain('/api/chat/heartbeat/')
      } finally {
        process.kill(child.pid!, 'SIGTERM')
      }
      expect(await exited).toBe(0)
    })

    // Each starts a process (tsx compiles the CLI first): slow on a busy machine, hence the longer timeouts.
    it('the CLI: a socket backend prints its socket and no other', { timeout: 60_000 }, async () => {
      const run = runCli(['mock-server', '--backend', 'user-status-socket', '--port', '0'], (out) => out.includes('Demo logins'))
      try {
        const { stdout } = await run.output
        const port = listeningPort(stdout)
        expect(stdout).toContain(`ws://127.0.0.1:${port}/ws/user-status/?token=<access>`)
        expect(stdout).not.toContain('/ws/chat/')
      } finally {
        process.kill(run.child.pid!, 'SIGTERM')
      }
      expect(await run.exited).toBe(0)
    })

    const names = ['contract', 'chat-socket', 'user-status-socket', 'chat-polling', 'chat-list-activity', 'users-heartbeat-admin']
    it('the CLI: --help lists every backend; an unknown one exits 1 naming them', { timeout: 60_000 }, async () => {
      const help = runCli(['--help'], () => false)
      expect(await help.exited).toBe(0)
      const { stdout } = await help.output
      expect(stdout).toContain('--backend <name>')
      for (const name of names) expect(stdout).toMatch(new RegExp(`^\\s+${name}\\s`, 'm'))

      const wrong = runCli(['--backend', 'django'], () => false)
      expect(await wrong.exited).toBe(1)
      const { stderr } = await wrong.output
      expect(stderr).toContain('unknown backend "django"')
      for (const name of names) expect(stderr).toContain(name)
    })
  })
}
