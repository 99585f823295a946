import path from 'node:path'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { playwright } from '@vitest/browser-playwright'
import { defineConfig, mergeConfig } from 'vitest/config'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.config.ts'
import { TEST_TIMEOUT_MS, WAIT_TIMEOUT_MS } from './stories/support/waits.ts'
import viteConfig from './vite.config.ts'

const chromium = playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } })
// Screenshots need the same locale and time zone on every machine.
const chromiumForScreenshots = playwright({
  launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  contextOptions: { locale: 'en-US', timezoneId: 'UTC' },
})

export default mergeConfig(
  viteConfig,
  defineConfig({
    // What .storybook/preview imports for the docs pages (the docs container and its theme), bundled up front: found
    // mid-run, Vite re-optimises and reloads the browser, and a test file that was loading fails to import.
    optimizeDeps: { include: ['@storybook/addon-docs/blocks', 'storybook/internal/core-events', 'storybook/theming', 'react-dom/client'] },
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'server',
            environment: 'node',
            include: ['test/mock-server/**/*.test.ts', 'test/docs/**/*.test.ts'],
            testTimeout: 20_000,
          },
        },
        {
          extends: true,
          test: {
            name: 'dom',
            environment: 'happy-dom',
            include: ['test/{client,store,runtime,hooks,components,provider,i18n}/**/*.test.{ts,tsx}'],
            setupFiles: ['test/setup/dom.ts'],
            testTimeout: 20_000,
          },
        },
        {
          // The presets end to end: the real Node mock server in each backend mode, real `ws` sockets, the real
          // provider and card in a happy-dom window of their own (Node's fetch stays the server's and the kit's).
          extends: true,
          test: {
            name: 'presets',
            environment: 'node',
            include: ['test/presets/**/*.test.{ts,tsx}'],
            testTimeout: 240_000,
          },
        },
        {
          test: {
            name: 'consumer',
            environment: 'node',
            include: ['test/consumer/**/*.test.ts'],
            globalSetup: ['test/consumer/global-setup.ts'],
            // After the other projects: its installs and the Next.js build would slow their browser tests past
            // their timeouts on a 2-core machine.
            sequence: { groupOrder: 1 },
            testTimeout: 120_000,
            hookTimeout: 600_000,
          },
        },
        {
          extends: true,
          test: {
            name: 'visual',
            include: ['test/visual/**/*.test.tsx'],
            setupFiles: ['test/visual/setup.ts'],
            testTimeout: TEST_TIMEOUT_MS,
            expect: { poll: { timeout: WAIT_TIMEOUT_MS } },
            browser: {
              enabled: true,
              headless: true,
              provider: chromiumForScreenshots,
              instances: [{ browser: 'chromium' }],
              viewport: { width: 1400, height: 1000 },
              expect: {
                toMatchScreenshot: { comparatorOptions: { allowedMismatchedPixels: 16 }, timeout: WAIT_TIMEOUT_MS },
              },
            },
          },
        },
        {
          extends: true,
          plugins: [storybookTest({ configDir: path.join(import.meta.dirname, '.storybook') })],
          test: {
            name: 'storybook',
            testTimeout: TEST_TIMEOUT_MS,
            expect: { poll: { timeout: WAIT_TIMEOUT_MS } },
            browser: { enabled: true, headless: true, provider: chromium, instances: [{ browser: 'chromium' }] },
          },
        },
        {
          // The components' showcase stories' play functions (what a designer sees in the sidebar and on the docs
          // pages) with the toolbar's language on Arabic: they read the words of the active catalogue, never English.
          // Only the stories with a play function ('play-fn', which Storybook adds); not the interaction tests, which
          // run in English in the project above ('interaction', `globals: { language: 'en' }`), nor the files of the
          // hooks' developer demos and the docs (each file loads the preview once, even with no story to run).
          extends: true,
          plugins: [
            storybookTest({
              configDir: path.join(import.meta.dirname, '.storybook'),
              initialGlobals: { language: 'ar' },
              tags: { include: ['play-fn'], exclude: ['interaction'] },
            }),
          ],
          test: {
            name: 'storybook-ar',
            exclude: ['stories/hooks/**', 'stories/docs/**'],
            testTimeout: TEST_TIMEOUT_MS,
            expect: { poll: { timeout: WAIT_TIMEOUT_MS } },
            browser: { enabled: true, headless: true, provider: chromium, instances: [{ browser: 'chromium' }] },
          },
        },
      ],
    },
  }),
)
