import { cleanup, render, screen, waitFor } from '@testing-library/react'
import { renderToString } from 'react-dom/server'
import { afterEach, describe, expect, it } from 'vitest'
import { UserStatusProvider } from '../../../src'
import { ChatHeader } from '../../../src/components/ChatHeader'
import { BASE_URL, login, recordRequests, setupMockBackend } from './mock'

const { server } = setupMockBackend()
afterEach(cleanup)

const header = () => document.querySelector('[data-slot="chat-header"]')!
const line = () => document.querySelector('[data-slot="chat-header-status"]')?.textContent
const badge = () => header().querySelector('[data-slot="status-indicator"]')

const tree = (token: string | null) => (
  <UserStatusProvider token={token} apiBaseUrl={BASE_URL} endpoints={{ socket: null }}>
    <ChatHeader userId={4} name="maria_garcia" />
  </UserStatusProvider>
)

describe('ChatHeader signed out', () => {
  it('says so, with no status badge, instead of "Offline"', () => {
    const requests = recordRequests(server)
    render(tree(null))
    expect(header()).toHaveAttribute('data-state', 'signed-out')
    expect(line()).toBe('Sign in to see their status.')
    expect(badge()).toBeNull()
    expect(screen.getByRole('heading').textContent).toBe('maria_garcia')
    expect(requests.seen).toEqual([])
  })

  it('a token given in the first render is not signed out, on the server either', () => {
    const html = renderToString(tree('t'))
    expect(html).not.toContain('Sign in')
    expect(html).not.toContain('signed-out')
  })

  it('signed in, the live status; signed out again, the sign-in line', async () => {
    const { access } = await login('john_doe')
    const { rerender } = render(tree(access))
    await waitFor(() => expect(line()).toBe('Online'))
    expect(header()).not.toHaveAttribute('data-state')
    expect(badge()).not.toBeNull()
    rerender(tree(null))
    await waitFor(() => expect(line()).toBe('Sign in to see their status.'))
    expect(badge()).toBeNull()
  })
})
