// Renders the built package's provider and components on the server, where no browser global exists.
import { createElement as h } from 'react'
import { renderToString } from 'react-dom/server'
import { ChatHeader, OnlineStatusIndicator, OnlineUsers, UserStatusProvider, UsersList } from 'presence-kit'

for (const name of ['window', 'document', 'localStorage', 'sessionStorage', 'location']) {
  if (name in globalThis) throw new Error(`${name} is defined: this is not a server environment`)
}
const html = renderToString(
  h(
    UserStatusProvider,
    { token: 'server-token', apiBaseUrl: 'http://127.0.0.1:8000' },
    h(OnlineUsers),
    h(ChatHeader, { userId: 2, name: 'jane_smith' }),
    h(OnlineStatusIndicator, { userId: 2 }),
    h(UsersList, { conversations: [] }),
  ),
)
for (const slot of ['online-users', 'status-indicator']) {
  if (!html.includes(`data-slot="${slot}"`)) throw new Error(`${slot} did not render:\n${html}`)
}
console.log(`ssr ok: ${html.length} characters of HTML`)
