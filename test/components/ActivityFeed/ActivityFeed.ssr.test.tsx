// @vitest-environment node
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { ActivityFeed } from '../../../src/components/ActivityFeed'
import { UserStatusProvider } from '../../../src/provider'

describe('ActivityFeed on the server', () => {
  it('renders its loading state without touching a browser global', () => {
    expect(typeof window).toBe('undefined')
    expect(typeof document).toBe('undefined')
    const html = renderToString(
      <UserStatusProvider token="t">
        <ActivityFeed title="Friends' activity" filter="friends" maxEntries={5} />
      </UserStatusProvider>,
    )
    expect(html).toContain('data-slot="activity-feed"')
    expect(html).toContain('data-state="loading"')
    expect(html).toContain('aria-busy="true"')
    expect(html).toContain('Friends&#x27; activity')
  })
})
