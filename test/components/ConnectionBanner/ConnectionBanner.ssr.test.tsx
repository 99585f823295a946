// @vitest-environment node
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { ConnectionBanner } from '../../../src/components/ConnectionBanner'
import { UserStatusProvider } from '../../../src/provider'

describe('ConnectionBanner on the server', () => {
  it('renders hidden, with its empty status region, without touching a browser global', () => {
    expect(typeof window).toBe('undefined')
    expect(typeof document).toBe('undefined')
    const html = renderToString(
      <UserStatusProvider token="t">
        <ConnectionBanner className="mb-4" />
      </UserStatusProvider>,
    )
    expect(html).toContain('data-slot="connection-banner"')
    expect(html).toContain('data-state="hidden"')
    expect(html).toContain('role="status"')
    // Its classes apply only while it shows.
    expect(html).not.toContain('mb-4')
  })
})
