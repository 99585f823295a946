import { parseArgs } from 'node:util'
import { routesOf } from './app'
import { CAST, DEMO_PASSWORD } from './core/cast'
import { BACKEND_NAMES, BACKENDS, backendMode } from './modes'
import { startMockServer } from './node'

const width = Math.max(...BACKEND_NAMES.map((name) => name.length))
const MODES = BACKEND_NAMES.map((name) => `    ${name.padEnd(width)}  ${BACKENDS[name].title}`).join('\n')

const HELP = `Usage: presence-kit mock-server [options]   (or: presence-mock-server [options])

  --backend <name>  which backend to be (default contract); each serves only its own routes and socket:
${MODES}
  --port <n>        port to listen on (default 8000; 0 picks a free one)
  --host <addr>     address to listen on (default 127.0.0.1)
  --public-url <u>  the URL clients reach the server at, the base of avatar links (default: the address it
                    listens on; never a request's Host header)
  --ttl <s>         seconds a REST request or heartbeat keeps a user online (default 300)
  --grace <s>       seconds a user stays online after the last socket closed (default 2)
  --token-ttl <s>   lifetime of access tokens in seconds (default 900)
  --simulate        demo users come and go every few seconds
  --no-control      turn off the /__mock__/ controls
  --help            this text`

function seconds(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} takes a number of seconds, got "${value}"`)
  return n
}

async function main(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      backend: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'public-url': { type: 'string' },
      ttl: { type: 'string' },
      grace: { type: 'string' },
      'token-ttl': { type: 'string' },
      simulate: { type: 'boolean' },
      'no-control': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    console.log(HELP)
    return
  }
  const port = seconds('port', values.port, 8000)
  const mode = backendMode(values.backend ?? 'contract')
  const options = {
    backend: mode.name,
    port,
    host: values.host ?? '127.0.0.1',
    ...(values['public-url'] === undefined ? {} : { publicUrl: values['public-url'] }),
    ttlSeconds: seconds('ttl', values.ttl, 300),
    graceSeconds: seconds('grace', values.grace, 2),
    tokenTtlSeconds: seconds('token-ttl', values['token-ttl'], 900),
    simulate: values.simulate ?? false,
    control: !values['no-control'],
  }
  argumentsRead = true
  const server = await startMockServer(options)
  // Before anything is printed: whoever reads the banner may stop the server at once (a pipe delivers it at once).
  const stop = () => {
    void server.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  const ws = server.url.replace(/^http/, 'ws')
  const routes = routesOf(server.backend)
  const api = routes.filter((r) => r.access !== 'control' && !r.path.startsWith('/avatars/'))
  const controls = routes.filter((r) => r.access === 'control')
  const sockets = mode.socket?.paths.map((path) => `${ws}${path}/?token=<access>`) ?? []
  console.log(`presence kit mock server listening on ${server.url}`)
  console.log(`  backend   ${mode.name}: ${mode.title}`)
  console.log(`  REST      ${server.url}/api/  (OpenAPI: ${server.url}/api/openapi.json)`)
  for (const route of api) console.log(`            ${route.method.toUpperCase().padEnd(5)} ${route.path}`)
  console.log(`  WebSocket ${sockets.length ? sockets.join('  (also ') + (sockets.length > 1 ? ')' : '') : 'none (every /ws/ path is a 404)'}`)
  if (server.publicUrl !== server.url) console.log(`  links     ${server.publicUrl}/avatars/<id>.svg  (set with --public-url)`)
  // The routes themselves: `/__mock__/` alone is no route, and a link to it would be a 404.
  console.log(`  controls  ${controls.length ? `${server.url}/__mock__/…` : 'off (--no-control)'}`)
  for (const route of controls) console.log(`            ${route.method.toUpperCase().padEnd(5)} ${route.path}`)
  console.log(`  simulate  ${values.simulate ? 'on: demo users come and go' : 'off (--simulate to turn on)'}`)
  const names = CAST.map((m) => (m.isAdmin ? `${m.username} (admin)` : m.username))
  console.log(`Demo logins (password "${DEMO_PASSWORD}" for all): ${names.join(', ')}`)
  console.log(`Try: curl -s -X POST ${server.url}/api/auth/login/ -H 'Content-Type: application/json' -d '{"username":"john_doe","password":"${DEMO_PASSWORD}"}'`)

}

// `npx presence-kit mock-server --port 8000`: the package's bin takes the command name first.
const argv = process.argv.slice(2)
if (argv[0] === 'mock-server') argv.shift()

// The usage text follows a mistake in the arguments only: after a port in use it would bury the line that says so.
let argumentsRead = false

main(argv).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error)
  if ((error as { code?: unknown } | null)?.code === 'EADDRINUSE') {
    console.error(`${message}: another server listens there; stop it, or pass --port <n> (0 picks a free one)`)
  } else {
    console.error(message)
    if (!argumentsRead) console.error(HELP)
  }
  process.exit(1)
})
