// Property: no component can be unmounted by one bad record. The components are rendered with data read from
// arbitrary hostile backend bodies by the client's normalisers, and with odd data of the right types handed to
// them (or put in the store) directly: times past what a Date holds, NaN, negative and huge counts, script URLs,
// invisible and very long text. Nothing throws and each component's root stays in the document.
import { act, cleanup, render } from '@testing-library/react'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { parsePresenceList, type Conversation, type Presence, type PresencePatch, type PresenceStatus } from '../../src/client'
import { readConversations } from '../../src/client/responses'
import { Avatar } from '../../src/components/Avatar'
import { ChatHeader } from '../../src/components/ChatHeader'
import { OnlineUsers } from '../../src/components/OnlineUsers'
import { UsersList } from '../../src/components/UsersList'
import { hostileList, hostileNumber, hostileRecord, hostileString } from '../client/hostile-arbitraries'
import { fakeListboxLayout } from './UsersList/fixtures'
import { StoreOnlyProvider, store } from './UsersList/provider'

let undoLayout: () => void
beforeEach(() => {
  undoLayout = fakeListboxLayout(480)
  // A render error would be logged by React before the assertion fails; the assertion is what counts.
  vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => {
  cleanup()
  undoLayout()
  vi.restoreAllMocks()
})

const status = fc.constantFrom<PresenceStatus>('online', 'away', 'dnd', 'offline', 'invisible')
const text = fc.oneof(hostileString, fc.constant(null))
const time = fc.oneof(hostileNumber, fc.constant(null))

/** A record of the right types with odd values, as code that skips the normalisers could hand over. */
const oddPresence: fc.Arbitrary<Presence> = fc
  .record({ id: fc.oneof(fc.constantFrom('1', '2', '3'), hostileString), username: text, profileImage: text, status, statusMessage: text, lastSeen: time })
  .map((user) => ({ ...user, isOnline: user.status !== 'offline' }))

const oddConversation: fc.Arbitrary<Conversation> = fc.record({
  id: hostileString,
  otherUser: oddPresence,
  lastMessage: fc.oneof(fc.constant(null), fc.record({ text: hostileString, sentAt: time, senderId: fc.oneof(hostileString, fc.constant(null)) })),
  unreadCount: hostileNumber,
})

/** Conversations as the client reads them from a hostile body, or odd ones handed straight to the list. */
const conversations = fc.oneof(
  fc
    .array(fc.record({ id: fc.oneof(fc.integer(), hostileString), other_user: hostileRecord, last_message: fc.record({ text: hostileString, sent_at: hostileNumber, sender_id: hostileNumber }), unread_count: hostileNumber }), { maxLength: 6 })
    .map((body) => {
      const read = readConversations(body)
      return read.ok ? read.value : []
    }),
  fc.array(oddConversation, { maxLength: 6 }),
)

/** What the store may hold: patches read from a hostile snapshot, or odd patches put there directly. */
const patches: fc.Arbitrary<PresencePatch[]> = fc.oneof(
  hostileList.map((list) => parsePresenceList(list).users),
  fc.array(oddPresence, { maxLength: 6 }),
)

const RUNS = { numRuns: 40 }
const mounted = (slot: string) => document.querySelector(`[data-slot="${slot}"]`) !== null

describe('components given hostile data stay mounted', () => {
  it('OnlineUsers over a record whose last seen is NaN (put in the store directly) shows the rest', () => {
    render(
      <StoreOnlyProvider>
        <OnlineUsers />
      </StoreOnlyProvider>,
    )
    act(() =>
      store()
        .getState()
        .applySnapshot([
          { id: '1', username: 'ahmad', status: 'online', lastSeen: Number.NaN },
          { id: '2', username: 'jane', status: 'away', lastSeen: Number.NEGATIVE_INFINITY },
        ]),
    )
    expect(mounted('online-users')).toBe(true)
    expect(document.querySelector('[data-slot="online-users"]')!.textContent).toContain('ahmad')
  })

  it('Avatar', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.constant(undefined)), text, (src, name) => {
        const view = render(<Avatar src={src} name={name} />)
        expect(mounted('avatar')).toBe(true)
        view.unmount()
      }),
      RUNS,
    )
  })

  it('UsersList with conversations handed to it', () => {
    fc.assert(
      fc.property(conversations, (list) => {
        const view = render(<UsersList conversations={list} />)
        expect(mounted('users-list')).toBe(true)
        view.unmount()
      }),
      RUNS,
    )
  })

  it('UsersList, OnlineUsers and ChatHeader over a store holding such records', () => {
    fc.assert(
      fc.property(patches, conversations, fc.oneof(fc.constantFrom('1', '2', 3), hostileString), (users, list, peer) => {
        const view = render(
          <StoreOnlyProvider>
            <OnlineUsers />
            <ChatHeader userId={peer} name="Peer" />
            <UsersList conversations={list} />
          </StoreOnlyProvider>,
        )
        act(() => {
          store().getState().applySnapshot(users)
          store().getState().applyChanges(users)
        })
        expect(mounted('online-users')).toBe(true)
        expect(mounted('chat-header')).toBe(true)
        expect(mounted('users-list')).toBe(true)
        view.unmount()
      }),
      RUNS,
    )
  })
})
