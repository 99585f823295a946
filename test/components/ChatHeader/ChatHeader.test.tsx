import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ChatHeader } from '../../../src/components/ChatHeader'
import { StoreOnlyProvider as Provider, store } from '../UsersList/provider'

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

const apply = (fields: Record<string, unknown>) => act(() => store().getState().applyChanges([{ id: '2', ...fields }]))
const line = () => document.querySelector('[data-slot="chat-header-status"]')!

describe('ChatHeader', () => {
  it('follows the user live: Online, Away — message, Do not disturb, Last seen …, Offline', () => {
    render(<ChatHeader userId={2} name="Jane" />, { wrapper: Provider })
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Jane')
    // This provider has no token and its store does not know jane yet: signed out, not "Offline".
    expect(line().textContent).toBe('Sign in to see their status.')

    apply({ username: 'jane_smith', status: 'online' })
    expect(screen.getByRole('heading').textContent).toBe('jane_smith') // the store's name wins over the fallback
    expect(line().textContent).toBe('Online')
    apply({ status: 'away', statusMessage: 'lunch' })
    expect(line().textContent).toBe('Away — lunch')
    apply({ status: 'dnd', statusMessage: null })
    expect(line().textContent).toBe('Do not disturb')
    apply({ status: 'offline', lastSeen: Date.now() - 5 * 60_000 })
    expect(line().textContent).toBe('Last seen 5 minutes ago')
    expect(document.querySelector('[data-slot="chat-header"]')!.getAttribute('data-status')).toBe('offline')
  })

  it('announces the status line politely, and only when the status changes', () => {
    render(<ChatHeader userId={2} />, { wrapper: Provider })
    expect(line().getAttribute('aria-live')).toBe('polite')
    expect(line().getAttribute('aria-relevant')).toBe('additions')
    apply({ status: 'offline', lastSeen: Date.now() - 5 * 60_000 })
    const before = line().firstElementChild
    apply({ lastSeen: Date.now() - 6 * 60_000 })
    // Same status: the text changes in place (not announced); a new status is a new node (announced).
    expect(line().firstElementChild).toBe(before)
    apply({ status: 'online' })
    expect(line().firstElementChild).not.toBe(before)
  })

  it('falls back to the name prop, then to "User <id>", and shows initials without an image', () => {
    const { rerender } = render(<ChatHeader userId={7} name="Noah" />, { wrapper: Provider })
    expect(screen.getByRole('heading').textContent).toBe('Noah')
    expect(document.querySelector('[data-slot="avatar"]')!.textContent).toBe('NO')
    rerender(<ChatHeader userId={7} />)
    expect(screen.getByRole('heading').textContent).toBe('User 7')
  })

  it('uses avatarUrl over the store’s image', () => {
    render(<ChatHeader userId={2} avatarUrl="https://example.com/a.png" />, { wrapper: Provider })
    apply({ username: 'jane_smith', profileImage: 'https://example.com/store.png', status: 'online' })
    expect(document.querySelector('img')!.getAttribute('src')).toBe('https://example.com/a.png')
  })

  it('renders a named back button that calls onBack, its arrow mirrored in RTL', () => {
    const onBack = vi.fn()
    const { rerender } = render(<ChatHeader userId={2} />, { wrapper: Provider })
    expect(screen.queryByRole('button')).toBeNull()
    rerender(<ChatHeader userId={2} onBack={onBack} backLabel="Back to conversations" />)
    const back = screen.getByRole('button', { name: 'Back to conversations' })
    fireEvent.click(back)
    expect(onBack).toHaveBeenCalledTimes(1)
    expect(back.querySelector('svg')!.getAttribute('class')).toContain('rtl:-scale-x-100')
  })

  it('puts actions in their slot, and merges className and other props', () => {
    render(<ChatHeader userId={2} className="sticky top-0" data-testid="header" actions={<button type="button">Call</button>} />, {
      wrapper: Provider,
    })
    const header = screen.getByTestId('header')
    expect(header.className).toContain('sticky')
    expect(within(header.querySelector('[data-slot="chat-header-actions"]') as HTMLElement).getByRole('button', { name: 'Call' })).toBeTruthy()
  })

  it('needs a provider, and says so', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => render(<ChatHeader userId={2} />)).toThrow(/must be used inside <UserStatusProvider>/)
    vi.mocked(console.error).mockRestore()
  })
})

describe('ChatHeader given no usable userId (untyped code)', () => {
  it.each([
    ['undefined', undefined],
    ['null', null],
    ['an empty string', ''],
    ['blank text', '   '],
    ['zero-width text', '\u200b'],
    ['NaN', Number.NaN],
  ])('with %s shows "User" and "?" initials, never "User undefined"', (_, userId) => {
    render(<ChatHeader userId={userId as unknown as number} />, { wrapper: Provider })
    const heading = screen.getByRole('heading', { level: 2 })
    expect(heading.textContent).toBe('User')
    expect(document.querySelector('[data-slot="avatar"]')!.textContent).toBe('?')
    expect(document.querySelector('[data-slot="chat-header"]')!.textContent).not.toMatch(/undefined|null|NaN/)
  })

  it('still shows the name prop without an id', () => {
    render(<ChatHeader userId={undefined as unknown as number} name="Jane" />, { wrapper: Provider })
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Jane')
  })

  it('a missing id follows nobody: a store user keyed "undefined" is not shown', () => {
    render(<ChatHeader userId={undefined as unknown as number} />, { wrapper: Provider })
    act(() => store().getState().applyChanges([{ id: 'undefined', username: 'ghost', status: 'online' }]))
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('User')
  })

  it('an id of zero-width text follows nobody: a store user keyed "\\u200b" is not shown', () => {
    render(<ChatHeader userId={'\u200b'} />, { wrapper: Provider })
    act(() => store().getState().applyChanges([{ id: '\u200b', username: 'ghost', status: 'online' }]))
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('User')
    expect(document.querySelector('[data-slot="chat-header"]')!.getAttribute('data-status')).toBe('offline')
  })
})

// The header and the hooks it calls read an id by one rule (userKey): the header once trimmed where the hooks did
// not, so it wrote "User 2" while following nobody.
describe('ChatHeader given a padded or bigint userId', () => {
  it('a padded id follows the trimmed user, as the store keys it', () => {
    render(<ChatHeader userId=" 2 " />, { wrapper: Provider })
    apply({ username: 'Jane', status: 'away', statusMessage: 'lunch' })
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Jane')
    expect(line().textContent).toBe('Away — lunch')
  })

  it('a padded id with no store user reads "User 2", not "User  2 "', () => {
    render(<ChatHeader userId=" 2 " />, { wrapper: Provider })
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('User 2')
  })

  it('a bigint id (untyped code) follows its user', () => {
    render(<ChatHeader userId={2n as unknown as number} />, { wrapper: Provider })
    apply({ username: 'Jane', status: 'online' })
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Jane')
  })
})
