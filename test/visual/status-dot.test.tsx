/**
 * The status dot's shapes, magnified: every status at the smallest size the kit uses (`sm`, 8 px: the toast's badge)
 * and at the default (`md`, 12 px), plain and as a badge on an avatar, in light and dark. CSS `zoom` lays the
 * panel out at 6× (`sm`) or 4× (`md`), so each shape covers 48 screen pixels in the baseline, every hole, bar and
 * slash visible. The avatar's image is striped, so that a hole showing the photo instead of the ring would show in
 * the baseline too. And since a high-density screen is not the hardest case, the same dots are also drawn at 1× and
 * that screenshot's own pixels magnified 8× (nearest neighbour): what a 1× screen shows, pixel by pixel.
 */
import { flushSync } from 'react-dom'
import { afterEach, describe, expect, test } from 'vitest'
import { page } from 'vitest/browser'
import { Avatar } from '../../src/components/Avatar'
import { OnlineStatusIndicator, STATUS_LABELS, type IndicatorSize } from '../../src/components/OnlineStatusIndicator'
import type { PresenceStatus } from '../../src'
import { assertNoFontErrors } from './fonts'
import { mount } from './mount'

const STATUSES = Object.keys(STATUS_LABELS) as PresenceStatus[]
const ZOOM = 6
/** Per size, so that each dot is 48 screen pixels across and the five columns fit the 1400 px viewport. */
const PANEL_ZOOM = { sm: 6, md: 4 } as const
/** The avatar each dot size is a badge on: `sm` on the toast's 32 px avatar, `md` on the default 40 px one. */
const AVATAR = { sm: 'sm', md: 'md' } as const

const STRIPES = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#7c3aed"/><path d="M0 40L40 0M-10 30L30-10M10 50L50 10M-20 20L20-20M20 60L60 20" stroke="#fde047" stroke-width="5"/></svg>',
)}`

afterEach(() => {
  document.documentElement.classList.remove('dark')
  delete document.documentElement.dataset.theme
})

function Panel({ size, theme }: { size: Extract<IndicatorSize, 'sm' | 'md'>; theme: 'light' | 'dark' }) {
  return (
    <div
      data-testid="panel"
      data-theme={theme}
      className={theme === 'dark' ? 'dark' : undefined}
      // Inline styles: the kit's stylesheet has the classes its components and stories use, not a test's own.
      style={{ zoom: PANEL_ZOOM[size], display: 'inline-grid', gridTemplateColumns: 'repeat(5, auto)', gap: '6px 10px', padding: 6, background: 'var(--pk-color-presence-surface)', color: 'var(--pk-color-presence-fg)' }}
    >
      {STATUSES.map((status) => (
        <div key={status} style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 5 }}>
          <OnlineStatusIndicator status={status} size={size} />
          <Avatar name="Jane Smith" src={STRIPES} alt="" size={AVATAR[size]} indicator={<OnlineStatusIndicator status={status} size={size} badge aria-hidden />} />
          <span style={{ fontSize: 4, lineHeight: 1 }}>{STATUS_LABELS[status]}</span>
        </div>
      ))}
    </div>
  )
}

async function show(size: 'sm' | 'md', theme: 'light' | 'dark') {
  const { host } = mount(<Panel size={size} theme={theme} />)
  const panel = page.getByTestId('panel')
  await expect.element(panel).toBeVisible()
  // The striped image has loaded in every avatar (a decoded data URL, but still asynchronous).
  await expect.poll(() => [...host.querySelectorAll('img')].every((img) => img.complete && img.naturalWidth > 0)).toBe(true)
  await assertNoFontErrors()
  return panel
}

describe('the status dot, magnified', () => {
  test.each([
    ['sm', 'light'],
    ['sm', 'dark'],
    ['md', 'light'],
    ['md', 'dark'],
  ] as const)('every status at %s in %s', async (size, theme) => {
    const panel = await show(size, theme)
    const dots = [...panel.element().querySelectorAll<HTMLElement>('[data-slot="status-indicator"]')]
    // At its real size, whatever the zoom: 8 or 12 CSS px (and the badge's ring 2 px around it).
    const px = size === 'sm' ? 8 : 12
    for (const dot of dots) expect([dot.offsetWidth, dot.offsetHeight]).toEqual([px, px])
    // The whole panel in the viewport: a clipped column would leave a status out of the baseline.
    expect(panel.element().getBoundingClientRect().right).toBeLessThanOrEqual(window.innerWidth)
    await expect.element(panel).toMatchScreenshot(`status-dot-${size}-${theme}`)
  })
})

describe('the phone mark, magnified', () => {
  test.each(['light', 'dark'] as const)('every status a phone can have, at sm and md, in %s', async (theme) => {
    mount(
      <div
        data-testid="phones"
        className={theme === 'dark' ? 'dark' : undefined}
        style={{ zoom: ZOOM, display: 'inline-flex', alignItems: 'center', gap: 6, padding: 6, background: 'var(--pk-color-presence-surface)' }}
      >
        {(['sm', 'md'] as const).flatMap((size) =>
          STATUSES.filter((status) => status !== 'offline').map((status) => <OnlineStatusIndicator key={`${size}-${status}`} status={status} size={size} mobile />),
        )}
      </div>,
    )
    const phones = page.getByTestId('phones')
    await expect.element(phones).toBeVisible()
    await expect.element(phones).toMatchScreenshot(`status-dot-phone-${theme}`)
  })
})

describe('the status dot at 1×, its pixels magnified', () => {
  test.each(['light', 'dark'] as const)('every status at sm and md, plain and as a badge, in %s', async (theme) => {
    const { host, root } = mount(
      <div
        data-testid="strip"
        className={theme === 'dark' ? 'dark' : undefined}
        style={{ display: 'inline-grid', gridTemplateColumns: 'repeat(5, 44px)', justifyItems: 'center', alignItems: 'center', gap: 4, padding: 4, background: 'var(--pk-color-presence-surface)' }}
      >
        {(['sm', 'md'] as const).flatMap((size) => [
          ...STATUSES.map((status) => <OnlineStatusIndicator key={`${size}-${status}-plain`} status={status} size={size} />),
          ...STATUSES.map((status) => (
            <Avatar key={`${size}-${status}-badge`} name="Jane Smith" src={STRIPES} alt="" size={AVATAR[size]} indicator={<OnlineStatusIndicator status={status} size={size} badge aria-hidden />} />
          )),
        ])}
      </div>,
    )
    const strip = page.getByTestId('strip')
    await expect.element(strip).toBeVisible()
    await expect.poll(() => [...host.querySelectorAll('img')].every((img) => img.complete && img.naturalWidth > 0)).toBe(true)
    const png = await page.screenshot({ element: strip, save: false })
    flushSync(() =>
      root.render(
        <img data-testid="pixels" alt="" src={`data:image/png;base64,${png}`} style={{ imageRendering: 'pixelated', width: 'auto', zoom: 8, display: 'block' }} />,
      ),
    )
    const pixels = page.getByTestId('pixels')
    await expect.poll(() => (pixels.element() as HTMLImageElement).naturalWidth).toBeGreaterThan(0)
    await expect.element(pixels).toMatchScreenshot(`status-dot-pixels-${theme}`)
  })
})
