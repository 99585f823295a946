import { cleanup, render, screen, waitFor } from '@testing-library/react'
import { renderToString } from 'react-dom/server'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { UserStatusProvider } from '../../../src'
import { UsersList } from '../../../src/components/UsersList'
import { BASE_URL, login, setupMockBackend } from '../../client/mock-backend'
import { fakeListboxLayout } from './fixtures'

setupMockBackend()

let undoLayout: () => void
beforeEach(() => {
  undoLayout = fakeListboxLayout(480)
})
afterEach(() => {
  cleanup()
  undoLayout()
})

const list = () => document.querySelector('[data-slot="users-list"]')!
const tree = (token: string | null) => (
  <UserStatusProvider token={token} apiBaseUrl={BASE_URL} endpoints={{ socket: null }}>
    <UsersList />
  </UserStatusProvider>
)

describe('UsersList signed out', () => {
  it('says so, not a skeleton that never ends', () => {
    render(tree(null))
    expect(list()).toHaveAttribute('data-state', 'signed-out')
    expect(list()).toHaveTextContent('Sign in to see your conversations.')
    expect(list()).not.toHaveAttribute('aria-busy')
    expect(screen.queryByRole('status')).toBeNull()
  })

  it('a token given in the first render is loading, on the server too, never signed out', () => {
    const html = renderToString(tree('t'))
    expect(html).toContain('data-state="loading"')
    expect(html).not.toContain('Sign in')
  })

  it('signing out hides the last user’s conversations; signing in loads them again', async () => {
    const { access } = await login('john_doe')
    const { rerender } = render(tree(access))
    await screen.findAllByRole('option')
    expect(list()).toHaveAttribute('data-state', 'ready')
    rerender(tree(null))
    await waitFor(() => expect(list()).toHaveAttribute('data-state', 'signed-out'))
    expect(screen.queryAllByRole('option')).toEqual([])
    rerender(tree(access))
    await screen.findAllByRole('option')
    expect(list()).toHaveAttribute('data-state', 'ready')
  })

  it('conversations passed in are shown as given, signed in or not', () => {
    render(
      <UserStatusProvider token={null} apiBaseUrl={BASE_URL}>
        <UsersList conversations={[]} />
      </UserStatusProvider>,
    )
    expect(list()).toHaveAttribute('data-state', 'empty')
  })
})
