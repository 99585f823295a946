import { composeStories } from '@storybook/react-vite'
import { describe, expect, test } from 'vitest'
import { page } from 'vitest/browser'
import * as stories from '../../stories/components/OnlineUsers.stories'
import type { Device } from '../../stories/support/frames'
import { renderAt } from './capture'

const { Phone, Tablet, Desktop } = composeStories(stories)

describe('OnlineUsers looks as designed', () => {
  test.each([
    ['phone', Phone],
    ['tablet', Tablet],
    ['desktop', Desktop],
  ] as const)('at %s width', async (device: Device, Story) => {
    const cleanup = await renderAt(device, Story)
    const card = page.getByRole('region', { name: "Who's Online?" })
    await expect.element(card).toHaveAttribute('data-state', 'ready')
    await expect.element(card).toMatchScreenshot(`online-users-${device}`)
    cleanup()
  })
})
