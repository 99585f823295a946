// The shared MSW mock backend helpers, in one place for this folder's tests.
export { BASE_URL, login, setupMockBackend } from '../../client/mock-backend'

/** Every request that reached MSW, as "METHOD /path". */
export function recordRequests(server: { events: { on(type: 'request:start', listener: (args: { request: Request }) => void): void } }) {
  const seen: string[] = []
  server.events.on('request:start', ({ request }) => {
    seen.push(`${request.method} ${new URL(request.url).pathname}`)
  })
  return { seen, count: (entry: string) => seen.filter((s) => s === entry).length }
}
