import { cleanup, render, screen, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { UserStatusProvider } from '../../../src'
import { ChatHeader } from '../../../src/components/ChatHeader'
import { BASE_URL, login, recordRequests, setupMockBackend } from './mock'

const { server } = setupMockBackend()
afterEach(cleanup)

const signedIn = (token: string) =>
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <UserStatusProvider token={token} apiBaseUrl={BASE_URL} endpoints={{ socket: null }}>
        {children}
      </UserStatusProvider>
    )
  }
const line = () => document.querySelector('[data-slot="chat-header-status"]')?.textContent

describe('ChatHeader against the mock backend', () => {
  it('an offline peer, whom no online list names, gets their last seen from the conversations', async () => {
    const requests = recordRequests(server)
    const { access } = await login('john_doe')
    render(<ChatHeader userId={2} name="Jane" />, { wrapper: signedIn(access) })
    await waitFor(() => expect(line()).toBe('Last seen 2 hours ago'))
    expect(screen.getByRole('heading').textContent).toBe('jane_smith')
    expect(requests.count('GET /api/chat/conversations/')).toBe(1)
  })

  it('an online peer is in the store already: no lookup', async () => {
    const requests = recordRequests(server)
    const { access } = await login('john_doe')
    render(<ChatHeader userId={4} />, { wrapper: signedIn(access) })
    await waitFor(() => expect(line()).toBe('Online'))
    expect(requests.count('GET /api/chat/conversations/')).toBe(0)
  })

  it('lookupPeer={false} leaves an unknown peer offline', async () => {
    const requests = recordRequests(server)
    const { access } = await login('john_doe')
    render(<ChatHeader userId={2} name="Jane" lookupPeer={false} />, { wrapper: signedIn(access) })
    await waitFor(() => expect(requests.count('GET /api/chat/online-users/')).toBeGreaterThan(0))
    expect(line()).toBe('Offline')
    expect(requests.count('GET /api/chat/conversations/')).toBe(0)
  })
})
