// @vitest-environment node
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { OnlineStatusIndicator, OnlineUsers, Avatar } from '../../../src/components'
import { UserStatusProvider } from '../../../src/provider'

describe('server rendering', () => {
  it('renders OnlineUsers, a live indicator and an avatar without touching a browser global', () => {
    expect(typeof window).toBe('undefined')
    expect(typeof document).toBe('undefined')
    const html = renderToString(
      <UserStatusProvider token="t" apiBaseUrl="http://localhost:8000">
        <OnlineUsers title="Who's Online?" />
        <OnlineStatusIndicator userId={2} />
        <Avatar name="jane_smith" src={null} />
      </UserStatusProvider>,
    )
    expect(html).toContain('data-slot="online-users"')
    expect(html).toContain('data-state="loading"')
    expect(html).toContain('aria-label="Offline"')
    expect(html).toContain('JS')
  })
})
