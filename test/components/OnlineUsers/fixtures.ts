/** One online user as the contract's socket and REST lists carry it (camelCase, every field given). */
export const onlineRecord = (id: number, username: string, lastSeen = '2023-11-14T22:00:00Z') => ({
  id,
  username,
  profileImage: null,
  isOnline: true,
  status: 'online',
  statusMessage: null,
  lastSeen,
})

/**
 * A provider's props for a contract backend without a socket (the REST list only), signed in as user 1, serving
 * `users`: no network, no tab election, so that the card's browser tests run the real provider on its own.
 */
export function restOnlyBackend(users: ReadonlyArray<ReturnType<typeof onlineRecord>>) {
  const fetch = async (input: RequestInfo | URL) => {
    const path = new URL(String(input instanceof Request ? input.url : input)).pathname
    if (path === '/api/chat/online-users/') return Response.json({ success: true, onlineUsers: users, online_users: users.map((user) => user.id) })
    if (path === '/api/chat/heartbeat/') return Response.json({ message: 'Heartbeat recorded', online_status: 'online' })
    return Response.json({ error: { code: 'not_found', message: 'no such route' } }, { status: 404 })
  }
  return {
    token: 't',
    apiBaseUrl: 'http://card.test',
    userId: 1,
    endpoints: { socket: null },
    fetch,
    runtimeOptions: { heartbeat: { locks: null, BroadcastChannel: null } },
  }
}
