/**
 * Keyboard only, in Chromium, with real key presses: Tab reaches every control of each interactive component in
 * reading order and leaves it again (no trap; the page's "After" button is next), every focused control shows a ring
 * (focus-visible, a solid outline of 2 px or more at 3:1 against what is behind it), Enter and Space activate,
 * arrows move where the pattern has them (the StatusPicker's radio group, the UsersList listbox), Escape closes what
 * opened, and an action never drops the focus to <body>.
 */
import { describe, expect, test } from 'vitest'
import { userEvent } from 'vitest/browser'
import { expectFocusRing, showStory, tab } from './focus'
import { stories } from './stories'

const { activityFeed, banner, chatHeader, onlineUsers, statusPicker, toaster, usersList } = stories

const slot = (root: ParentNode, name: string) => root.querySelector<HTMLElement>(`[data-slot="${name}"]`)
const slots = (root: ParentNode, name: string) => [...root.querySelectorAll<HTMLElement>(`[data-slot="${name}"]`)]

/** Every text the element shows from now on, in order (a MutationObserver's record, not samples in time). */
function textHistory(element: HTMLElement): string[] {
  const seen = [element.textContent ?? '']
  const observer = new MutationObserver(() => {
    if (seen.at(-1) !== element.textContent) seen.push(element.textContent ?? '')
  })
  observer.observe(element, { subtree: true, childList: true, characterData: true })
  return seen
}

/**
 * A component's error with "Try again" (its story's play function has waited for it): reached by Tab and ringed;
 * Enter asks again ("Retrying…"), is refused again ("Try again"), and the focus has stayed on the button.
 */
async function retryKeepsFocus(story: Parameters<typeof showStory>[0], name: string) {
  const { canvas } = await showStory(story)
  const root = slot(canvas, name)!
  const retry = () => root.querySelector('button')
  expect(await tab()).toBe(retry())
  expectFocusRing(retry())
  const texts = textHistory(root)
  await userEvent.keyboard('{Enter}')
  await expect.poll(() => texts.length).toBeGreaterThanOrEqual(3)
  await expect.poll(() => root.textContent).toBe(texts[0])
  expect(document.activeElement).toBe(retry())
}

describe('OnlineUsers', () => {
  test('Tab walks the tiles and "+N more"; Enter and Space pick a user; Escape hides a tooltip, then folds the grid', async () => {
    const story = onlineUsers.Truncated
    const { canvas, after } = await showStory(story)
    const card = slot(canvas, 'online-users')!
    await expect.poll(() => card.dataset.state).toBe('ready')
    const tiles = slots(card, 'online-user')
    const more = slot(card, 'online-users-more')!
    expect(tiles.length).toBeGreaterThan(1)

    for (const tile of tiles) {
      expect(await tab()).toBe(tile)
      expectFocusRing(tile)
      // Keyboard focus opens the tile's tooltip.
      await expect.poll(() => tile.dataset.tooltip).toBe('open')
    }
    // Escape hides the tooltip of the focused tile, the focus stays.
    await userEvent.keyboard('{Escape}')
    await expect.poll(() => tiles.at(-1)!.dataset.tooltip).toBe('dismissed')
    expect(document.activeElement).toBe(tiles.at(-1))
    const onUserClick = story.args.onUserClick as unknown as { mock: { calls: unknown[][] } }
    const calls = onUserClick.mock.calls.length
    await userEvent.keyboard('{Enter}')
    await userEvent.keyboard(' ')
    expect(onUserClick.mock.calls.length).toBe(calls + 2)

    expect(await tab()).toBe(more)
    expectFocusRing(more)
    await userEvent.keyboard('{Enter}')
    await expect.poll(() => more.getAttribute('aria-expanded')).toBe('true')
    // The focus moves to the first user the grid revealed.
    await expect.poll(() => document.activeElement).toBe(slots(card, 'online-user')[tiles.length])
    expectFocusRing(document.activeElement)
    // Escape: the tooltip first, then the grid folds back, the focus on its toggle.
    await userEvent.keyboard('{Escape}')
    await userEvent.keyboard('{Escape}')
    await expect.poll(() => more.getAttribute('aria-expanded')).toBe('false')
    expect(document.activeElement).toBe(more)

    expect(await tab()).toBe(after)
    expect(await tab(true)).toBe(more)
  })
})

describe('UsersList', () => {
  test('one Tab stop; arrows, Home and End move the active option; Enter and Space select, the focus stays on the list', async () => {
    const story = usersList.Default
    const { canvas, after } = await showStory(story)
    const list = slot(canvas, 'users-list-listbox')!
    const active = () => document.getElementById(list.getAttribute('aria-activedescendant') ?? '')
    expect(await tab()).toBe(list)
    expectFocusRing(list)
    // The active option has a ring of its own, so that the row the keys move is seen.
    const options = slots(list, 'users-list-item')
    expect(active()).toBe(options[0])
    await userEvent.keyboard('{ArrowDown}')
    expect(active()).toBe(options[1])
    expect(getComputedStyle(options[1]!).outlineStyle).toBe('solid')
    expect(getComputedStyle(options[0]!).outlineStyle).toBe('none')
    await userEvent.keyboard('{End}')
    await expect.poll(() => active()?.getAttribute('aria-posinset')).toBe(active()?.getAttribute('aria-setsize'))
    await userEvent.keyboard('{Home}{ArrowDown}{Enter}')
    expect(active()?.getAttribute('aria-selected')).toBe('true')
    expect(document.activeElement).toBe(list)
    await userEvent.keyboard('{ArrowDown} ')
    await expect.poll(() => active()?.getAttribute('aria-selected')).toBe('true')
    expect(options[1]!.getAttribute('aria-selected')).toBe('false')
    expect(document.activeElement).toBe(list)
    const onUserClick = story.args.onUserClick as unknown as { mock: { calls: unknown[][] } }
    expect(onUserClick.mock.calls.length).toBe(2)

    expect(await tab()).toBe(after)
    expect(await tab(true)).toBe(list)
  })

  test('"Try again" keeps the focus while it asks again and once it is refused again', () => retryKeepsFocus(usersList.Error, 'users-list'))
})

describe('ChatHeader', () => {
  test('Back, then the actions, in reading order; Enter and Space press Back', async () => {
    const story = chatHeader.Default
    const { canvas, after } = await showStory(story)
    const header = slot(canvas, 'chat-header')!
    const buttons = [...header.querySelectorAll('button')]
    expect(buttons.map((button) => button.getAttribute('aria-label'))).toEqual(['Back', 'Start a call', 'More options'])
    for (const button of buttons) {
      expect(await tab()).toBe(button)
      expectFocusRing(button)
    }
    expect(await tab()).toBe(after)
    await tab(true)
    await tab(true)
    expect(await tab(true)).toBe(buttons[0])
    await userEvent.keyboard('{Enter}')
    await userEvent.keyboard(' ')
    expect((story.args.onBack as unknown as { mock: { calls: unknown[] } }).mock.calls.length).toBe(2)
    expect(document.activeElement).toBe(buttons[0])
  })
})

describe('StatusPicker', () => {
  test('the checked mode, arrows between the modes, the message, Clear, the selects, Save; Clear and Save keep the focus', async () => {
    const { canvas, after } = await showStory(statusPicker.Default)
    const form = slot(canvas, 'status-picker')!
    await expect.poll(() => form.dataset.state).toBe('ready')
    const radio = (mode: string) => form.querySelector<HTMLInputElement>(`input[type="radio"][value="${mode}"]`)!
    // One Tab stop for the group: the checked mode; its ring is its option's (the radio's own is off).
    expect(await tab()).toBe(radio('auto'))
    expectFocusRing(radio('auto'))
    await userEvent.keyboard('{ArrowDown}')
    expect(document.activeElement).toBe(radio('away'))
    expect(radio('away').checked).toBe(true)
    expectFocusRing(radio('away'))
    await userEvent.keyboard('{ArrowUp}')
    expect(radio('auto').checked).toBe(true)

    const input = form.querySelector<HTMLInputElement>('input[type="text"]')!
    expect(await tab()).toBe(input)
    expectFocusRing(input)
    await userEvent.keyboard('brb')
    const clear = slot(form, 'status-picker-clear')!
    expect(await tab()).toBe(clear)
    expectFocusRing(clear)
    await userEvent.keyboard('{Enter}')
    await expect.poll(() => input.value).toBe('')
    // Clear takes the focus back to the field it emptied (a disabled Clear would drop it to <body>).
    expect(document.activeElement).toBe(input)

    const selects = [...form.querySelectorAll('select')]
    for (const select of selects) {
      expect(await tab()).toBe(select)
      expectFocusRing(select)
    }
    const save = slot(form, 'status-picker-save')!
    expect(await tab()).toBe(save)
    expectFocusRing(save)
    await userEvent.keyboard(' ')
    await expect.poll(() => form.dataset.state).toBe('saved')
    expect(document.activeElement).toBe(save)
    expect(await tab()).toBe(after)
  })
})

describe('PresenceToaster', () => {
  test('Tab reaches each toast’s close button; Escape closes the focused toast, the focus to the next; Space closes the last, the focus back where it came from', async () => {
    const { canvas, after } = await showStory(toaster.Default)
    const region = slot(canvas, 'presence-toaster')!
    await expect.poll(() => slots(region, 'presence-toast').length).toBe(1)
    // The story's control that brings ahmad online, pressed from the keyboard: a second toast.
    const controls = [...canvas.querySelectorAll('button')].filter((button) => !region.contains(button))
    const bringAhmad = controls.find((button) => button.textContent === 'ahmad: Online')!
    bringAhmad.focus()
    await userEvent.keyboard('{Enter}')
    await expect.poll(() => slots(region, 'presence-toast').length).toBe(2)

    controls.at(-1)!.focus()
    const [first, second] = slots(region, 'presence-toast-close')
    expect(await tab()).toBe(first)
    expectFocusRing(first!)
    expect(await tab()).toBe(second)
    expectFocusRing(second!)
    expect(await tab()).toBe(after)
    await tab(true)
    expect(await tab(true)).toBe(first)

    await userEvent.keyboard('{Escape}')
    await expect.poll(() => slots(region, 'presence-toast').length).toBe(1)
    expect(document.activeElement).toBe(second)
    await userEvent.keyboard(' ')
    await expect.poll(() => slots(region, 'presence-toast').length).toBe(0)
    // The last toast gone, the focus is back where it came into the toasts from (Shift+Tab from "After"), not on
    // <body>.
    expect(document.activeElement).toBe(after)
  })

  test('a click on × that focuses nothing (Safari, Firefox on macOS) leaves the focus where the user is', async () => {
    const { canvas, after } = await showStory(toaster.Default)
    const region = slot(canvas, 'presence-toaster')!
    await expect.poll(() => slots(region, 'presence-toast').length).toBe(1)
    // A keyboard visit first, so that the toaster remembers where the focus came from.
    after.focus()
    expect(await tab(true)).toBe(slots(region, 'presence-toast-close')[0])
    const typing = [...canvas.querySelectorAll('button')].find((button) => !region.contains(button))!
    typing.focus()
    // Such a browser's click: the event without the focus moving.
    slots(region, 'presence-toast-close')[0]!.dispatchEvent(new MouseEvent('click', { bubbles: true }))
    await expect.poll(() => slots(region, 'presence-toast').length).toBe(0)
    expect(document.activeElement).toBe(typing)
  })
})

describe('ConnectionBanner', () => {
  test('Retry now is reached, ringed, and keeps the focus through the retry and its refusal', async () => {
    const { canvas, after } = await showStory(banner.Reconnecting)
    const retry = slot(canvas, 'connection-banner-retry')!
    expect(await tab()).toBe(retry)
    expectFocusRing(retry)
    const seconds = () => Number(/\d+/.exec(slot(canvas, 'connection-banner-countdown')?.textContent ?? '')?.[0] ?? 0)
    expect(seconds()).toBeLessThanOrEqual(8)
    await userEvent.keyboard('{Enter}')
    // Refused again: the next wait is a doubled one (16 s and up), counted from the retry.
    await expect.poll(seconds).toBeGreaterThan(8)
    expect(document.activeElement).toBe(slot(canvas, 'connection-banner-retry'))
    expect(retry.isConnected).toBe(true)
    expect(await tab()).toBe(after)
  })
})

describe('ActivityFeed', () => {
  test('"Try again" keeps the focus while it asks again and once it is refused again', () => retryKeepsFocus(activityFeed.Error, 'activity-feed'))
})
