// stories/support/clean-state.ts, the check after every showcase story: a tooltip the story opened (a synthetic
// hover, as storybook's userEvent sends) is its fault; one under the test runner's real mouse is not.
import { cleanup, fireEvent, render } from '@testing-library/react'
import { afterEach, describe, expect, test } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { OnlineUsers, UserStatusProvider } from '../../src'
import { assertCleanState } from '../../stories/support/clean-state'
import { onlineRecord, restOnlyBackend } from '../components/OnlineUsers/fixtures'

afterEach(async () => {
  cleanup()
  await userEvent.unhover(document.body)
})

const story = (canvasElement: HTMLElement) => ({ tags: ['dev'], title: 'Components/OnlineUsers', name: 'Default', canvasElement })

async function renderCard() {
  await page.viewport(800, 900)
  const { container } = render(
    <UserStatusProvider {...restOnlyBackend([onlineRecord(2, 'alice', '2026-03-04T14:00:00Z')])}>
      <OnlineUsers />
    </UserStatusProvider>,
  )
  await expect.element(page.getByRole('region', { name: "Who's Online?" })).toHaveAttribute('data-state', 'ready')
  const tile = container.querySelector<HTMLElement>('[data-slot="online-user"]')!
  const tooltip = () => document.getElementById(tile.getAttribute('aria-describedby') ?? '')
  return { container, tile, tooltip }
}

describe('assertCleanState', () => {
  test('a tooltip the story opened fails it', async () => {
    const { container, tile, tooltip } = await renderCard()
    fireEvent.mouseEnter(tile)
    await expect.poll(() => tooltip()?.dataset.placement).toBeDefined()
    expect(() => assertCleanState(story(container))).toThrow(/ends with a tooltip open/)
  })

  test('a tooltip under the real mouse does not', async () => {
    const { container, tile, tooltip } = await renderCard()
    await userEvent.hover(tile)
    await expect.poll(() => tooltip()?.dataset.placement).toBeDefined()
    expect(tile.matches(':hover')).toBe(true)
    expect(() => assertCleanState(story(container))).not.toThrow()
  })
})
