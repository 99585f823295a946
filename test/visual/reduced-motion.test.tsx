/**
 * `prefers-reduced-motion: reduce`, emulated in Chromium through the DevTools protocol: none of the kit's animations
 * or transitions runs. Every moving part of the kit, in the state that moves it: the loading skeletons' pulse
 * (UsersList, OnlineUsers, ActivityFeed), the reconnect spinner of ConnectionBanner, the online dot's ping, a
 * toast's entrance, a tile's scale on hover and focus. Read two ways: the page's running animations
 * (`document.getAnimations()`, CSS transitions included) inside the story, and each element's computed
 * `animation-name` and transition (none, or of no duration). The last test shows the same reading finds the motion
 * without the emulation.
 */
import { describe, expect, test } from 'vitest'
import { userEvent } from 'vitest/browser'
import { showStory, tab } from './focus'
import { emulateMedia } from './mount'
import { stories } from './stories'

const { activityFeed, banner, indicator, onlineUsers, toaster, usersList } = stories

/** The animations and transitions running inside `root`, named by their element's slot or tag. */
const running = (root: Element) =>
  document
    .getAnimations()
    .filter((animation) => animation.effect instanceof KeyframeEffect && animation.effect.target && root.contains(animation.effect.target))
    .map((animation) => {
      const target = (animation.effect as KeyframeEffect).target as HTMLElement
      return `${target.dataset.slot ?? target.tagName.toLowerCase()}: ${(animation as CSSAnimation).animationName ?? (animation as CSSTransition).transitionProperty}`
    })

/**
 * The elements inside `root` whose style would move them: a named animation, or a transition that takes time. One
 * that is not rendered (`display: none`, the dot's ping under the preference) moves nothing.
 */
const moving = (root: Element) =>
  [...root.querySelectorAll<HTMLElement>('*')].flatMap((element) => {
    if (!element.checkVisibility()) return []
    const style = getComputedStyle(element)
    const transitions = style.transitionProperty !== 'none' && style.transitionDuration.split(',').some((duration) => Number.parseFloat(duration) > 0)
    const name = element.dataset.slot ?? element.className.toString().slice(0, 60)
    return [
      ...(style.animationName !== 'none' ? [`${name}: animation ${style.animationName}`] : []),
      ...(transitions ? [`${name}: transition ${style.transitionProperty} ${style.transitionDuration}`] : []),
    ]
  })

/** Shows a story and waits until its component (by slot) is in this state. */
const inState = (story: Parameters<typeof showStory>[0], name: string, state: string) => async () => {
  const { canvas } = await showStory(story)
  await expect.poll(() => canvas.querySelector(`[data-slot="${name}"]`)?.getAttribute('data-state')).toBe(state)
  return canvas
}

/** The stories, each in its moving state. */
const MOVING: Array<[name: string, show: () => Promise<HTMLElement>]> = [
  ['UsersList loading skeleton', inState(usersList.Loading, 'users-list', 'loading')],
  ['OnlineUsers loading skeleton', inState(onlineUsers.Loading, 'online-users', 'loading')],
  ['ActivityFeed loading skeleton', inState(activityFeed.Loading, 'activity-feed', 'loading')],
  ['ConnectionBanner reconnect spinner', inState(banner.Reconnecting, 'connection-banner', 'reconnecting')],
  [
    'OnlineStatusIndicator pulse',
    async () => {
      const { canvas } = await showStory(indicator.Pulse)
      expect(canvas.querySelector('[data-slot="status-indicator"]')).not.toBeNull()
      return canvas
    },
  ],
  [
    'PresenceToaster toast entrance',
    async () => {
      const { canvas } = await showStory(toaster.Default)
      await expect.poll(() => canvas.querySelectorAll('[data-slot="presence-toast"]').length).toBe(1)
      return canvas
    },
  ],
  [
    'OnlineUsers tile hovered, then focused',
    async () => {
      const { canvas } = await showStory(onlineUsers.Default)
      await expect.poll(() => canvas.querySelector('[data-slot="online-users"]')?.getAttribute('data-state')).toBe('ready')
      const [first, second] = canvas.querySelectorAll<HTMLElement>('[data-slot="online-user"]')
      await userEvent.hover(first!)
      await expect.poll(() => first!.dataset.tooltip).toBe('open')
      second!.focus()
      await userEvent.unhover(first!)
      // The second tile takes the keyboard's focus (focus-visible).
      await tab(true)
      await tab()
      await expect.poll(() => second!.dataset.tooltip).toBe('open')
      return canvas
    },
  ],
]

describe('prefers-reduced-motion: reduce', () => {
  emulateMedia({ name: 'prefers-reduced-motion', value: 'reduce' })

  test.each(MOVING)('%s: nothing animates', async (_, show) => {
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches).toBe(true)
    const canvas = await show()
    expect(running(canvas)).toEqual([])
    expect(moving(canvas)).toEqual([])
  })
})

describe('without the preference', () => {
  test('the same reading finds the motion: the spinner spins, the skeleton pulses, the dot pings', async () => {
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches).toBe(false)
    for (const [name, show] of MOVING.filter(([name]) => /spinner|UsersList|pulse/.test(name))) {
      const canvas = await show()
      expect(running(canvas), name).not.toEqual([])
      expect(moving(canvas), name).not.toEqual([])
      canvas.remove()
    }
  })
})
