import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { request } from 'node:http'
import { connect as connectTcp, createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { WebSocket } from 'ws'
import { contractSuite } from './contract/suite'
import { makeNodeDriver, type NodeDriver } from './contract/node-driver'
import { startMockServer } from '../../mock-server/node'
import { advance, connect, isStatusOf, login, sleep, type Json } from './contract/driver'
import { OpenApiChecker } from './contract/openapi'

contractSuite('real Node server over real sockets', makeNodeDriver)

// What only the real server has: an HTTP upgrade to accept or refuse, protocol-level WebSocket pings, a process
// with a command line. MSW has no upgrade (a refused connection never opens), no protocol frames and no port.
describe('presence contract: the real Node server only', () => {
  let driver: NodeDriver | undefined
  const open: WebSocket[] = []
  afterEach(async () => {
    for (const socket of open.splice(0)) socket.terminate()
    await driver?.close()
    driver = undefined
  })
  const rawSocket = (d: NodeDriver, path: string, options: { autoPong?: boolean } = {}) => {
    const socket = new WebSocket(d.origin.replace(/^http/, 'ws') + path, options)
    socket.on('error', () => {})
    open.push(socket)
    return socket
  }

  /** A request with headers that `fetch` would not send as given (`Host`). */
  const rawHttp = (d: NodeDriver, path: string, headers: Record<string, string>) =>
    new Promise<{ status: number; json: Json }>((resolve, reject) => {
      const req = request(`${d.origin}${path}`, { headers }, (res) => {
        let text = ''
        res.on('data', (chunk: Buffer) => (text += chunk.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }))
      })
      req.on('error', reject)
      req.end()
    })

  it("absolute links are built on the server's own address, never on the request's Host header (6.5)", async () => {
    const d = (driver = await makeNodeDriver())
    const u = await login(d, 'john_doe')
    const evil = { host: 'evil.example:1337', 'x-forwarded-host': 'evil.example:1337', authorization: `Bearer ${u.access}` }
    const me = await rawHttp(d, '/api/users/me/', evil)
    expect(me.status).toBe(200)
    expect(me.json.profile_image).toBe(`${d.origin}/avatars/${u.user.id}.svg`)
    const list = await rawHttp(d, '/api/chat/online-users/', evil)
    for (const user of list.json.onlineUsers) expect(new URL(user.profileImage).origin).toBe(d.origin)
    const socket = new WebSocket(`${d.origin.replace(/^http/, 'ws')}/ws/user-status/?token=${u.access}`, { headers: { host: 'evil.example:1337' } })
    open.push(socket)
    const snapshot = await new Promise<Json>((resolve, reject) => {
      socket.once('message', (data) => resolve(JSON.parse(data.toString())))
      socket.once('error', reject)
    })
    expect(snapshot.onlineUsers.length).toBeGreaterThan(0)
    for (const user of snapshot.onlineUsers) expect(new URL(user.profileImage).origin).toBe(d.origin)
  })

  it('listening on a wildcard address, links name localhost; --public-url overrides the listening address', async () => {
    const wild = await startMockServer({ port: 0, host: '0.0.0.0' })
    try {
      expect(wild.publicUrl).toBe(`http://localhost:${wild.port}`)
    } finally {
      await wild.close()
    }
    const given = await startMockServer({ port: 0, host: '127.0.0.1', publicUrl: 'https://presence.dev.example/' })
    try {
      expect(given.publicUrl).toBe('https://presence.dev.example')
    } finally {
      await given.close()
    }
    await expect(startMockServer({ port: 0, publicUrl: 'javascript:alert(1)' })).rejects.toThrow(/public URL/)
  })

  it("a bad token: the upgrade is accepted, nothing is sent, then the close is 4401 'unauthorized'", async () => {
    const d = (driver = await makeNodeDriver())
    for (const path of ['/ws/user-status/', '/ws/user-status/?token=at_garbage', '/ws/chat/?token=']) {
      const socket = d.socket(path)
      expect(await socket.closed).toEqual({ code: 4401, reason: 'unauthorized' })
      expect(socket.wasOpened).toBe(true)
      expect(socket.received).toEqual([])
    }
  })

  it('an unknown WebSocket path is refused with 404', async () => {
    const d = (driver = await makeNodeDriver())
    const u = await login(d, 'john_doe')
    const socket = rawSocket(d, `/ws/nope/?token=${u.access}`)
    const status = await new Promise<number>((resolve) => {
      socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0))
      socket.on('open', () => resolve(101))
    })
    expect(status).toBe(404)
  })

  it('protocol-level pings: an answering client stays, and its pongs are not signs of life', async () => {
    const d = (driver = await makeNodeDriver({ pingIntervalMs: 60 }))
    const u = await login(d, 'john_doe')
    const tab = await connect(d, u.access)
    const lastSeen = tab.snapshot.onlineUsers.find((x: { id: number }) => x.id === u.user.id).lastSeen
    const raw = rawSocket(d, `/ws/user-status/?token=${u.access}`)
    let pings = 0
    raw.on('ping', () => pings++)
    await new Promise((resolve) => raw.once('message', resolve)) // its snapshot; opening it was a sign of life
    const opened = new Date().toISOString()
    await advance(d, 60)
    await sleep(300)
    expect(pings).toBeGreaterThanOrEqual(3)
    expect(raw.readyState).toBe(WebSocket.OPEN)
    expect(tab.isClosed).toBe(false)
    const admin = await login(d, 'admin')
    const view = await d.fetch(`/api/users/admin/users/${u.user.id}/online-status/`, { token: admin.access })
    // Last seen is the last real sign of life (the second socket's opening), not a pong 60 s later.
    expect(Date.parse(view.json.last_seen)).toBeLessThanOrEqual(Date.parse(opened))
    expect(Date.parse(view.json.last_seen)).toBeGreaterThanOrEqual(Date.parse(lastSeen))
  })

  it('protocol-level pings: a client that stops answering is dropped, and its user goes offline after the grace period', async () => {
    const d = (driver = await makeNodeDriver({ pingIntervalMs: 60, graceSeconds: 0.2 }))
    const u = await login(d, 'john_doe')
    await d.fetch('/api/chat/mark-offline/', { method: 'POST', token: u.access, json: {} })
    const w = await login(d, 'jane_smith')
    const ws = await connect(d, w.access)
    const silent = rawSocket(d, `/ws/user-status/?token=${u.access}`, { autoPong: false })
    await new Promise((resolve) => silent.once('message', resolve))
    await ws.next(isStatusOf(u.user.id, 'online'))
    const closed = await new Promise<number>((resolve) => silent.once('close', (code) => resolve(code)))
    expect(closed).toBe(1006) // terminated, no close frame: a vanished network
    await ws.next(isStatusOf(u.user.id, 'offline'), 2000)
  })

  it('a client that sends unsolicited pongs but never answers a ping is dropped all the same (6.5)', async () => {
    const d = (driver = await makeNodeDriver({ pingIntervalMs: 60 }))
    const u = await login(d, 'john_doe')
    const silent = rawSocket(d, `/ws/user-status/?token=${u.access}`, { autoPong: false })
    await new Promise((resolve) => silent.once('message', resolve))
    // An empty pong, and one with a payload of its own, every 20 ms: neither answers the server's ping.
    const pongs = setInterval(() => {
      if (silent.readyState !== WebSocket.OPEN) return
      silent.pong()
      silent.pong(Buffer.from('12345678'))
    }, 20)
    try {
      const closed = await Promise.race([
        new Promise<number>((resolve) => silent.once('close', (code) => resolve(code))),
        sleep(3000).then(() => 'still open'),
      ])
      expect(closed).toBe(1006)
    } finally {
      clearInterval(pongs)
    }
  })

  it('a client that never reads is closed with 1013 once 1 MiB is unread, and nothing more is sent to it (6.5)', async () => {
    const d = (driver = await makeNodeDriver())
    const backend = d.server.backend
    const w = await login(d, 'jane_smith')
    const port = Number(new URL(d.origin).port)
    // A bare TCP client: the upgrade, then it stops reading (and so answers no ping).
    const tcp = connectTcp(port, '127.0.0.1')
    open.push({ terminate: () => tcp.destroy() } as unknown as WebSocket)
    const key = randomBytes(16).toString('base64')
    tcp.write(
      `GET /ws/user-status/?token=${w.access} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\n` +
        `Connection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    )
    let received = Buffer.alloc(0)
    await new Promise<void>((resolve) => {
      const onData = (chunk: Buffer) => {
        received = Buffer.concat([received, chunk])
        const end = received.indexOf('\r\n\r\n')
        if (end < 0) return
        expect(received.subarray(0, 12).toString()).toBe('HTTP/1.1 101')
        received = received.subarray(end + 4)
        tcp.off('data', onData)
        tcp.pause()
        resolve()
      }
      tcp.on('data', onData)
    })
    await vi.waitFor(() => expect(backend.hub.size).toBe(1))

    // john_doe changes his message, each change pushed at once: about 700 bytes a frame for jane's socket.
    const message = (n: number) => `${n} ${'🚀'.repeat(130)}`
    let sent = 0
    while (backend.hub.size === 1 && sent < 40_000) {
      backend.presence.setStatus(3, { statusMessage: message(sent++) })
      backend.hub.flush()
      if (sent % 200 === 0) await new Promise((resolve) => setImmediate(resolve))
    }
    const refused = sent - 1 // the change whose frame would have passed the limit
    expect(backend.hub.size, 'the server stopped queuing for the socket').toBe(0)
    for (let i = 0; i < 50; i++) {
      backend.presence.setStatus(3, { statusMessage: message(sent++) })
      backend.hub.flush()
    }

    // Reading again: everything queued before the limit arrives, in order, then the close frame with 1013.
    const frames: string[] = []
    let close: number | null = null
    let dataBytes = 0
    const parse = () => {
      for (;;) {
        if (received.length < 2) return
        const opcode = received[0]! & 0x0f
        let length = received[1]! & 0x7f
        let offset = 2
        if (length === 126) {
          if (received.length < 4) return
          length = received.readUInt16BE(2)
          offset = 4
        } else if (length === 127) {
          if (received.length < 10) return
          length = Number(received.readBigUInt64BE(2))
          offset = 10
        }
        if (received.length < offset + length) return
        const payload = received.subarray(offset, offset + length)
        received = received.subarray(offset + length)
        if (opcode === 1) {
          frames.push(payload.toString('utf8'))
          dataBytes += length
        } else if (opcode === 8) close = payload.readUInt16BE(0)
      }
    }
    await new Promise<void>((resolve, reject) => {
      tcp.on('data', (chunk: Buffer) => {
        received = Buffer.concat([received, chunk])
        parse()
        if (close !== null) resolve()
      })
      tcp.once('close', () => (close === null ? reject(new Error(`closed without a close frame after ${frames.length} frames`)) : resolve()))
      parse()
      tcp.resume()
    })
    expect(close).toBe(1013)
    // Her own socket's devices (6.2) are announced to it first; then john_doe's changes, in order.
    const events = frames.slice(1).map((text) => JSON.parse(text)).filter((e: Json) => e.user?.id === 3)
    expect(JSON.parse(frames[0]!).type).toBe('online_users')
    const numbers = events.map((e: Json) => Number(e.user.statusMessage.split(' ')[0]))
    expect(numbers).toEqual(Array.from({ length: refused }, (_, i) => i))
    // What it was sent and never acknowledged reading (it answers no ping) stayed within 1 MiB, filled to the
    // last frame that fitted: the kernel's buffers count, not only the server's own queue.
    expect(dataBytes).toBeLessThanOrEqual(1024 * 1024)
    expect(dataBytes + Buffer.byteLength(frames.at(-1)!)).toBeGreaterThan(1024 * 1024)
    // Jane's socket is gone for the presence rules too: no socket of hers is left.
    expect(backend.presence.user(w.user.id)!.connections.size).toBe(0)
  })

  it('a client that reads keeps its socket however much it is sent: its answers to the probes count what it read (6.5)', async () => {
    const d = (driver = await makeNodeDriver())
    const backend = d.server.backend
    const w = await login(d, 'jane_smith')
    const ws = await connect(d, w.access)
    const message = (n: number) => `${n} ${'🚀'.repeat(130)}`
    const total = 15_000 // about 10 MiB, ten times the limit
    for (let n = 0; n < total; n++) {
      backend.presence.setStatus(3, { statusMessage: message(n) })
      backend.hub.flush()
      // Every ~100 KB, until the client has read it: a producer 1 ms ahead of a client in the same busy process can
      // outrun the probes' round trips (seen under load); the probes must still count what it read, 10 MiB in all.
      if (n % 200 === 199) await ws.next((m) => m.type === 'user.status.changed' && m.user.statusMessage === message(n), 15_000)
    }
    // The loop's last wait was for message(total - 1): all of it was read, and the socket is still there.
    expect(ws.isClosed).toBe(false)
    expect(backend.hub.size).toBe(1)
  })

  it('the CLI: prints its URL and the demo logins, answers, has no controls with --no-control, and stops on SIGTERM', async () => {
    const port = await new Promise<number>((resolve, reject) => {
      const probe = createServer()
      probe.once('error', reject)
      probe.listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number }
        probe.close(() => resolve(port))
      })
    })
    const cwd = fileURLToPath(new URL('../..', import.meta.url))
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'mock-server/cli.ts', '--port', String(port), '--host', '127.0.0.1', '--ttl', '300', '--grace', '2', '--token-ttl', '900', '--no-control', '--public-url', `http://localhost:${port}/`],
      { cwd, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    try {
      let stdout = ''
      let stderr = ''
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no banner in time; stdout: ${stdout}; stderr: ${stderr}`)), 15_000)
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString()
          if (/Demo logins/.test(stdout) && stdout.includes(`http://127.0.0.1:${port}`)) {
            clearTimeout(timer)
            resolve()
          }
        })
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)))
      })
      expect(stdout).toContain(`http://127.0.0.1:${port}`)
      for (const name of ['john_doe', 'jane_smith', 'ahmad', 'admin']) expect(stdout).toContain(name)
      const base = `http://127.0.0.1:${port}`
      const reset = await fetch(`${base}/__mock__/reset`, { method: 'POST' })
      expect(reset.status).toBe(404)
      expect((await reset.json()).error.code).toBe('not_found')
      const res = await fetch(`${base}/api/auth/login/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'john_doe', password: 'password' }),
      })
      expect(res.status).toBe(200)
      const body = await res.clone().json()
      expect(body.user.profile_image).toBe(`http://localhost:${port}/avatars/${body.user.id}.svg`)
      const doc = await (await fetch(`${base}/api/openapi.json`)).json()
      expect(Object.keys(doc.paths).some((p) => p.startsWith('/__mock__'))).toBe(false)
      const openapi = new OpenApiChecker(doc)
      openapi.check('POST', '/api/auth/login/', res.status, res.headers.get('content-type'), await res.text())
      openapi.check('POST', '/__mock__/reset', 404, 'application/json', JSON.stringify({ error: { code: 'not_found', message: '' } }))
    } finally {
      process.kill(child.pid!, 'SIGTERM')
    }
    expect(await exited).toBe(0)
  })
})
