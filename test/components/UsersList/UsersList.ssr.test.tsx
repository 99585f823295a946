// @vitest-environment node
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { UsersList } from '../../../src/components/UsersList'
import { UserStatusProvider } from '../../../src/provider'
import { conversations } from './fixtures'

describe('UsersList on the server', () => {
  it('renders the loading state inside a provider without touching a browser global', () => {
    expect(typeof window).toBe('undefined')
    expect(typeof document).toBe('undefined')
    const html = renderToString(
      <UserStatusProvider token="t">
        <UsersList />
      </UserStatusProvider>,
    )
    expect(html).toContain('data-slot="users-list"')
    expect(html).toContain('data-state="loading"')
    expect(html).toContain('Loading conversations…')
  })

  it('renders the first rows of data passed in, and leaves the times to the client', () => {
    const html = renderToString(
      <UserStatusProvider token="t">
        <UsersList conversations={conversations(10_000)} height={480} />
      </UserStatusProvider>,
    )
    expect(html).toContain('role="listbox"')
    expect(html).toContain('aria-setsize="10000"')
    const rows = html.match(/role="option"/g) ?? []
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.length).toBeLessThanOrEqual(30)
    // The reader's time zone decides "14:05" or "Mon": not known on the server, so no <time> until hydration.
    expect(html).not.toContain('<time')
  })

  it('renders data passed in outside any provider too', () => {
    const html = renderToString(<UsersList conversations={conversations(3)} />)
    expect((html.match(/role="option"/g) ?? []).length).toBe(3)
  })
})
