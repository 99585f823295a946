/**
 * A last message in the other direction than the list's, cut to one line: in an Arabic list, "أنت: " and an English
 * message of one's own. The row's line took its direction from the Arabic prefix, so it ran right to left and was
 * cut at its left end, where the English message (an isolate, laid out left to right) begins: the reader saw
 * "أنت: …iew my PR when you get a chance?". The message is cut at its own end now, its beginning next to the prefix.
 * Measured on the laid-out text (ranges of its characters against the box that clips them), in Chromium.
 */
import { useEffect } from 'react'
import { expect, it } from 'vitest'
import { ar, UserStatusProvider, UsersList, usePresenceRuntime, type Conversation, type PresenceRuntime } from '../../src'
import { mount } from './mount'

const MESSAGE = 'Can you review my PR when you get a chance? It touches the socket code.'

// The element the list renders into: where `clipOf` stops looking for boxes that clip.
let host: HTMLElement

const held: { runtime: PresenceRuntime | null } = { runtime: null }
function Hold() {
  const runtime = usePresenceRuntime()
  useEffect(() => {
    held.runtime = runtime
  }, [runtime])
  return null
}

const conversation = (id: string, senderId: string): Conversation => ({
  id,
  otherUser: { id: `peer-${id}`, username: `peer_${id}`, status: 'online', isOnline: true, lastSeen: null, statusMessage: null, profileImage: null },
  lastMessage: { text: MESSAGE, sentAt: null, senderId },
  unreadCount: 0,
})

async function renderArabicList(): Promise<HTMLElement[]> {
  ;({ host } = mount(
    <UserStatusProvider token={null} locale="ar" messages={ar}>
      <Hold />
      <UsersList conversations={[conversation('1', 'me'), conversation('2', 'peer-2')]} />
    </UserStatusProvider>,
    { width: '320px', dir: 'rtl', lang: 'ar' },
  ))
  await expect.poll(() => host.querySelectorAll('[data-slot="users-list-message"]').length).toBe(2)
  // Signed in as "me" (the provider has no token, so nothing else sets or clears who that is once it has started).
  held.runtime!.store.getState().setSelf('me')
  await expect.poll(() => host.querySelector('[data-slot="users-list-message"]')!.textContent).toMatch(/^أنت: /u)
  return Array.from(host.querySelectorAll<HTMLElement>('[data-slot="users-list-message"]'))
}

/** The laid-out box of `text`'s first occurrence under `el`, from a range over its characters. */
function rectOf(el: HTMLElement, text: string): DOMRect {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent!.indexOf(text)
    if (at < 0) continue
    const range = document.createRange()
    range.setStart(node, at)
    range.setEnd(node, at + text.length)
    return range.getBoundingClientRect()
  }
  throw new Error(`no text ${JSON.stringify(text)} under the element`)
}

/** What of `el` is visible: its box, cut by each element from it up to the host whose overflow is not visible. */
function clipOf(el: HTMLElement): DOMRect {
  let box = el.getBoundingClientRect()
  for (let node: HTMLElement | null = el; node && node !== host; node = node.parentElement) {
    if (getComputedStyle(node).overflowX !== 'visible') {
      const r = node.getBoundingClientRect()
      box = new DOMRect(Math.max(box.left, r.left), box.top, Math.min(box.right, r.right) - Math.max(box.left, r.left), box.height)
    }
  }
  return box
}

const inside = (rect: DOMRect, box: DOMRect) => rect.left >= box.left - 0.5 && rect.right <= box.right + 0.5

it("an English message of one's own in an Arabic list keeps its beginning and the prefix, and is cut at its end", async () => {
  const [mine] = await renderArabicList()
  const text = mine!.querySelector('bdi')!
  const visible = clipOf(text)
  expect(inside(rectOf(mine!, 'أنت:'), clipOf(mine!)), 'the prefix is visible').toBe(true)
  expect(inside(rectOf(text, 'Can you review'), visible), "the message's beginning is visible").toBe(true)
  // Cut (the line is too narrow for it) at its own end, the right: its last words are past the visible box's right.
  expect(rectOf(text, 'socket code.').left, "the message's end is cut").toBeGreaterThan(visible.right)
  // The message sits right against the prefix, at its left in a right-to-left row (a space apart), and begins at its
  // own box's left: the reader goes from "أنت:" straight to "Can you review".
  expect(rectOf(mine!, 'أنت:').left - visible.right).toBeGreaterThanOrEqual(0)
  expect(rectOf(mine!, 'أنت:').left - visible.right).toBeLessThan(8)
  expect(Math.abs(rectOf(text, 'Can you review').left - visible.left)).toBeLessThan(1)
  expect(getComputedStyle(text).textOverflow).toBe('ellipsis')
})

it("someone else's English message in an Arabic list keeps its beginning, as before", async () => {
  const [, theirs] = await renderArabicList()
  const visible = clipOf(theirs!)
  expect(inside(rectOf(theirs!, 'Can you review'), visible)).toBe(true)
  expect(rectOf(theirs!, 'socket code.').left).toBeGreaterThan(visible.right)
})
