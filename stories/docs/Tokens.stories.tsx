import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, within } from 'storybook/test'
import themeCss from '../../src/styles/theme.css?raw'
import { TokensPage } from './tokens/TokensPage'

/** The Design tokens page as a story, for its test: hidden from the sidebar and the docs. */
const meta = {
  title: 'Design tokens/Page',
  component: TokensPage,
  // A test of the page, in English like the page's prose: out of the Arabic and Spanish runs ('interaction').
  tags: ['!dev', '!autodocs', 'interaction'],
  parameters: { layout: 'padded' },
} satisfies Meta<typeof TokensPage>

export default meta
type Story = StoryObj<typeof meta>

/** Every custom property that theme.css declares, found with a plain search rather than the page's own parser. */
// In the theme's names: the dark overrides, plain CSS, spell the kit's prefix out (`--pk-color-presence-fg`).
const declared = [...new Set([...themeCss.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/(--[\w-]+)\s*:/g)].map(([, name]) => name!.replace(/^--pk-/, '--')))]

export const EveryToken: Story = {
  globals: { language: 'en' },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement)
    await expect(declared.length).toBeGreaterThan(20)
    for (const property of declared) {
      const row = canvasElement.querySelector(`[data-token="${property.slice(2)}"]`)
      await expect(row, `${property} is on the page`).not.toBeNull()
      // On the page, the property is the prefixed one.
      await expect(row).toHaveTextContent(`--pk-${property.slice(2)}`)
    }
    // A dark override shows as such, and every colour has its measured contrast in both themes.
    await expect(page.getAllByText('dark override').length).toBe(themeCss.match(/\[data-theme="dark"\][\s\S]*?\}/)![0].match(/--[\w-]+\s*:/g)!.length)
    for (const row of canvasElement.querySelectorAll('[data-token^="color-"]')) {
      for (const theme of ['light', 'dark']) {
        await expect(row.querySelector(`[data-contrast="${theme}"]`)).toHaveTextContent(/\d+\.\d\d:1|A surface/)
      }
    }
    await expect(page.getAllByRole('img', { name: 'Do not disturb' }).length).toBeGreaterThan(0)
  },
}
