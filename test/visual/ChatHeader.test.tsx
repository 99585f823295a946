import { composeStories } from '@storybook/react-vite'
import { describe, expect, test } from 'vitest'
import { page } from 'vitest/browser'
import * as stories from '../../stories/components/ChatHeader.stories'
import type { Device } from '../../stories/support/frames'
import { renderAt } from './capture'

const { Phone, Tablet, Desktop } = composeStories(stories)

describe('ChatHeader looks as designed', () => {
  test.each([
    ['phone', Phone],
    ['tablet', Tablet],
    ['desktop', Desktop],
  ] as const)('at %s width', async (device: Device, Story) => {
    const cleanup = await renderAt(device, Story)
    await expect.poll(() => document.querySelector('[data-slot="chat-header-status"]')?.textContent).toBeTruthy()
    const header = page.elementLocator(document.querySelector<HTMLElement>('[data-slot="chat-header"]')!)
    await expect.element(header).toMatchScreenshot(`chat-header-${device}`)
    cleanup()
  })
})
