import { render, screen } from '@testing-library/react'
import { renderToString } from 'react-dom/server'
import { describe, expect, it, vi } from 'vitest'
import { OnlineUsers, UserStatusProvider } from '../../../src'
import { BASE_URL, login, setupMockBackend } from '../../client/mock-backend'

setupMockBackend()

const card = () => screen.getByRole('region', { name: "Who's Online?" })
const until = (check: () => void) => vi.waitFor(check, { timeout: 3_000, interval: 5 })

describe('OnlineUsers signed out', () => {
  it('says so, not "Nobody else is online"', () => {
    render(
      <UserStatusProvider token={null} apiBaseUrl={BASE_URL}>
        <OnlineUsers />
      </UserStatusProvider>,
    )
    expect(card()).toHaveAttribute('data-state', 'signed-out')
    expect(card()).toHaveTextContent('Sign in to see who is online.')
    expect(card()).not.toHaveTextContent('Nobody else')
  })

  it('a token given in the first render is loading, on the server too, never signed out', () => {
    const html = renderToString(
      <UserStatusProvider token="t" apiBaseUrl={BASE_URL}>
        <OnlineUsers />
      </UserStatusProvider>,
    )
    expect(html).toContain('data-state="loading"')
    expect(html).not.toContain('Sign in')
  })

  it('turns to signed out when the token goes, and back when it comes', async () => {
    const { access } = await login('john_doe')
    const tree = (token: string | null) => (
      <UserStatusProvider token={token} apiBaseUrl={BASE_URL}>
        <OnlineUsers />
      </UserStatusProvider>
    )
    const { rerender } = render(tree(access))
    expect(card()).toHaveAttribute('data-state', 'loading')
    await until(() => expect(card()).toHaveAttribute('data-state', 'ready'))
    rerender(tree(null))
    await until(() => expect(card()).toHaveAttribute('data-state', 'signed-out'))
    rerender(tree(access))
    await until(() => expect(card()).toHaveAttribute('data-state', 'ready'))
  })
})
