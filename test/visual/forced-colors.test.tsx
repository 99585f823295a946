/**
 * Windows High Contrast and other forced-colour themes (`forced-colors: active`), emulated in Chromium through the
 * DevTools protocol: the browser replaces the kit's colours with the theme's few system colours and drops box
 * shadows, so whatever a state shows by colour alone disappears. The selected conversation of a UsersList was a 10 %
 * tint of the accent: under forced colours the selected row looked like every other row. It keeps a bar at its
 * start edge there, in the theme's Highlight colour. Seen in the pixels: the strip at the start of a row, before its
 * avatar, of the selected row against an unselected one.
 *
 * Focus rings too: forced colours drop box shadows, so a ring drawn only with one (Tailwind's `ring` utilities) would
 * vanish. Every control of every interactive component, reached by Tab, still shows a solid outline there, in a
 * colour of the theme against its Canvas.
 */
import { expect, test } from 'vitest'
import { page } from 'vitest/browser'
import { UserStatusProvider, UsersList, type Conversation } from '../../src'
import { expectFocusRing, showStory, tab } from './focus'
import { emulateMedia, mount } from './mount'
import { stories } from './stories'

emulateMedia({ name: 'forced-colors', value: 'active' })

const conversation = (id: string): Conversation => ({
  id,
  otherUser: { id: `peer-${id}`, username: `peer_${id}`, status: 'online', isOnline: true, lastSeen: null, statusMessage: null, profileImage: null },
  lastMessage: { text: 'See you at the standup!', sentAt: null, senderId: `peer-${id}` },
  unreadCount: 0,
})

/** The colours of a row's pixels from 2 to 10 CSS px (its start padding is 12 px: no avatar, no text there). */
async function startStripColours(row: HTMLElement): Promise<Set<string>> {
  // Not saved: the screenshot comes back as its base64 text.
  const base64 = (await page.screenshot({ element: row, save: false })) as unknown as string
  const image = new Image()
  image.src = `data:image/png;base64,${base64}`
  await image.decode()
  const scale = image.naturalWidth / row.getBoundingClientRect().width
  const canvas = document.createElement('canvas')
  canvas.width = image.naturalWidth
  canvas.height = image.naturalHeight
  const context = canvas.getContext('2d')!
  context.drawImage(image, 0, 0)
  // Inside the row's top and bottom edges (its bottom border is a line in every row).
  const { data } = context.getImageData(Math.ceil(2 * scale), 4 * scale, Math.floor(8 * scale), image.naturalHeight - 8 * scale)
  const colours = new Set<string>()
  for (let i = 0; i < data.length; i += 4) colours.add(`${data[i]},${data[i + 1]},${data[i + 2]}`)
  return colours
}

test('the selected conversation stays marked under forced colours', async () => {
  expect(matchMedia('(forced-colors: active)').matches).toBe(true)
  const { host } = mount(
    <UserStatusProvider token={null}>
      <UsersList conversations={['1', '2', '3', '4'].map(conversation)} selectedId="3" />
    </UserStatusProvider>,
    { width: '320px' },
  )
  await expect.poll(() => host.querySelectorAll('[role="option"]').length).toBe(4)
  // Two rows in the middle: neither touches the list's rounded corners.
  const [, plain, selected] = Array.from(host.querySelectorAll<HTMLElement>('[role="option"]'))
  expect(selected!.getAttribute('aria-selected')).toBe('true')
  expect(plain!.getAttribute('aria-selected')).toBe('false')

  const plainColours = await startStripColours(plain!)
  const selectedColours = await startStripColours(selected!)
  // An unselected row's start is the theme's Canvas, one colour; the selected row's has the theme's Highlight too.
  expect(plainColours.size).toBe(1)
  expect([...selectedColours].filter((colour) => !plainColours.has(colour))).not.toEqual([])
})

/** Each interactive component's story, and the state in which its controls are all there. */
const CONTROLS: Array<[name: string, story: Parameters<typeof showStory>[0], ready: (canvas: HTMLElement) => unknown]> = [
  ['ChatHeader', stories.chatHeader.Default, (canvas) => canvas.querySelectorAll('button').length === 3],
  ['StatusPicker', stories.statusPicker.Default, (canvas) => canvas.querySelector('[data-state="ready"]')],
  ['UsersList', stories.usersList.Default, (canvas) => canvas.querySelector('[role="option"]')],
  ['OnlineUsers', stories.onlineUsers.Truncated, (canvas) => canvas.querySelector('[data-slot="online-users-more"]')],
  ['PresenceToaster', stories.toaster.Default, (canvas) => canvas.querySelector('[data-slot="presence-toast-close"]')],
  ['ConnectionBanner', stories.banner.Reconnecting, (canvas) => canvas.querySelector('[data-slot="connection-banner-retry"]')],
]

test.each(CONTROLS)('%s: every control reached by Tab shows an outline under forced colours', async (_, story, ready) => {
  const { canvas, after } = await showStory(story)
  await expect.poll(() => Boolean(ready(canvas))).toBe(true)
  const reached: Element[] = []
  for (let focused = await tab(); focused !== after && reached.length < 30; focused = await tab()) {
    expect(canvas.contains(focused)).toBe(true)
    reached.push(focused!)
    // An outline: a ring of box shadow alone would be gone (computed `none`, as every box shadow is here).
    expectFocusRing(focused)
  }
  expect(reached.length).toBeGreaterThan(0)
})
