// The OnlineUsers card's tooltips and "+N more", measured in Chromium: where the tooltip lands against the viewport
// and the card's title, whether a long name fits its box, and how the grid scrolls. Rects, not screenshots: each
// assertion names the geometry it checks.
import { composeStories } from '@storybook/react-vite'
import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, test } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import * as stories from '../../stories/components/OnlineUsers.stories'
import { OnlineUsers, UserStatusProvider, type OnlineUsersProps } from '../../src'
import { renderAt } from './capture'
import { onlineRecord, restOnlyBackend } from '../components/OnlineUsers/fixtures'

const { Tablet, ManyUsers } = composeStories(stories)

let done: (() => void) | undefined
afterEach(async () => {
  done?.()
  done = undefined
  cleanup()
  await userEvent.unhover(document.body)
})

const GAP = 1 // px of rounding allowed at each edge
const insideViewport = (rect: DOMRect) =>
  rect.left >= -GAP && rect.top >= -GAP && rect.right <= document.documentElement.clientWidth + GAP && rect.bottom <= document.documentElement.clientHeight + GAP
const intersects = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom

/** The open tooltip of a tile, once it has been placed (placeTooltip sets data-placement). */
async function placedTooltip(tile: HTMLElement): Promise<HTMLElement> {
  const id = tile.getAttribute('aria-describedby')!
  await expect.poll(() => document.getElementById(id)?.getAttribute('data-placement')).toBeTruthy()
  const tip = document.getElementById(id)!
  expect(tip).toHaveAttribute('role', 'tooltip')
  // In the top layer (an open popover), where the card's overflow cannot clip it; in the card all the same, inside
  // its landmark.
  expect(tip.matches(':popover-open')).toBe(true)
  expect(tip.closest('[data-slot="online-users"]')).not.toBeNull()
  return tip
}

const detailed = (id: number, username: string) => onlineRecord(id, username, '2026-03-04T14:00:00Z')

/** A contract backend without a socket (REST list only), signed in as user 1, serving these users. */
function renderWith(users: Array<ReturnType<typeof detailed>>, props: OnlineUsersProps = {}, width = 375) {
  render(
    <div style={{ width, maxWidth: '100%' }}>
      <UserStatusProvider {...restOnlyBackend(users)}>
        <OnlineUsers {...props} />
      </UserStatusProvider>
    </div>,
  )
}

describe('OnlineUsers tooltips', () => {
  test('the top row’s tooltip, opened from the keyboard, is inside the viewport and does not cover the title', async () => {
    done = await renderAt('tablet', Tablet)
    const card = page.getByRole('region', { name: "Who's Online?" })
    await expect.element(card).toHaveAttribute('data-state', 'ready')
    await userEvent.keyboard('{Tab}')
    const first = document.querySelector<HTMLElement>('[data-slot="online-user"]')!
    expect(document.activeElement).toBe(first)
    const tip = await placedTooltip(first)
    const title = card.element().querySelector('h2')!.getBoundingClientRect()
    const rect = tip.getBoundingClientRect()
    // Above the tile (the old place) it would have covered the title: the room between them is less than the tooltip.
    expect(first.getBoundingClientRect().top - title.bottom).toBeLessThan(rect.height)
    expect(insideViewport(rect)).toBe(true)
    expect(intersects(rect, title)).toBe(false)
    expect(tip.dataset.placement).toBe('bottom')

    await userEvent.keyboard('{Escape}')
    await expect.poll(() => document.getElementById(first.getAttribute('aria-describedby')!)?.getAttribute('role')).toBeNull()
    expect(document.getElementById(first.getAttribute('aria-describedby')!)).not.toBeVisible()
  })

  test('a tile at the right edge of the viewport keeps its tooltip inside it', async () => {
    await page.viewport(375, 800)
    const name = 'zoë_right_edge_with_a_name_long_enough_to_be_wide'
    renderWith([detailed(2, 'alice'), detailed(3, name)])
    const tile = (await page.getByRole('button', { name: `${name}, Online` }).findElement()) as HTMLElement
    await userEvent.hover(tile)
    const tip = await placedTooltip(tile)
    const rect = tip.getBoundingClientRect()
    const tileRect = tile.getBoundingClientRect()
    // Centred on the tile (the old place) it would have left the viewport on the right.
    expect(tileRect.left + tileRect.width / 2 + rect.width / 2).toBeGreaterThan(document.documentElement.clientWidth)
    expect(insideViewport(rect)).toBe(true)
  })

  test('a tooltip opened by the pointer closes on Escape with the focus elsewhere, and opens again on the next hover', async () => {
    await page.viewport(800, 800)
    renderWith([detailed(2, 'alice'), detailed(3, 'bob')], {}, 768)
    const tile = (await page.getByRole('button', { name: 'alice, Online' }).findElement()) as HTMLElement
    const tipOf = () => document.getElementById(tile.getAttribute('aria-describedby')!)
    await userEvent.hover(tile)
    await placedTooltip(tile)
    expect(document.activeElement).toBe(document.body)
    await userEvent.keyboard('{Escape}')
    await expect.poll(() => tipOf()?.getAttribute('role')).toBeNull()
    await userEvent.unhover(tile)
    await userEvent.hover(tile)
    await placedTooltip(tile)
  })

  test('a 60-character name wraps inside the tooltip: no text wider than its box', async () => {
    await page.viewport(800, 800)
    const name = 'a'.repeat(20) + '_' + 'b'.repeat(19) + '_' + 'c'.repeat(19)
    expect(name).toHaveLength(60)
    renderWith([detailed(2, name)], {}, 768)
    const tile = (await page.getByRole('button', { name: `${name}, Online` }).findElement()) as HTMLElement
    await userEvent.hover(tile)
    const tip = await placedTooltip(tile)
    const box = tip.getBoundingClientRect()
    const style = getComputedStyle(tip)
    const content = box.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth)
    const line = tip.firstElementChild as HTMLElement
    expect(line.textContent).toBe(name)
    const text = document.createRange()
    text.selectNodeContents(line)
    // The text's own extent (not the span's box, which is as wide as the tooltip whatever the text does).
    expect(text.getBoundingClientRect().width).toBeLessThanOrEqual(content + GAP)
    expect(tip.scrollWidth).toBeLessThanOrEqual(tip.clientWidth)
    expect(text.getClientRects().length).toBeGreaterThan(1)
  })
})

describe('OnlineUsers grid', () => {
  test('ManyUsers scrolls inside the card past maxHeight (480 px), not a card of thousands of pixels', async () => {
    done = await renderAt('desktop', ManyUsers)
    const card = page.getByRole('region', { name: "Who's Online?" })
    await expect.element(card).toHaveAttribute('data-state', 'ready')
    const scroller = card.element().querySelector<HTMLElement>('[data-slot="online-users-scroll"]')!
    expect(scroller.getBoundingClientRect().height).toBeLessThanOrEqual(480 + GAP)
    expect(scroller.scrollHeight).toBeGreaterThan(scroller.clientHeight * 2)
    expect(card.element().getBoundingClientRect().height).toBeLessThan(700)
    // Tabbing through the tiles scrolls the grid: the focused tile is shown.
    const tiles = scroller.querySelectorAll<HTMLElement>('[data-slot="online-user"]')
    tiles[tiles.length - 1]!.focus()
    await expect.poll(() => scroller.scrollTop).toBeGreaterThan(0)
  })

  test('"+N more" opens from the keyboard, moves focus to the first revealed user, and Escape closes it', async () => {
    await page.viewport(800, 800)
    const users = Array.from({ length: 7 }, (_, i) => detailed(i + 2, `user_${String.fromCharCode(97 + i)}`))
    renderWith(users, { maxUsers: 4 }, 768)
    const more = (await page.getByRole('button', { name: '3 more online' }).findElement()) as HTMLElement
    expect(more).toHaveAttribute('aria-expanded', 'false')
    more.focus()
    await userEvent.keyboard('{Enter}')
    await expect.poll(() => document.activeElement?.querySelector('[data-slot="online-user-name"]')?.textContent).toBe('user_e, Online')
    expect(document.querySelectorAll('[data-slot="online-user"]')).toHaveLength(7)
    const toggle = document.querySelector('[data-slot="online-users-more"]')!
    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    expect(toggle).toHaveAccessibleName('Show fewer')
    // The first Escape closes the focused tile's tooltip; the next one closes the grid and brings the focus back.
    await userEvent.keyboard('{Escape}')
    await userEvent.keyboard('{Escape}')
    await expect.poll(() => document.querySelectorAll('[data-slot="online-user"]').length).toBe(4)
    expect(document.activeElement).toBe(toggle)
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
  })
})
