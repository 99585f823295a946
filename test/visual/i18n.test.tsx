import { composeStory } from '@storybook/react-vite'
import { describe, expect, test } from 'vitest'
import { page, type Locator } from 'vitest/browser'
import * as chatHeader from '../../stories/components/ChatHeader.stories'
import * as onlineUsers from '../../stories/components/OnlineUsers.stories'
import * as usersList from '../../stories/components/UsersList.stories'
import { ar } from '../../src'
import { renderAt } from './capture'
import { assertNoFontErrors, renderedFonts, uncoveredCharacters } from './fonts'

/** The toolbar as a designer sets it for an Arabic reader at night: dark, right to left, Arabic. */
const DARK_RTL_ARABIC = { theme: 'dark', direction: 'rtl', language: 'ar' }

// Each component's tablet story with the toolbar's globals set (without its play function, which reads English),
// and how to find it settled.
const COMPONENTS: Array<[name: string, story: ReturnType<typeof composeStory>, settled: () => Promise<Locator>]> = [
  [
    'online-users',
    composeStory({ ...onlineUsers.Tablet, play: undefined, globals: DARK_RTL_ARABIC }, onlineUsers.default),
    async () => {
      const card = page.getByRole('region', { name: ar.onlineUsers.title })
      await expect.element(card).toHaveAttribute('data-state', 'ready')
      return card
    },
  ],
  [
    'users-list',
    composeStory({ ...usersList.Tablet, play: undefined, globals: DARK_RTL_ARABIC }, usersList.default),
    async () => {
      const list = page.getByRole('listbox', { name: ar.usersList.label })
      await expect.element(list.getByRole('option').first()).toBeVisible()
      return list
    },
  ],
  [
    'chat-header',
    composeStory({ ...chatHeader.Tablet, play: undefined, globals: DARK_RTL_ARABIC }, chatHeader.default),
    async () => {
      // "غير متصل" (offline) is the first render, before the store knows jane_smith; "آخر ظهور …" the settled one.
      await expect.poll(() => document.querySelector('[data-slot="chat-header-status"]')?.textContent).toMatch(/^آخر ظهور /u)
      return page.elementLocator(document.querySelector<HTMLElement>('[data-slot="chat-header"]')!)
    },
  ],
]

// Dark, right to left and in Arabic, in Chromium: the whole canvas dark, the layout mirrored, every word Arabic
// (the users' own names and messages aside), every glyph from the test fonts (Noto Sans Arabic for the words).
describe.each(COMPONENTS)('%s in dark, right to left, Arabic', (name, story, settled) => {
  test('at tablet width', async () => {
    const cleanup = await renderAt('tablet', story)
    const component = await settled()
    await assertNoFontErrors()
    expect(document.documentElement.dir).toBe('rtl')
    expect(document.documentElement.dataset.theme).toBe('dark')
    const text = component.element().textContent ?? ''
    expect(text).toMatch(/[\u0600-\u06FF]/u)
    expect(uncoveredCharacters(text)).toEqual([])
    const fonts = await renderedFonts(component.element())
    expect(fonts.filter((font) => !font.isCustomFont).map((font) => font.familyName)).toEqual([])
    expect(fonts.map((font) => font.familyName)).toContain('Noto Sans Arabic')
    await expect.element(component).toMatchScreenshot(`${name}-dark-rtl-ar`)
    cleanup()
  })
})
