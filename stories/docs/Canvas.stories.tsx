import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { ar } from '../../src'
import { OnlineStatusIndicator } from '../../src/components/OnlineStatusIndicator'
import { rtl } from '../support/frames'

/** The canvas's switches (support/canvas.tsx) as tests: hidden from the sidebar and the docs. */
const meta = {
  title: 'Canvas/Switches',
  component: OnlineStatusIndicator,
  tags: ['!dev', '!autodocs', 'interaction'],
  args: { status: 'online' },
} satisfies Meta<typeof OnlineStatusIndicator>

export default meta
type Story = StoryObj<typeof meta>

const langOf = (element: Element) => element.closest('[lang]')?.getAttribute('lang')

/** The toolbar's Arabic: the components' words, and `lang` on the story and the page, so that a screen reader reads Arabic. */
export const Arabic: Story = {
  globals: { language: 'ar', direction: 'rtl' },
  play: async ({ canvas }) => {
    const dot = canvas.getByRole('img', { name: ar.status.online })
    await expect(langOf(dot)).toBe('ar')
    await expect(document.documentElement).toHaveAttribute('lang', 'ar')
    await expect(document.documentElement).toHaveAttribute('dir', 'rtl')
  },
}

/** A right-to-left story in English: right to left, and its words still marked English, not Arabic. */
export const RightToLeftInEnglish: Story = {
  globals: { language: 'en' },
  decorators: [rtl],
  play: async ({ canvas }) => {
    const dot = canvas.getByRole('img', { name: 'Online' })
    await expect(langOf(dot)).toBe('en')
    await expect(document.documentElement).toHaveAttribute('lang', 'en')
    await expect(document.documentElement).toHaveAttribute('dir', 'rtl')
  },
}
