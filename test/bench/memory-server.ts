/**
 * The mock server for `bench:memory`: as the CLI starts it, or (`--unfixed`) with the send limit off and no ping
 * timeout, which is how the server behaved before section 6.5: nothing limited what was queued for a socket, and
 * any pong (an unsolicited one included) kept a socket alive, so a client sending them was never dropped.
 */
import { parseArgs } from 'node:util'
import { startMockServer } from '../../mock-server/node'

const { values } = parseArgs({ options: { port: { type: 'string' }, unfixed: { type: 'boolean' } } })
const server = await startMockServer({
  port: Number(values.port ?? 0),
  host: '127.0.0.1',
  ...(values.unfixed ? { sendLimitBytes: Infinity, pingIntervalMs: 3_600_000 } : {}),
})
console.log(`listening on ${server.url}`)
const stop = () => void server.close().then(() => process.exit(0))
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
