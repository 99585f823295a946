import { vi } from 'vitest'
import { page } from 'vitest/browser'
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
  const canvasElement = document.createElement('div')
  document.body.append(canvasElement)
  await story.run({ canvasElement })
  return () => {
    canvasElement.remove()
    vi.useRealTimers()
  }
}
