import { readFileSync } from 'node:fs'
import type { StorybookConfig } from '@storybook/react-vite'

const themeCss = readFileSync(new URL('../src/styles/theme.css', import.meta.url), 'utf8')

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest', 'msw-storybook-addon'],
  staticDirs: ['../public'],
  typescript: { reactDocgen: 'react-docgen-typescript' },
  core: { disableTelemetry: true },
  // The manager's branding reads the kit's tokens (manager.ts): theme.css as it is when Storybook starts or builds.
  managerHead: (head) => `${head ?? ''}<script>globalThis.PRESENCE_KIT_THEME_CSS = ${JSON.stringify(themeCss).replace(/</g, '\\u003c')};</script>`,
}

export default config
