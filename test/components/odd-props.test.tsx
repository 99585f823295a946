// Components given odd data directly: props from untyped code, records that skipped the client's readers (cast to
// their types, as a JavaScript app or a hand-made fixture hands them over). Each still renders, shows a fallback
// rather than "undefined", "null", "NaN" or "Invalid Date", and one bad record never takes its list down.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Conversation, Presence, PresencePatch, PresenceStatus } from '../../src/client'
import { Avatar, type AvatarSize } from '../../src/components/Avatar'
import { initials } from '../../src/components/Avatar/initials'
import { ChatHeader } from '../../src/components/ChatHeader'
import { OnlineStatusIndicator, statusLabel } from '../../src/components/OnlineStatusIndicator'
import { OnlineUsers } from '../../src/components/OnlineUsers'
import { PresenceToaster } from '../../src/components/PresenceToaster'
import { UsersList } from '../../src/components/UsersList'
import { flush as flushToasts, renderLive, user as toastUser } from './PresenceToaster/toaster-harness'
import { fakeListboxLayout, named } from './UsersList/fixtures'
import { StoreOnlyProvider, store } from './UsersList/provider'

let undoLayout: () => void
let consoleErrors: string[]
beforeEach(() => {
  undoLayout = fakeListboxLayout(480)
  consoleErrors = []
  // React reports render errors and duplicate keys here; each test asserts there were none.
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    consoleErrors.push(args.map(String).join(' '))
  })
})
afterEach(() => {
  cleanup()
  undoLayout()
  vi.restoreAllMocks()
})

const BAD_TEXT = /undefined|\bnull\b|NaN|Invalid Date/

/** The text and attribute values of the document that read "undefined", "null", "NaN" or "Invalid Date". */
function badWords(): string[] {
  const found: string[] = []
  if (BAD_TEXT.test(document.body.textContent ?? '')) found.push(`text: ${document.body.textContent}`)
  for (const element of document.body.querySelectorAll('*')) {
    for (const attribute of element.attributes) if (BAD_TEXT.test(attribute.value)) found.push(`${attribute.name}="${attribute.value}"`)
  }
  return found
}

/** A record of the right shape, with any field replaced by what untyped code may put there. */
const user = (fields: Record<string, unknown> = {}): Presence =>
  ({ id: '1', username: 'ahmad', profileImage: null, status: 'online', isOnline: true, statusMessage: null, lastSeen: null, ...fields }) as Presence
const conversation = (id: string, fields: Record<string, unknown> = {}): Conversation =>
  ({ id, otherUser: user({ id: `u${id}` }), lastMessage: null, unreadCount: 0, ...fields }) as Conversation

const options = () => screen.queryAllByRole('option')
const optionNames = () => options().map((option) => option.querySelector('[data-slot="users-list-name"]')!.textContent)

describe('Avatar', () => {
  it('a name that is not text (NaN, a number, from untyped code) gives "?" or its digits instead of throwing', () => {
    render(<Avatar name={Number.NaN as unknown as string} />)
    expect(document.querySelector('[data-slot="avatar"]')!.textContent).toBe('?')
    cleanup()
    render(<Avatar name={42 as unknown as string} />)
    expect(screen.getByRole('img', { name: '42' }).textContent).toBe('42')
    expect(badWords()).toEqual([])
  })

  it('a name of zero-width, control or bidi characters only shows "?", and those characters are no initial', () => {
    for (const name of ['\u200b\u200b', '\u0000\u0007', '\u202e\u2066', '\ufeff']) expect(initials(name), JSON.stringify(name)).toBe('?')
    expect(initials('\u200bjane \u0007smith')).toBe('JS')
    expect(initials('\u202eevil')).toBe('EV')
  })

  it('a flag or a family emoji is one initial, not half of one', () => {
    expect(initials('🇫🇷 paris')).toBe('🇫🇷P')
    expect(initials('👩‍👩‍👧 family')).toBe('👩‍👩‍👧F')
    expect(initials('🇯🇵')).toBe('🇯🇵')
    // A letter and its combining accent stay together.
    expect(initials('e\u0301mile zola')).toBe('E\u0301Z')
  })

  it('a size outside its union is the default size, not an avatar of no size', () => {
    render(<Avatar name="jane smith" size={'huge' as AvatarSize} />)
    const avatar = document.querySelector('[data-slot="avatar"]')!
    expect(avatar.getAttribute('data-size')).toBe('md')
    expect(avatar.className).toContain('pk:size-10')
  })

  it('held: a broken image falls back to the initials; HTML in a name is text', () => {
    render(<Avatar src="https://broken.example/x.png" name="<b>jane</b> smith" />)
    fireEvent.error(document.querySelector('img')!)
    expect(document.querySelector('img')).toBeNull()
    expect(screen.getByRole('img', { name: '<b>jane</b> smith' }).textContent).toBe('<S')
    expect(document.querySelector('b')).toBeNull()
  })
})

describe('UsersList given odd conversations', () => {
  it('one conversation without a peer (null, not an object) does not take the list down', () => {
    const [a, b] = named(['ahmad', 'jane_smith'])
    render(<UsersList conversations={[a!, conversation('x', { otherUser: null }), conversation('y', { otherUser: 'u7' }), null as unknown as Conversation, b!]} />)
    expect(optionNames()).toEqual(['ahmad', 'jane_smith'])
    expect(consoleErrors).toEqual([])
  })

  it('a list that is not an array (an object, from untyped code) is an empty list, not a crash', () => {
    render(<UsersList conversations={{ c1: conversation('c1') } as unknown as Conversation[]} />)
    expect(document.querySelector('[data-slot="users-list"]')!.getAttribute('data-state')).toBe('empty')
  })

  it('the same conversation id twice (5 and "5" too) is one row, with no duplicate React keys', () => {
    const list = [
      conversation('5', { otherUser: user({ id: '2', username: 'first' }) }),
      conversation('6', { otherUser: user({ id: '3', username: 'other' }) }),
      { ...conversation('5'), id: 5 as unknown as string, otherUser: user({ id: '2', username: 'second' }) },
      conversation('6', { otherUser: user({ id: '3', username: 'again' }) }),
    ]
    render(<UsersList conversations={list} />)
    expect(optionNames()).toEqual(['first', 'other'])
    expect(consoleErrors.filter((error) => /same key/.test(error))).toEqual([])
  })

  it('an unknown status reads as offline, never as "undefined"', () => {
    render(<UsersList conversations={[conversation('1', { otherUser: user({ status: 'busy' }) })]} />)
    const option = options()[0]!
    expect(option.querySelector('[data-slot="users-list-status"]')!.textContent).toBe(', Offline')
    expect(option.getAttribute('data-status')).toBe('offline')
    expect(badWords()).toEqual([])
  })

  it('a blank or zero-width username is no name: "User <id>" shows', () => {
    render(
      <UsersList
        conversations={[
          conversation('1', { otherUser: user({ id: '7', username: '' }) }),
          conversation('2', { otherUser: user({ id: '8', username: '\u200b\u200b' }) }),
          conversation('3', { otherUser: user({ id: '9', username: null }) }),
          conversation('4', { otherUser: user({ id: '10', username: undefined }) }),
        ]}
      />,
    )
    expect(optionNames()).toEqual(['User 7', 'User 8', 'User 9', 'User 10'])
    expect(badWords()).toEqual([])
  })

  it('devices that are not a list, a status message or last message text that is not text: the row still renders', () => {
    render(
      <UsersList
        conversations={[
          conversation('1', { otherUser: user({ username: 'phone', devices: 'mobile' }) }),
          conversation('2', { otherUser: user({ id: 'u2', username: 'msg', status: 'away', statusMessage: 42 }) }),
          conversation('3', { otherUser: user({ id: 'u3', username: 'text' }), lastMessage: { text: { html: '<b>hi</b>' }, sentAt: 1, senderId: null } }),
          conversation('4', { otherUser: user({ id: 'u4', username: 'last' }), lastMessage: 'hello' }),
        ]}
      />,
    )
    expect(optionNames()).toEqual(['phone', 'msg', 'text', 'last'])
    expect(consoleErrors).toEqual([])
    expect(badWords()).toEqual([])
  })

  it.each([
    ['rowHeight -5', { rowHeight: -5 }],
    ['rowHeight 0', { rowHeight: 0 }],
    ['rowHeight NaN', { rowHeight: Number.NaN }],
    ['overscan NaN', { overscan: Number.NaN }],
    ['height NaN', { height: Number.NaN }],
    ['maxHeight NaN', { maxHeight: Number.NaN }],
  ])('%s: the rows still render, with no NaN in a style', (_, props) => {
    render(<UsersList conversations={named(['ahmad', 'jane_smith'])} {...props} />)
    expect(optionNames()).toEqual(['ahmad', 'jane_smith'])
    expect(consoleErrors).toEqual([])
    expect(badWords()).toEqual([])
  })

  it('held: 0 conversations is the empty state; 10,000 render a window of rows', () => {
    render(<UsersList conversations={[]} />)
    expect(document.querySelector('[data-slot="users-list-empty"]')).not.toBeNull()
    cleanup()
    const many = Array.from({ length: 10_000 }, (_, i) => conversation(String(i), { otherUser: user({ id: `u${i}`, username: `user_${i}` }) }))
    render(<UsersList conversations={many} />)
    expect(options().length).toBeGreaterThan(0)
    expect(options().length).toBeLessThan(50)
    expect(options()[0]!.getAttribute('aria-setsize')).toBe('10000')
  })
})

describe('ChatHeader given odd data', () => {
  const apply = (patch: Record<string, unknown>) => act(() => store().getState().applyChanges([{ id: '5', ...patch } as PresencePatch]))
  const heading = () => screen.getByRole('heading', { level: 2 }).textContent
  const line = () => document.querySelector('[data-slot="chat-header-status"]')!.textContent

  it('an empty name prop is no name: "User <id>", not an empty heading', () => {
    render(<ChatHeader userId={9} name="" />, { wrapper: StoreOnlyProvider })
    expect(heading()).toBe('User 9')
    expect(document.querySelector('[data-slot="avatar"]')!.textContent).toBe('U9')
  })

  it('a blank username in the store falls back to the name prop, then to "User <id>"', () => {
    render(<ChatHeader userId={5} name="Jane" />, { wrapper: StoreOnlyProvider })
    apply({ username: '', status: 'online' })
    expect(heading()).toBe('Jane')
    apply({ username: '\u200b' })
    expect(heading()).toBe('Jane')
  })

  it('an unknown status in the store reads as offline, not as an empty line', () => {
    render(<ChatHeader userId={5} />, { wrapper: StoreOnlyProvider })
    apply({ username: 'jane', status: 'busy' })
    expect(line()).toBe('Offline')
    expect(document.querySelector('[data-slot="chat-header"]')!.getAttribute('data-status')).toBe('offline')
    expect(badWords()).toEqual([])
  })

  it('a status message that is not text, and devices that are not a list, do not break the header', () => {
    render(<ChatHeader userId={5} />, { wrapper: StoreOnlyProvider })
    apply({ username: 'jane', status: 'away', statusMessage: { text: 'lunch' }, devices: 'mobile' })
    expect(line()).toBe('Away')
    expect(consoleErrors).toEqual([])
  })

  it('held: last seen in the future reads "just now", in 1970 "56 years ago"-like, never "Invalid Date"', () => {
    render(<ChatHeader userId={5} />, { wrapper: StoreOnlyProvider })
    apply({ username: 'jane', status: 'offline', lastSeen: Date.now() + 400 * 86_400_000 })
    expect(line()).toBe('Last seen just now')
    apply({ lastSeen: 0 })
    expect(line()).toMatch(/^Last seen \d+ years ago$/)
    expect(badWords()).toEqual([])
  })
})

describe('PresenceToaster given odd props and nameless arrivals', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('maxToasts NaN keeps the default of three, not every toast', async () => {
    const { send } = await renderLive(<PresenceToaster maxToasts={Number.NaN} />)
    await send(toastUser(2, 'a'), toastUser(3, 'b'), toastUser(5, 'c'), toastUser(6, 'd'), toastUser(7, 'e'))
    expect(document.querySelectorAll('[data-slot="presence-toast"]')).toHaveLength(3)
  })

  it('held: a user never listed, or named with nothing visible, is toasted as "User <id>"', async () => {
    const { send, socket } = await renderLive(<PresenceToaster />)
    await send(toastUser(10, '\u200b\u200b'))
    act(() => socket.receive({ type: 'user.status.changed', user: { id: 99, status: 'dnd' } }))
    await flushToasts()
    const texts = [...document.querySelectorAll('[data-slot="presence-toast-message"]')].map((node) => node.textContent)
    expect(texts).toEqual(['User 10 is online', 'User 99 is online · Do not disturb'])
    expect(badWords()).toEqual([])
  })
})

describe('OnlineStatusIndicator given odd props', () => {
  it('a status outside its union is offline, in words and in shape, never "undefined"', () => {
    expect(statusLabel('busy' as PresenceStatus)).toBe('Offline')
    render(<OnlineStatusIndicator status={'busy' as PresenceStatus} size={'huge' as 'md'} />)
    const dot = screen.getByRole('img', { name: 'Offline' })
    expect(dot.getAttribute('data-state')).toBe('offline')
    expect(dot.getAttribute('data-size')).toBe('md')
    expect(dot.querySelector('path')!.getAttribute('d')).toBeTruthy()
    expect(badWords()).toEqual([])
  })
})

describe('OnlineUsers given odd props and records', () => {
  const fill = (count: number, fields: Record<string, unknown> = {}) =>
    act(() =>
      store().getState().applyChanges(
        Array.from({ length: count }, (_, i) => ({ id: String(i + 1), username: `user${String(i + 1).padStart(2, '0')}`, status: 'online', isOnline: true, ...fields }) as PresencePatch),
      ),
    )
  const card = () => document.querySelector('[data-slot="online-users"]')!
  const tiles = () => document.querySelectorAll('[data-slot="online-user"]')

  it('maxUsers NaN is the default ten, not an empty card', () => {
    render(<OnlineUsers maxUsers={Number.NaN} includeSelf />, { wrapper: StoreOnlyProvider })
    fill(12)
    expect(tiles()).toHaveLength(10)
    expect(badWords()).toEqual([])
  })

  it('maxUsers 0 shows no tile but "+N more", and a store that holds users is not "signed out"', () => {
    render(<OnlineUsers maxUsers={0} includeSelf />, { wrapper: StoreOnlyProvider })
    fill(3)
    expect(tiles()).toHaveLength(0)
    expect(card().getAttribute('data-state')).toBe('ready')
    expect(screen.getByRole('button', { name: /3 more/ })).toBeTruthy()
  })

  it('maxHeight NaN is the default 480 px, not "NaNpx"', () => {
    render(<OnlineUsers maxHeight={Number.NaN} includeSelf />, { wrapper: StoreOnlyProvider })
    fill(2)
    expect((document.querySelector('[data-slot="online-users-scroll"]') as HTMLElement).style.maxHeight).toBe('480px')
    expect(badWords()).toEqual([])
  })

  it('a blank or zero-width username written to the store shows "User <id>"', () => {
    render(<OnlineUsers includeSelf />, { wrapper: StoreOnlyProvider })
    fill(1, { username: '\u200b' })
    const tile = tiles()[0]!
    expect(tile.textContent).toContain('User 1')
    expect(tile.querySelector('[data-slot="online-user-name"]')!.textContent).toMatch(/^User 1, Online/)
    expect(badWords()).toEqual([])
  })
})
