import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// The layers of src/, each importing only from below it: client (protocol, no React) → store → runtime → provider →
// hooks → components. One block per folder: a later `no-restricted-imports` replaces an earlier one, so each block
// repeats the rule every file of src/ has (never the mock server: it is the backend, not the kit).
const dir = (name) => [`**/${name}`, `**/${name}/**`]
const noMockServer = { group: [...dir('mock-server'), 'presence-kit/mock', 'presence-kit/mock/*'], message: 'src/ never imports the mock server: it is the backend, shipped as its own entries.' }
const below = (layer, names, why) => ({ group: names.flatMap(dir), message: `${layer} ${why}` })
const react = ['react', 'react/*', 'react-dom', 'react-dom/*', 'zustand', '@tanstack/react-query']
const layer = (folder, ...patterns) => ({
  files: [`src/${folder}/**/*.{ts,tsx}`],
  rules: { 'no-restricted-imports': ['error', { patterns: [noMockServer, ...patterns] }] },
})
const layers = [
  layer('**'),
  layer(
    'client',
    below('src/client', ['store', 'runtime', 'provider', 'hooks', 'components'], 'is the protocol: it imports no layer above it.'),
    { group: react, message: 'src/client is framework-free: no React (nor the zustand or React Query bindings).' },
  ),
  layer(
    'i18n',
    below('src/i18n', ['client', 'store', 'runtime', 'provider', 'hooks', 'components'], 'is the messages catalogue: words and Intl helpers, importing no layer.'),
    { group: react, message: 'src/i18n is framework-free: no React.' },
  ),
  layer('store', below('src/store', ['runtime', 'provider', 'hooks', 'components'], 'holds state only: it imports no runtime, provider, hook or component.')),
  layer('runtime', below('src/runtime', ['provider', 'hooks', 'components'], 'is framework-free: it imports no provider, hook or component.')),
  layer('provider', below('src/provider', ['hooks', 'components'], 'sits below the hooks: it imports no hook or component.')),
  layer('hooks', below('src/hooks', ['components'], 'sit below the components: a hook imports no component.')),
  layer(
    'components',
    below(
      'src/components',
      ['client', 'store', 'runtime', 'provider'],
      'use the public hooks only (src/hooks); types come from the public entry: `import type { Presence } from \'../../index\'`.',
    ),
    { group: ['zustand', 'zustand/*'], message: 'src/components read state through the public hooks (src/hooks), never a store.' },
    // Types only: a value import of the entry would be a cycle (the entry exports the components).
    { regex: '^(\\.\\./)+(index(\\.ts)?|\\.\\.)?$', allowTypeImports: true, message: 'src/components import only types from the public entry; values come from src/hooks.' },
  ),
]

export default tseslint.config(
  { ignores: ['dist', 'storybook-static', 'coverage', 'public/mockServiceWorker.js', 'test/consumer/app/dist', 'examples/*/.next', 'examples/*/node_modules', 'examples/*/next-env.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  ...layers,
)
