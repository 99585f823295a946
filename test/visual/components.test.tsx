import { composeStories } from '@storybook/react-vite'
import { describe, expect, test } from 'vitest'
import { page, type Locator } from 'vitest/browser'
import * as chatHeader from '../../stories/components/ChatHeader.stories'
import * as onlineUsers from '../../stories/components/OnlineUsers.stories'
import * as usersList from '../../stories/components/UsersList.stories'
import type { Device } from '../../stories/support/frames'
import { renderAt } from './capture'
import { assertNoFontErrors, renderedFonts, uncoveredCharacters } from './fonts'

type DeviceStories = Record<'Phone' | 'Tablet' | 'Desktop' | 'RightToLeft', { run(context?: { canvasElement: HTMLElement }): Promise<void> }>

/** Each component's device stories, and how to find the settled component on the page. */
const COMPONENTS: Array<[name: string, stories: DeviceStories, settled: () => Promise<Locator>]> = [
  [
    'online-users',
    composeStories(onlineUsers),
    async () => {
      const card = page.getByRole('region', { name: "Who's Online?" })
      await expect.element(card).toHaveAttribute('data-state', 'ready')
      return card
    },
  ],
  [
    'users-list',
    composeStories(usersList),
    async () => {
      const list = page.getByRole('listbox', { name: 'Conversations' })
      await expect.element(list.getByRole('option').first()).toBeVisible()
      return list
    },
  ],
  [
    'chat-header',
    composeStories(chatHeader),
    async () => {
      // "Offline" is the first render, before the store knows jane_smith; "Last seen …" is the settled header.
      await expect.poll(() => document.querySelector('[data-slot="chat-header-status"]')?.textContent).toMatch(/^Last seen /)
      return page.elementLocator(document.querySelector<HTMLElement>('[data-slot="chat-header"]')!)
    },
  ],
]

const DEVICES = [
  ['phone', 'Phone'],
  ['tablet', 'Tablet'],
  ['desktop', 'Desktop'],
] as const

describe.each(COMPONENTS)('%s looks as designed', (name, stories, settled) => {
  test.each(DEVICES)('at %s width', async (device: Device, story) => {
    const cleanup = await renderAt(device, stories[story])
    const component = await settled()
    await assertNoFontErrors()
    expect(uncoveredCharacters(component.element().textContent ?? '')).toEqual([])
    const fonts = await renderedFonts(component.element())
    // Every glyph from the fonts the tests ship, none from the machine.
    expect(fonts.filter((font) => !font.isCustomFont).map((font) => font.familyName)).toEqual([])
    expect(fonts.length).toBeGreaterThan(0)
    await expect.element(component).toMatchScreenshot(`${name}-${device}`)
    cleanup()
  })
})

// Right to left, in Chromium: names and messages start beside the avatar (their own direction inside, dir="auto";
// aligned with the page, -webkit-match-parent), the card's title and count read "Who's Online?" and "8 online".
describe.each(COMPONENTS)('%s right to left', (name, stories, settled) => {
  test('at tablet width', async () => {
    const cleanup = await renderAt('tablet', stories.RightToLeft)
    const component = await settled()
    await assertNoFontErrors()
    expect(document.documentElement.dir).toBe('rtl')
    await expect.element(component).toMatchScreenshot(`${name}-rtl`)
    cleanup()
  })
})
