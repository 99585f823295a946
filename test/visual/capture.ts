import { vi } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { WIDTHS, type Device } from '../../stories/support/frames'

/** A fixed moment, so that "14:05", "Mon" and "2 hours ago" read the same on every run. */
export const FIXED_NOW = new Date('2026-03-04T14:30:00Z')

interface RunnableStory {
  run(context?: { canvasElement: HTMLElement }): Promise<void>
}

/** Renders a composed story at a device's width on a fixed clock; returns a cleanup. */
export async function renderAt(device: Device, story: RunnableStory): Promise<() => void> {
  vi.useFakeTimers({ toFake: ['Date'], now: FIXED_NOW })
  await page.viewport(WIDTHS[device] + 40, 900)
  // The pointer is the page's, not the test file's: where an earlier file left it (hovering a tile) the story would
  // render hovered, its tooltip open. Parked at the viewport's bottom corner, below anything a story draws.
  await userEvent.hover(document.documentElement, { position: { x: WIDTHS[device] + 38, y: 898 }, force: true })
  const canvasElement = document.createElement('div')
  document.body.append(canvasElement)
  await story.run({ canvasElement })
  return () => {
    canvasElement.remove()
    vi.useRealTimers()
  }
}
