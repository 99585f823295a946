import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { UsersList } from '../../../src/components/UsersList'
import { conversations, fakeListboxLayout, named, spoken } from './fixtures'
import { StoreOnlyProvider as Provider, store } from './provider'

let undoLayout: () => void
beforeEach(() => {
  undoLayout = fakeListboxLayout(480)
})
afterEach(() => {
  cleanup()
  undoLayout()
})

const listbox = () => screen.getByRole('listbox')
const active = () => {
  const id = listbox().getAttribute('aria-activedescendant')
  return id ? document.getElementById(id) : null
}
const activeName = () => active()?.querySelector('[data-slot="users-list-name"]')?.textContent
const press = (key: string) => fireEvent.keyDown(listbox(), { key })

const NAMES = ['ahmad', 'jane_smith', 'john_doe', 'jose', 'Renée_Lefèvre', 'zoe_nguyen']

describe('UsersList with data, outside any provider', () => {
  it('is a labelled listbox of options that carry their position in the whole list', () => {
    render(<UsersList conversations={conversations(500)} />)
    expect(listbox().getAttribute('aria-label')).toBe('Conversations')
    const options = screen.getAllByRole('option')
    expect(options.length).toBeLessThan(30)
    expect(options[0]!.getAttribute('aria-setsize')).toBe('500')
    expect(options[0]!.getAttribute('aria-posinset')).toBe('1')
    expect(options[0]!.getAttribute('aria-selected')).toBe('false')
  })

  it('names each row with the user, the status, the last message, its time and the unread count', () => {
    render(<UsersList conversations={named(NAMES)} label="Direct messages" />)
    expect(screen.getByRole('listbox', { name: 'Direct messages' })).toBeTruthy()
    const jane = screen.getByRole('option', { name: spoken(/^jane_smith, Offline, .+, Hello from jane_smith, 3 unread messages$/) })
    expect(within(jane).getByRole('img', { name: '3 unread messages' }).textContent).toBe('3')
    expect(jane.getAttribute('data-status')).toBe('offline')
    const ahmad = screen.getByRole('option', { name: spoken(/^ahmad, Online, /) })
    // Status is a shape and a name, never a colour alone.
    const dot = ahmad.querySelector('[data-slot="status-indicator"]')!
    expect(dot.getAttribute('data-status')).toBe('online')
    expect(dot.getAttribute('title')).toBe('Online') // the status is in the row's name; the dot shows it on hover
    expect(ahmad.querySelector('time')?.getAttribute('datetime')).toBe('2024-01-15T14:05:00.000Z')
  })

  it('caps the unread badge at 99+ but names the exact count', () => {
    const [first] = named(['ahmad'])
    render(<UsersList conversations={[{ ...first!, unreadCount: 250 }]} />)
    expect(screen.getByRole('img', { name: '250 unread messages' }).textContent).toBe('99+')
  })

  it('says when there is no message yet, and when there are no conversations', () => {
    const [first] = named(['ahmad'])
    const { rerender } = render(<UsersList conversations={[{ ...first!, lastMessage: null }]} />)
    expect(screen.getByRole('option', { name: spoken(/No messages yet/) })).toBeTruthy()
    rerender(<UsersList conversations={[]} />)
    expect(screen.queryByRole('listbox')).toBeNull()
    expect(screen.getByText('No conversations yet.')).toBeTruthy()
    expect(document.querySelector('[data-slot="users-list"]')!.getAttribute('data-state')).toBe('empty')
  })

  it('without data it needs a provider, and says so', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => render(<UsersList />)).toThrow(/UsersList needs `conversations`, or <UserStatusProvider>/)
    vi.mocked(console.error).mockRestore()
  })

  it('sorts online users first, keeping each group in its order', () => {
    render(<UsersList conversations={named(NAMES)} sortOnlineFirst />)
    const names = screen.getAllByRole('option').map((o) => o.querySelector('[data-slot="users-list-name"]')!.textContent)
    expect(names).toEqual(['ahmad', 'john_doe', 'Renée_Lefèvre', 'jane_smith', 'jose', 'zoe_nguyen'])
  })

  it('merges className and passes other props to its box', () => {
    render(<UsersList conversations={[]} className="h-full" data-testid="inbox" height="50vh" />)
    const box = screen.getByTestId('inbox')
    expect(box.className).toContain('h-full')
    expect(box.style.height).toBe('50vh')
  })
})

describe('UsersList keyboard (the WAI-ARIA listbox pattern)', () => {
  it('focus activates the selected option, else the first; arrows, Home and End move it', () => {
    render(<UsersList conversations={conversations(1_000)} />)
    expect(listbox().getAttribute('aria-activedescendant')).toBeNull()
    fireEvent.focus(listbox())
    expect(activeName()).toBe('useru1')
    press('ArrowDown')
    press('ArrowDown')
    expect(activeName()).toBe('useru3')
    expect(active()!.getAttribute('data-highlighted')).toBe('true')
    press('ArrowUp')
    expect(activeName()).toBe('useru2')
    press('End')
    // The 1,000th option is rendered although the list has not scrolled in happy-dom: the active one always is.
    expect(activeName()).toBe('useru1000')
    expect(active()!.getAttribute('aria-posinset')).toBe('1000')
    press('ArrowDown')
    expect(activeName()).toBe('useru1000')
    press('Home')
    expect(activeName()).toBe('useru1')
    press('PageDown')
    // 480 px of 72 px rows: 6 rows in view, a page is 5.
    expect(activeName()).toBe('useru6')
    press('PageUp')
    expect(activeName()).toBe('useru1')
  })

  it('focus starts on the selected option when there is one', () => {
    render(<UsersList conversations={conversations(300)} selectedId="c250" />)
    fireEvent.focus(listbox())
    expect(activeName()).toBe('useru250')
    expect(active()!.getAttribute('aria-selected')).toBe('true')
  })

  it('type-ahead finds names by their first letters, cycles on a repeated letter, and ignores accents', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      render(<UsersList conversations={named(NAMES)} />)
      fireEvent.focus(listbox())
      press('j')
      expect(activeName()).toBe('jane_smith')
      press('o')
      expect(activeName()).toBe('john_doe')
      press('s')
      expect(activeName()).toBe('jose')
      vi.advanceTimersByTime(600)
      press('j')
      expect(activeName()).toBe('jane_smith')
      press('j')
      expect(activeName()).toBe('john_doe')
      vi.advanceTimersByTime(600)
      press('r')
      press('é')
      expect(activeName()).toBe('Renée_Lefèvre')
      vi.advanceTimersByTime(600)
      press('x')
      expect(activeName()).toBe('Renée_Lefèvre')
    } finally {
      vi.useRealTimers()
    }
  })

  it('Enter and Space select the active option and call onUserClick; selection does not follow focus', () => {
    const onSelect = vi.fn()
    render(<UsersList conversations={named(NAMES)} onUserClick={onSelect} />)
    fireEvent.focus(listbox())
    press('ArrowDown')
    expect(onSelect).not.toHaveBeenCalled()
    expect(active()!.getAttribute('aria-selected')).toBe('false')
    press('Enter')
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ id: expect.anything() }), expect.objectContaining({ id: 'c2' }))
    expect(active()!.getAttribute('aria-selected')).toBe('true')
    press('ArrowDown')
    press(' ')
    expect(onSelect).toHaveBeenLastCalledWith(expect.anything(), expect.objectContaining({ id: 'c3' }))
    expect(screen.getAllByRole('option', { selected: true }).map((o) => o.getAttribute('aria-posinset'))).toEqual(['3'])
  })

  it('Space right after a letter belongs to the type-ahead query instead of selecting', () => {
    const onSelect = vi.fn()
    render(<UsersList conversations={named(['ana', 'ana maria', 'anabel'])} onUserClick={onSelect} />)
    fireEvent.focus(listbox())
    for (const key of ['a', 'n', 'a', ' ', 'm']) press(key)
    expect(activeName()).toBe('ana maria')
    expect(onSelect).not.toHaveBeenCalled()
  })

  it('a click selects and activates the row', () => {
    const onSelect = vi.fn()
    render(<UsersList conversations={named(NAMES)} onUserClick={onSelect} />)
    fireEvent.click(screen.getByRole('option', { name: spoken(/^jose,/) }))
    expect(onSelect).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ id: 'c4' }))
    expect(activeName()).toBe('jose')
  })

  it('a controlled selectedId wins over clicks until the app changes it', () => {
    const { rerender } = render(<UsersList conversations={named(NAMES)} selectedId="c1" />)
    fireEvent.click(screen.getByRole('option', { name: spoken(/^jose,/) }))
    expect(screen.getByRole('option', { selected: true }).getAttribute('aria-posinset')).toBe('1')
    rerender(<UsersList conversations={named(NAMES)} selectedId="c4" />)
    expect(screen.getByRole('option', { selected: true }).getAttribute('aria-posinset')).toBe('4')
    rerender(<UsersList conversations={named(NAMES)} selectedId={null} />)
    expect(screen.queryAllByRole('option', { selected: true })).toEqual([])
  })
})

describe('UsersList inside a provider', () => {
  it('each row follows its user live, and the data’s status stands for users the store does not know', () => {
    render(<UsersList conversations={named(NAMES)} />, { wrapper: Provider })
    expect(screen.getByRole('option', { name: spoken(/^jane_smith, Offline,/) })).toBeTruthy()
    act(() => store().getState().applyChanges([{ id: 'u2', username: 'jane_smith', status: 'away', statusMessage: 'lunch' }]))
    const jane = screen.getByRole('option', { name: spoken(/^jane_smith, Away — lunch,/) })
    expect(jane.getAttribute('data-status')).toBe('away')
    expect(jane.querySelector('[data-slot="status-indicator"]')!.getAttribute('title')).toBe('Away — lunch')
  })

  it('says "last seen" for offline users the store knows, and "You:" before one’s own last message', () => {
    const now = Date.now()
    render(
      <UsersList
        conversations={named(NAMES).map((c) => ({ ...c, lastMessage: { text: 'hi', sentAt: now, senderId: c.id === 'c1' ? 'me' : c.otherUser.id } }))}
      />,
      { wrapper: Provider },
    )
    act(() => {
      store().getState().setSelf('me')
      store().getState().applyChanges([{ id: 'u2', username: 'jane_smith', status: 'offline', lastSeen: now - 5 * 60_000 }])
    })
    expect(screen.getByRole('option', { name: spoken(/^jane_smith, Offline, last seen 5 minutes ago, .+, hi, 3 unread messages$/) })).toBeTruthy()
    expect(screen.getByRole('option', { name: spoken(/^ahmad, Online, .+, You: hi$/) })).toBeTruthy()
  })

  it('re-sorts online-first when someone comes online or goes offline', () => {
    render(<UsersList conversations={named(NAMES)} sortOnlineFirst />, { wrapper: Provider })
    const order = () => screen.getAllByRole('option').map((o) => o.querySelector('[data-slot="users-list-name"]')!.textContent)
    expect(order()).toEqual(['ahmad', 'john_doe', 'Renée_Lefèvre', 'jane_smith', 'jose', 'zoe_nguyen'])
    act(() => store().getState().applyChanges([{ id: 'u6', username: 'zoe_nguyen', status: 'dnd' }, { id: 'u1', username: 'ahmad', status: 'offline' }]))
    expect(order()).toEqual(['john_doe', 'Renée_Lefèvre', 'zoe_nguyen', 'ahmad', 'jane_smith', 'jose'])
  })
})
