/**
 * A hidden ConnectionBanner (live, signed out, first connection) keeps its `role="status"` region mounted, so that
 * the next change is announced; it must not take a place in the app's layout meanwhile: no grid cell, no flex item,
 * no gap of its own.
 */
import { expect, it } from 'vitest'
import { page } from 'vitest/browser'
import { ConnectionBanner, UserStatusProvider } from '../../src'
import { mount } from './mount'

for (const display of ['grid', 'flex'] as const) {
  it(`takes no place in a ${display} layout with a gap while hidden, and its status region stays`, async () => {
    const { host } = mount(
      <UserStatusProvider token={null} apiBaseUrl="http://127.0.0.1:9">
        <div data-testid="layout" style={{ display, flexDirection: 'column', gap: 24 }}>
          <ConnectionBanner />
          <div style={{ height: 40 }}>content</div>
        </div>
      </UserStatusProvider>,
      { width: '400px' },
    )
    const banner = host.querySelector('[data-slot="connection-banner"]')!
    expect(banner).toHaveAttribute('data-state', 'hidden')
    expect(host.querySelector('[data-testid="layout"]')!.getBoundingClientRect().height).toBe(40)
    await expect.element(page.getByRole('status')).toBeInTheDocument()
  })
}
