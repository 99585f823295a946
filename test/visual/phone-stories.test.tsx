// Every showcase story of the components (the ones a designer finds in the sidebar and on the docs pages) at the
// toolbar's phone viewport, in the page that Storybook's preview iframe is: its own stylesheet, read from the
// installed storybook rather than copied (the `padded`, `centered` and `fullscreen` layouts' padding decides what
// fits), and `#storybook-root`. Nothing may push the page wider than the phone (a page that scrolls sideways), and no
// toast may be cut off by the viewport or by a box that clips it. The stories laid out at a tablet's or a desktop's
// width are checked at the phone's too: their frames are never wider than the canvas (support/frames.tsx), so on a
// phone they are what a designer sees.
import { composeStories } from '@storybook/react-vite'
import { beforeAll, describe, expect, test } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import previewHead from '../../node_modules/storybook/assets/server/base-preview-head.html?raw'
import * as activityFeed from '../../stories/components/ActivityFeed.stories'
import * as avatar from '../../stories/components/Avatar.stories'
import * as chatHeader from '../../stories/components/ChatHeader.stories'
import * as connectionBanner from '../../stories/components/ConnectionBanner.stories'
import * as onlineStatusIndicator from '../../stories/components/OnlineStatusIndicator.stories'
import * as onlineUsers from '../../stories/components/OnlineUsers.stories'
import * as presenceToaster from '../../stories/components/PresenceToaster.stories'
import * as presenceV2 from '../../stories/components/PresenceV2.stories'
import * as statusPicker from '../../stories/components/StatusPicker.stories'
import * as usersList from '../../stories/components/UsersList.stories'
import { VIEWPORTS } from '../../stories/support/frames'

interface ComposedStory {
  storyName: string
  tags: string[]
  parameters: Record<string, unknown> & { layout?: string; presence?: { network?: string } }
  play?: unknown
  run(context?: { canvasElement: HTMLElement }): Promise<void>
}

const FILES = { activityFeed, avatar, chatHeader, connectionBanner, onlineStatusIndicator, onlineUsers, presenceToaster, presenceV2, statusPicker, usersList }

// The toolbar's phone, which is also the width of the phone frames (support/frames.tsx), and the narrowest phone in
// common use (360 px, many Android phones), where the toaster stories' frames once cut every toast by 10 px.
const PHONE = { width: Number.parseInt(VIEWPORTS.phone!.styles.width, 10), height: Number.parseInt(VIEWPORTS.phone!.styles.height, 10) }
const PHONES = [PHONE, { width: 360, height: 740 }]

// The interaction tests (tagged '!dev') are out of the sidebar and the docs: no designer sees them.
const showcase = (stories: Record<string, ComposedStory>) => Object.values(stories).filter((story) => story.tags.includes('dev'))

let root: HTMLElement

beforeAll(() => {
  const head = document.createRange().createContextualFragment(previewHead)
  document.head.append(...head.querySelectorAll('style'))
  root = document.createElement('div')
  root.id = 'storybook-root'
  document.body.append(root)
})

// The real mouse rests where an earlier test left it: parked on a speck above everything, in a corner, it hovers no
// tile of a story rendered under it (a hovered tile opens its tooltip, seen in CI: "YouMarked").
let speck: HTMLElement

beforeAll(() => {
  speck = document.createElement('div')
  speck.style.cssText = 'position:fixed;inset-inline-end:0;bottom:0;width:2px;height:2px;z-index:2147483647'
  document.body.append(speck)
})

/** What Storybook's preview does before it renders a story: the layout's class on `<body>`, the page scrolled home. */
function prepareForStory(story: ComposedStory) {
  document.body.className = `sb-show-main sb-main-${story.parameters.layout ?? 'padded'}`
  document.documentElement.scrollLeft = 0
}

/**
 * Until every live card, list and feed has left its loading state. A play function has already waited for the state
 * its story is named after (which may be "Saving…"), and a loading story stays loading.
 */
async function settled(story: ComposedStory) {
  if (story.play || story.parameters.presence?.network === 'loading') return
  await expect.poll(() => root.querySelector('[data-state="loading"], [data-state="pending"], [aria-busy="true"]')).toBeNull()
}

const GAP = 1 // px of rounding allowed at each edge

/** The part of an element that no ancestor's overflow clips, nor the viewport's sides (the page scrolls down, not sideways). */
function visiblePart(element: HTMLElement): { left: number; right: number; top: number; bottom: number } {
  const rect = element.getBoundingClientRect()
  const box = { left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom }
  const clip = (edges: { left: number; right: number; top: number; bottom: number }) => {
    box.left = Math.max(box.left, edges.left)
    box.right = Math.min(box.right, edges.right)
    box.top = Math.max(box.top, edges.top)
    box.bottom = Math.min(box.bottom, edges.bottom)
  }
  for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
    const { overflowX, overflowY } = getComputedStyle(parent)
    if (overflowX === 'visible' && overflowY === 'visible') continue
    const edges = parent.getBoundingClientRect()
    // What a clipping box shows is its padding box: inside its borders.
    clip({ left: edges.left + parent.clientLeft, right: edges.left + parent.clientLeft + parent.clientWidth, top: edges.top + parent.clientTop, bottom: edges.top + parent.clientTop + parent.clientHeight })
  }
  clip({ left: 0, right: document.documentElement.clientWidth, top: -Infinity, bottom: Infinity })
  return box
}

describe.each(PHONES.flatMap((phone) => Object.entries(FILES).map(([name, file]) => [name, phone.width, phone, file] as const)))('%s stories on a %i px phone', (_, _width, phone, file) => {
  test.each(showcase(composeStories(file) as unknown as Record<string, ComposedStory>).map((story) => [story.storyName, story] as const))(
    '%s: the page does not scroll sideways, and every toast is whole',
    async (_, story) => {
      await page.viewport(phone.width, phone.height)
      await userEvent.hover(speck)
      prepareForStory(story)
      await story.run({ canvasElement: root })
      await settled(story)
      const scroller = document.scrollingElement!
      expect(scroller.scrollWidth, 'the page is wider than the phone').toBeLessThanOrEqual(scroller.clientWidth)
      for (const toast of root.querySelectorAll<HTMLElement>('[data-slot="presence-toast"]')) {
        const whole = toast.getBoundingClientRect()
        const seen = visiblePart(toast)
        const cut = Math.max(seen.left - whole.left, whole.right - seen.right, seen.top - whole.top, whole.bottom - seen.bottom)
        expect(cut, `"${toast.textContent}" is cut off`).toBeLessThanOrEqual(GAP)
      }
    },
  )
})

// A list beside a chat: on a phone, the chat goes under the list, as wide as it, instead of the sliver the list leaves.
describe('the UsersList chat layout on a phone', () => {
  const { Tablet, Desktop } = composeStories(usersList)
  test.each([Tablet, Desktop].map((story) => [story.storyName, story] as const))('%s: the chat is under the list', async (_, story) => {
    await page.viewport(PHONE.width, PHONE.height)
    prepareForStory(story as unknown as ComposedStory)
    await story.run({ canvasElement: root })
    await settled(story as unknown as ComposedStory)
    const list = root.querySelector<HTMLElement>('[data-slot="users-list"]')!
    const chat = list.nextElementSibling!
    const [listBox, chatBox] = [list.getBoundingClientRect(), chat.getBoundingClientRect()]
    expect(chatBox.top).toBeGreaterThanOrEqual(listBox.bottom)
    expect(chatBox.width).toBeCloseTo(listBox.width, 0)
  })
})
