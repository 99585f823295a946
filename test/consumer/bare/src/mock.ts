// An app without msw (and with skipLibCheck: false) uses the mock backend and the real server.
import { CAST, MockBackend, createApp, type MockBackendOptions } from 'presence-kit/mock'
import { startMockServer, type RunningMockServer } from 'presence-kit/mock/node'

const options: MockBackendOptions = { ttlSeconds: 60 }
const backend = new MockBackend(options)
backend.applyPresence(CAST[1]!.id, 'away')
const response: Response | Promise<Response> = createApp(backend).fetch(new Request('http://localhost/api/openapi.json'))
const server: RunningMockServer = await startMockServer({ port: 0 })
// One MockBackend type across the entries.
const same: MockBackend = server.backend
export { response, same }
