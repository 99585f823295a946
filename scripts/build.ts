/**
 * `npm run build`: the installable package in dist/.
 * - JavaScript: ESM, one file per source module, so that each keeps its own 'use client' directive.
 * - Types: one bundled .d.ts per entry (resolvable under every TypeScript module resolution).
 * - CSS: styles.css, precompiled for apps without Tailwind; theme.css, the @theme tokens for apps with it.
 * - The mock server's bin, for Node, with a shebang.
 */
import { chmod, copyFile, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { generateDtsBundle } from 'dts-bundle-generator'
import { build } from 'vite'

const root = path.resolve(import.meta.dirname, '..')
const dist = path.join(root, 'dist')
const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
}
// Everything the package depends on stays an import; only the kit's own code is built.
const packages = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]
const isExternal = (id: string) => id.startsWith('node:') || packages.some((name) => id === name || id.startsWith(`${name}/`))

const ENTRIES = {
  index: 'src/index.ts',
  mock: 'mock-server/index.ts',
  'mock-node': 'mock-server/node.ts',
}

await rm(dist, { recursive: true, force: true })

// The library: preserved modules keep 'use client' on exactly the files that carry it.
await build({
  root,
  configFile: false,
  publicDir: false,
  logLevel: 'warn',
  plugins: [react()],
  build: {
    outDir: dist,
    emptyOutDir: false,
    minify: false,
    sourcemap: true,
    lib: { entry: ENTRIES, formats: ['es'] },
    rollupOptions: {
      external: isExternal,
      output: { preserveModules: true, preserveModulesRoot: root, entryFileNames: '[name].js' },
    },
  },
})

// The bin: one file for Node.
await build({
  root,
  configFile: false,
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: path.join(dist, 'bin'),
    emptyOutDir: false,
    minify: false,
    target: 'node20',
    ssr: true,
    rollupOptions: {
      input: { 'mock-server': 'mock-server/cli.ts' },
      external: isExternal,
      output: { entryFileNames: '[name].js', banner: '#!/usr/bin/env node' },
    },
  },
})
await chmod(path.join(dist, 'bin', 'mock-server.js'), 0o755)

// The stylesheet, compiled by Tailwind from the components' classes.
await build({
  root,
  configFile: false,
  publicDir: false,
  logLevel: 'warn',
  plugins: [tailwindcss()],
  build: {
    outDir: dist,
    emptyOutDir: false,
    cssMinify: true,
    rollupOptions: { input: { styles: 'src/styles/styles.css' }, output: { assetFileNames: '[name][extname]' } },
  },
})
await rm(path.join(dist, 'styles.js'), { force: true })
await copyFile(path.join(root, 'src/styles/theme.css'), path.join(dist, 'theme.css'))

// One declaration file per entry: no relative imports left, so every module resolution of TypeScript reads it.
const declarations = generateDtsBundle(
  Object.values(ENTRIES).map((input) => ({ filePath: path.join(root, input), output: { noBanner: true, exportReferencedTypes: false } })),
  { preferredConfigPath: path.join(root, 'tsconfig.build.json') },
)
await Promise.all(Object.keys(ENTRIES).map((name, i) => writeFile(path.join(dist, `${name}.d.ts`), declarations[i]!)))

console.log('dist/ built')
