// The components in the provider's language: Arabic words, Arabic plurals, and the digits `Intl` gives the locale
// (Arabic-Indic or Latin: whatever this engine's `Intl.NumberFormat('ar')` writes, the components write too).
import { act, render, screen, within } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import {
  ar,
  ChatHeader,
  es,
  OnlineUsers,
  UsersList,
  UserStatusProvider,
  usePresenceMessages,
  usePresenceRuntime,
  type MessagesOverride,
  type PresenceRuntime,
} from '../../src'
import { createFormat } from '../../src/i18n'
import { fakeListboxLayout } from '../components/UsersList/fixtures'
import { BASE_URL, login, setupMockBackend } from '../client/mock-backend'

setupMockBackend()

const until = (check: () => void) => vi.waitFor(check, { timeout: 5_000, interval: 10 })
const ARABIC = /[\u0600-\u06FF]/u

function inLanguage(token: string | null, locale: string, messages: MessagesOverride | undefined) {
  return function Wrapper({ children }: { children: ReactNode }) {
    return (
      <UserStatusProvider token={token} apiBaseUrl={BASE_URL} locale={locale} messages={messages}>
        {children}
      </UserStatusProvider>
    )
  }
}

describe('locale "ar" with the Arabic messages', () => {
  it('OnlineUsers: the Arabic title, and the count in Arabic plural and digits', async () => {
    const { access } = await login('john_doe')
    render(<OnlineUsers />, { wrapper: inLanguage(access, 'ar', ar) })
    const card = screen.getByRole('region', { name: 'من المتصل الآن؟' })
    await until(() => expect(card).toHaveAttribute('data-state', 'ready'))
    const tiles = within(card).getAllByRole('button')
    const count = card.querySelector('[data-slot="online-count"]')!.textContent!
    expect(count).toMatch(ARABIC)
    expect(count).toBe(ar.onlineUsers.count(tiles.length, createFormat('ar')))
    // Each tile's name says the status in Arabic ("jane_smith، متصل").
    expect(tiles[0]!.querySelector('[data-slot="online-user-name"]')!.textContent).toMatch(/، (متصل|بعيد|عدم الإزعاج)/u)
    expect(card).not.toHaveTextContent('online')
  })

  it('OnlineUsers: the "+1" and "+2" buttons are named with their number in Arabic (label in name)', async () => {
    const { access } = await login('john_doe')
    const first = render(<OnlineUsers maxUsers={1_000} />, { wrapper: inLanguage(access, 'ar', ar) })
    const card = screen.getByRole('region', { name: 'من المتصل الآن؟' })
    await until(() => expect(card).toHaveAttribute('data-state', 'ready'))
    expect(card.querySelector('[data-slot="online-users-more"]')).toBeNull()
    const total = within(card).getAllByRole('button').length
    expect(total).toBeGreaterThan(2)
    first.unmount()
    for (const hidden of [1, 2]) {
      const { unmount } = render(<OnlineUsers maxUsers={total - hidden} />, { wrapper: inLanguage(access, 'ar', ar) })
      await until(() => expect(document.querySelector('[data-slot="online-users-more"] [aria-hidden]')?.textContent).toBe(ar.onlineUsers.more(hidden, createFormat('ar'))))
      const more = document.querySelector('[data-slot="online-users-more"]')!
      const number = new Intl.NumberFormat('ar').format(hidden)
      expect(screen.getByRole('button', { name: ar.onlineUsers.moreLabel(hidden, createFormat('ar')) })).toBe(more)
      expect(more.getAttribute('aria-label')).toContain(number)
      unmount()
    }
  })

  it('UsersList: the Arabic name of the list, "You:", unread counts and times from Intl for "ar"', async () => {
    const { access } = await login('john_doe')
    onTestFinished(fakeListboxLayout(600))
    render(<UsersList height={600} />, { wrapper: inLanguage(access, 'ar', ar) })
    const list = await screen.findByRole('listbox', { name: 'المحادثات' }, { timeout: 5_000 })
    const options = within(list).getAllByRole('option')
    expect(options.length).toBeGreaterThan(0)
    const text = list.textContent ?? ''
    expect(text).not.toMatch(/Last seen|Online|Offline|You: |unread/)
    const badge = list.querySelector('[data-slot="users-list-unread"]')
    expect(badge).not.toBeNull()
    expect(badge!.getAttribute('aria-label')).toMatch(ARABIC)
    // The badge's digits are the ones Intl writes for "ar".
    const counts = Array.from({ length: 99 }, (_, i) => new Intl.NumberFormat('ar').format(i + 1))
    expect(counts).toContain(badge!.textContent)
    expect(list.querySelectorAll('time').length).toBeGreaterThan(0)
    // The times are Intl's for "ar": formatted again the same way they are equal, and not the English ones.
    for (const time of list.querySelectorAll('time')) {
      expect(time.getAttribute('title')).toBe(new Intl.DateTimeFormat('ar', { dateStyle: 'full', timeStyle: 'short' }).format(Date.parse(time.dateTime)))
    }
    // A screen reader hears each row's parts joined with the Arabic comma, not a Latin one.
    const spoken = options[0]!.textContent ?? ''
    expect(spoken).toContain('، ')
    expect(spoken).not.toContain(', ')
  })

  it('ChatHeader: the status line in Arabic, its relative time from Intl.RelativeTimeFormat("ar"), the back button', () => {
    let runtime: PresenceRuntime | null = null
    function Hold() {
      runtime = usePresenceRuntime()
      return null
    }
    render(
      <>
        <Hold />
        <ChatHeader userId={2} onBack={() => {}} />
      </>,
      { wrapper: inLanguage(null, 'ar', ar) },
    )
    const line = document.querySelector('[data-slot="chat-header-status"]')!
    // No token, and the store does not know jane: signed out, in Arabic.
    expect(line.textContent).toBe(ar.chatHeader.signedOut)
    act(() => runtime!.store.getState().applyChanges([{ id: '2', username: 'jane_smith', status: 'dnd', statusMessage: 'Focus time' }]))
    expect(line.textContent).toBe('عدم الإزعاج — Focus time')
    act(() => runtime!.store.getState().applyChanges([{ id: '2', status: 'offline', lastSeen: Date.now() - 2 * 3_600_000 - 60_000 }]))
    expect(line.textContent).toBe(`آخر ظهور ${new Intl.RelativeTimeFormat('ar', { numeric: 'auto' }).format(-2, 'hour')}`)
    expect(screen.getByRole('button', { name: 'رجوع' })).toBeInTheDocument()
  })

  it('components outside any provider are English', () => {
    render(<UsersList conversations={[]} />)
    expect(screen.getByText('No conversations yet.')).toBeInTheDocument()
  })
})

describe('the messages prop', () => {
  it('an override replaces one string and keeps English for the rest', async () => {
    render(<OnlineUsers />, { wrapper: inLanguage(null, 'en', { onlineUsers: { signedOut: 'Log in to see your team.' } }) })
    const card = screen.getByRole('region', { name: "Who's Online?" })
    expect(card).toHaveTextContent('Log in to see your team.')
    expect(card).not.toHaveTextContent('Sign in to see who is online.')
  })

  it('a whole other language, and a typo of a key or a value of the wrong kind is left out', async () => {
    const messages = { ...es, onlineUsers: { ...es.onlineUsers, count: 'oops' }, nonsense: { a: 1 } } as unknown as MessagesOverride
    let seen: ReturnType<typeof usePresenceMessages> | null = null
    function Probe() {
      seen = usePresenceMessages()
      return null
    }
    render(<Probe />, { wrapper: inLanguage(null, 'es-mx', messages) })
    expect(seen!.locale).toBe('es-MX')
    expect(seen!.messages.status.online).toBe('En línea')
    expect(seen!.messages.onlineUsers.count(3, seen!.format)).toBe('3 online')
    expect(seen!.messages).not.toHaveProperty('nonsense')
  })

  it('a locale Intl refuses falls back to English with a warning, and renders', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    render(<OnlineUsers />, { wrapper: inLanguage(null, 'not a locale!', undefined) })
    expect(screen.getByRole('region', { name: "Who's Online?" })).toHaveTextContent('Sign in to see who is online.')
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"not a locale!" is not a BCP 47 locale'))
    warn.mockRestore()
  })
})
