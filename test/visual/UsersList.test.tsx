import { composeStories } from '@storybook/react-vite'
import { describe, expect, test } from 'vitest'
import { page } from 'vitest/browser'
import * as stories from '../../stories/components/UsersList.stories'
import type { Device } from '../../stories/support/frames'
import { renderAt } from './capture'

const { Phone, Tablet, Desktop } = composeStories(stories)

describe('UsersList looks as designed', () => {
  test.each([
    ['phone', Phone],
    ['tablet', Tablet],
    ['desktop', Desktop],
  ] as const)('at %s width', async (device: Device, Story) => {
    const cleanup = await renderAt(device, Story)
    const list = page.getByRole('listbox', { name: 'Conversations' })
    await expect.element(list.getByRole('option').first()).toBeVisible()
    await expect.element(list).toMatchScreenshot(`users-list-${device}`)
    cleanup()
  })
})
