import { WebSocket } from 'ws'
import { startMockServer, type MockServerOptions, type RunningMockServer } from '../../../mock-server/node'
import { createDriver, type BrowserLikeSocket, type Driver, type DriverOptions } from './driver'

export interface NodeDriver extends Driver {
  readonly server: RunningMockServer
}

/** The real Node server on a free port of 127.0.0.1, spoken to over real sockets (`fetch`, the `ws` client). */
export async function makeNodeDriver(options: DriverOptions & Pick<MockServerOptions, 'pingIntervalMs'> = {}): Promise<NodeDriver> {
  const { checkFrame, ...serverOptions } = options
  const server = await startMockServer({ port: 0, host: '127.0.0.1', ...serverOptions })
  const driver = await createDriver({
    kind: 'node',
    origin: server.url,
    rawFetch: (url, init) => fetch(url, init),
    openSocket: (url) => new WebSocket(url) as unknown as BrowserLikeSocket,
    dispose: () => server.close(),
  }, checkFrame)
  return Object.assign(driver, { server })
}
