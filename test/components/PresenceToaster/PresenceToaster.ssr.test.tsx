// @vitest-environment node
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { PresenceToaster } from '../../../src/components/PresenceToaster'
import { UserStatusProvider } from '../../../src/provider'

describe('PresenceToaster on the server', () => {
  it('renders its empty live region without touching a browser global', () => {
    expect(typeof window).toBe('undefined')
    expect(typeof document).toBe('undefined')
    const html = renderToString(
      <UserStatusProvider token="t">
        <PresenceToaster userIds={[2]} />
      </UserStatusProvider>,
    )
    expect(html).toContain('data-slot="presence-toaster"')
    expect(html).toContain('role="status"')
    expect(html).toContain('aria-live="polite"')
    expect(html).toContain('data-state="empty"')
  })
})
