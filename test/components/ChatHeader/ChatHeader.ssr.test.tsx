// @vitest-environment node
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { ChatHeader } from '../../../src/components/ChatHeader'
import { UserStatusProvider } from '../../../src/provider'

describe('ChatHeader on the server', () => {
  it('renders inside a provider without touching a browser global', () => {
    expect(typeof window).toBe('undefined')
    expect(typeof document).toBe('undefined')
    const html = renderToString(
      <UserStatusProvider token="t">
        <ChatHeader userId={2} name="jane_smith" onBack={() => {}} actions={<button type="button">Call</button>} />
      </UserStatusProvider>,
    )
    expect(html).toContain('data-slot="chat-header"')
    expect(html).toContain('jane_smith')
    expect(html).toContain('aria-label="Back"')
    expect(html).toContain('aria-live="polite"')
    // Nothing is known on the server: the user reads as offline, and "last seen" is the client's to tell.
    expect(html).toContain('>Offline<')
  })
})
