import { composeStories } from '@storybook/react-vite'
import { describe, expect, test } from 'vitest'
import { page } from 'vitest/browser'
import * as stories from '../../stories/components/OnlineUsers.stories'
import { WIDTHS, type Device } from '../../stories/support/frames'

const { Phone, Tablet, Desktop } = composeStories(stories)

describe('OnlineUsers looks as designed', () => {
  test.each([
    ['phone', Phone],
    ['tablet', Tablet],
    ['desktop', Desktop],
  ] as const)('at %s width', async (device: Device, Story) => {
    await page.viewport(WIDTHS[device] + 40, 900)
    const canvasElement = document.createElement('div')
    document.body.append(canvasElement)
    await Story.run({ canvasElement })
    const card = page.getByRole('region', { name: "Who's Online?" })
    await expect.element(card).toHaveAttribute('data-state', 'ready')
    await expect.element(card).toMatchScreenshot(`online-users-${device}`)
    canvasElement.remove()
  })
})
