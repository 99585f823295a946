/**
 * Load figures of the mock server on loopback: 1,000 sockets (bounded), one status change fanned out to all.
 * Run: npm run bench:sockets [-- --sockets 1000]. Starts its own server process and stops it; never longer than 90 s.
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { parseArgs } from 'node:util'
import WebSocket from 'ws'

const { values } = parseArgs({ options: { sockets: { type: 'string' }, rounds: { type: 'string' } } })
const SOCKETS = Math.min(Number(values.sockets ?? 1000), 5000)
const ROUNDS = Math.min(Number(values.rounds ?? 5), 50)
const deadline = setTimeout(() => {
  console.error('bench: gave up after 90 s')
  process.exit(1)
}, 90_000)

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })

const rssMiB = (pid: number) => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/)
  return line ? Number(line[1]) / 1024 : NaN
}

const JSON_HEADERS = { 'content-type': 'application/json' }

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
const ms = (n: number) => `${n.toFixed(1)} ms`

async function main() {
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const server = spawn(process.execPath, ['--import', 'tsx', 'mock-server/cli.ts', '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise<void>((resolve) => server.stdout!.on('data', (d: Buffer) => d.toString().includes('listening') && resolve()))
  const idle = rssMiB(server.pid!)

  const users = ['ahmad', 'jane_smith', 'john_doe', 'maria_garcia', 'li_wei', 'noah_wilson', 'emma_johnson', 'lucas_silva', 'amelia_clark', 'admin']
  const tokens: string[] = []
  for (const username of users) {
    const r = await fetch(`${base}/api/auth/login/`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ username, password: 'password' }) })
    tokens.push(((await r.json()) as { access: string }).access)
  }

  const sockets: WebSocket[] = []
  const connectTimes: number[] = []
  const started = performance.now()
  // Open in waves of 100, as a crowd of tabs would, not 1,000 handshakes in one tick.
  for (let i = 0; i < SOCKETS; i += 100) {
    await Promise.all(
      Array.from({ length: Math.min(100, SOCKETS - i) }, (_, k) => {
        const t0 = performance.now()
        const ws = new WebSocket(`${base.replace('http', 'ws')}/ws/user-status/?token=${tokens[(i + k) % tokens.length]}`)
        sockets.push(ws)
        return new Promise<void>((resolve, reject) => {
          ws.once('message', () => {
            connectTimes.push(performance.now() - t0)
            resolve()
          })
          ws.once('error', reject)
        })
      }),
    )
  }
  const connectAll = performance.now() - started
  const loaded = rssMiB(server.pid!)

  const fanouts: number[] = []
  const target = 13
  for (let round = 0; round < ROUNDS; round++) {
    const status = round % 2 ? 'online' : 'away'
    let received = 0
    const t0 = performance.now()
    const done = new Promise<number>((resolve) => {
      for (const ws of sockets) {
        const onMessage = (data: WebSocket.RawData) => {
          const frame = JSON.parse(data.toString())
          if (frame.type !== 'user.status.changed' || frame.user.id !== target) return
          ws.off('message', onMessage)
          if (++received === sockets.length) resolve(performance.now() - t0)
        }
        ws.on('message', onMessage)
      }
    })
    await fetch(`${base}/__mock__/users/${target}/presence`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ status }) })
    fanouts.push(await done)
    await new Promise((r) => setTimeout(r, 100))
  }
  const peak = rssMiB(server.pid!)

  for (const ws of sockets) ws.terminate()
  server.kill('SIGTERM')
  clearTimeout(deadline)

  connectTimes.sort((a, b) => a - b)
  fanouts.sort((a, b) => a - b)
  console.log(`mock server on loopback, ${SOCKETS} sockets, ${users.length} users, node ${process.version}`)
  console.log(`connect: all ${SOCKETS} in ${ms(connectAll)} (waves of 100); per socket until snapshot p50 ${ms(pct(connectTimes, 50))}, p95 ${ms(pct(connectTimes, 95))}, max ${ms(connectTimes.at(-1)!)}`)
  console.log(`fan-out of one change to all ${SOCKETS} sockets (request sent → last socket has it), ${ROUNDS} rounds: median ${ms(pct(fanouts, 50))}, max ${ms(fanouts.at(-1)!)}`)
  console.log(`server RSS: idle ${idle.toFixed(1)} MiB, with ${SOCKETS} sockets ${loaded.toFixed(1)} MiB, after fan-outs ${peak.toFixed(1)} MiB`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
