// The card's open tooltip keeps to its tile while things move under it, measured in Chromium: the grid scrolling, the
// tile scaling up on hover (a transform, which no ResizeObserver sees), a user joining before it, its text growing,
// the viewport narrowing. Each test moves one thing only, and fails without the listener for it (checked: the capture
// scroll listener, following the transition frame by frame, the list's MutationObserver, the ResizeObserver, the
// window's resize). Where the tooltip lands at first is online-users-card.test.tsx's business; the geometry rules
// themselves are place-tooltip.test.ts's.
import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, test } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { OnlineUsers, UserStatusProvider } from '../../src'
import { onlineRecord, restOnlyBackend } from '../components/OnlineUsers/fixtures'

afterEach(async () => {
  cleanup()
  await userEvent.unhover(document.body)
})

const GAP = 6
const ROUNDING = 1 // px: offsetWidth is whole pixels, the tile's box is not

/** A card `width` px wide whatever the viewport, of `count` users (REST list only), its grid scrolling past 240 px. */
async function renderCard(count: number, width = 768) {
  const users = Array.from({ length: count }, (_, i) => onlineRecord(i + 2, `user_${i + 2}`, '2026-03-04T14:00:00Z'))
  render(
    <div style={{ width, paddingTop: 200 }}>
      <UserStatusProvider {...restOnlyBackend(users)}>
        <OnlineUsers maxUsers={count} maxHeight={240} />
      </UserStatusProvider>
    </div>,
  )
  await expect.element(page.getByRole('region', { name: "Who's Online?" })).toHaveAttribute('data-state', 'ready')
}

function tooltipOf(tile: HTMLElement): HTMLElement | null {
  const tip = document.getElementById(tile.getAttribute('aria-describedby')!)
  return tip?.dataset.placement ? tip : null
}

/** How far the tooltip is from its tile, on the side it was placed; and how far their centres are apart. */
function distance(tile: HTMLElement) {
  const tip = tooltipOf(tile)
  if (!tip) return null
  const a = tile.getBoundingClientRect()
  const t = tip.getBoundingClientRect()
  return {
    gap: tip.dataset.placement === 'top' ? a.top - t.bottom : t.top - a.bottom,
    centres: Math.abs(a.left + a.width / 2 - (t.left + t.width / 2)),
  }
}

const attached = (tile: HTMLElement) => {
  const d = distance(tile)
  return !!d && Math.abs(d.gap - GAP) <= ROUNDING && d.centres <= ROUNDING
}

const frames = (n: number) => new Promise<void>((resolve) => {
  const step = () => (--n <= 0 ? resolve() : requestAnimationFrame(step))
  requestAnimationFrame(step)
})

/** Ends the tile's scale transition at once (transitionend fires): nothing moves after this but what the test moves. */
async function settle(tile: HTMLElement) {
  for (const animation of tile.getAnimations()) animation.finish()
  await expect.poll(() => tile.getAnimations().length).toBe(0)
  await expect.poll(() => attached(tile)).toBe(true)
  // The observers' first notices and the follow loop's last frame are due at the next frames: past them, only what
  // the test moves can place the tooltip again.
  await frames(3)
}

describe('an open tile tooltip', () => {
  test('follows its tile when the grid scrolls under it', async () => {
    await page.viewport(800, 900)
    await renderCard(40)
    await userEvent.keyboard('{Tab}')
    const tile = document.activeElement as HTMLElement
    expect(tile).toHaveAttribute('data-slot', 'online-user')
    await settle(tile)
    const before = tooltipOf(tile)!.getBoundingClientRect().top

    const scroller = document.querySelector<HTMLElement>('[data-slot="online-users-scroll"]')!
    expect(scroller.scrollHeight).toBeGreaterThan(scroller.clientHeight + 30)
    scroller.scrollTop = 30
    // Scrolled up by 30 px with its tile (or flipped, once the tile nears the title): still 6 px from it.
    await expect.poll(() => tooltipOf(tile)!.getBoundingClientRect().top).not.toBe(before)
    await expect.poll(() => attached(tile)).toBe(true)
  })

  test('follows its tile while the tile scales up on hover: 6 px from its box mid-transition', async () => {
    await page.viewport(800, 900)
    await renderCard(8)
    const tile = document.querySelector<HTMLElement>('[data-slot="online-user"]')!
    // The kit's 150 ms can be over before the test gets the animation on a busy machine (seen in CI: none left to
    // pause): a minute-long one is still running whatever the load, and is followed the same way.
    tile.style.transitionDuration = '60s'
    const running = new Promise<void>((resolve) => tile.addEventListener('transitionrun', () => resolve(), { once: true }))
    await userEvent.hover(tile)
    await running
    // Held near its end but still running (no transitionend): only following it frame by frame gets the tooltip there.
    await expect.poll(() => tile.getAnimations().length).toBe(1)
    const [scale] = tile.getAnimations() as [Animation]
    scale.pause()
    scale.currentTime = 56_000
    await frames(3)
    expect(tile.getBoundingClientRect().height).toBeGreaterThan(tile.offsetHeight * 1.04)
    await expect.poll(() => attached(tile)).toBe(true)
    scale.finish()
  })

  test('follows its tile to the next cell when a user joins before it', async () => {
    await page.viewport(800, 900)
    await renderCard(8)
    const tile = document.querySelectorAll<HTMLElement>('[data-slot="online-user"]')[2]!
    tile.focus()
    await settle(tile)
    const before = tile.getBoundingClientRect()
    // A joining user's tile, as the grid's first cell (React's own insertion is the same childList change).
    const list = tile.closest('ul')!
    const joined = list.firstElementChild!.cloneNode(true) as HTMLElement
    list.prepend(joined)
    try {
      await expect.poll(() => tile.getBoundingClientRect().left).not.toBe(before.left)
      expect(tile.getBoundingClientRect().width).toBe(before.width)
      await expect.poll(() => attached(tile)).toBe(true)
    } finally {
      joined.remove()
    }
  })

  test('stays centred on its tile when its text grows', async () => {
    await page.viewport(800, 900)
    await renderCard(8)
    const tile = document.querySelectorAll<HTMLElement>('[data-slot="online-user"]')[1]!
    tile.focus()
    await settle(tile)
    const tip = tooltipOf(tile)!
    const width = tip.offsetWidth
    // A longer line, as a status message arriving or a relative time ticking over would make it.
    const line = document.createElement('span')
    line.textContent = 'Active 59 minutes ago, away until 18:00'
    tip.append(line)
    try {
      await expect.poll(() => tip.offsetWidth).toBeGreaterThan(width + 8)
      await expect.poll(() => attached(tile)).toBe(true)
    } finally {
      line.remove()
    }
  })

  test('moves back inside the viewport when only the viewport narrows', async () => {
    await page.viewport(800, 900)
    await renderCard(8)
    const tile = document.querySelectorAll<HTMLElement>('[data-slot="online-user"]')[2]!
    tile.focus()
    await settle(tile)
    const box = tile.getBoundingClientRect()
    const half = tooltipOf(tile)!.offsetWidth / 2
    // The card keeps its 768 px (no tile resizes): a viewport ending 20 px past the tile's centre cuts the tooltip.
    const width = Math.round(box.left + box.width / 2 + 20)
    expect(half).toBeGreaterThan(20 + 8)
    await page.viewport(width, 900)
    await expect.poll(() => document.documentElement.clientWidth).toBeLessThanOrEqual(width)
    await expect.poll(() => tooltipOf(tile)!.getBoundingClientRect().right).toBeLessThanOrEqual(document.documentElement.clientWidth - 8 + ROUNDING)
    expect(tile.getBoundingClientRect().width).toBe(box.width)
  })
})
