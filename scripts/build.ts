/**
 * `npm run build` (and `npm pack`, through `prepack`): the installable package in dist/.
 * - The `.` entry: ESM, one file per source module, so that each keeps its own 'use client' directive. What it
 *   imports is exactly the package's `dependencies` (and peers): checked here, so an app installs what it uses.
 * - The mock entries (`./mock`, `./mock/msw`, `./mock/node`) and the bin: one bundle whose shared chunks hold the
 *   mock backend once. Their libraries (hono, @hono/node-server, ws, zod) are devDependencies bundled in, so a
 *   components-only app installs none of them; what stays an import is a peer (msw).
 * - Types: one .d.ts per entry, resolvable under every TypeScript module resolution.
 * - CSS: styles.css, precompiled, prefixed (`pk:`) and without preflight, for every app; theme.css, the @theme
 *   tokens, for apps that generate the kit's classes with their own Tailwind 4 (see the README).
 */
import { chmod, copyFile, readFile, rm, writeFile } from 'node:fs/promises'
import { builtinModules } from 'node:module'
import path from 'node:path'
import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { generateDtsBundle } from 'dts-bundle-generator'
import ts from 'typescript'
import { build, type Rolldown } from 'vite'

// A package is a production build, whoever runs it: under NODE_ENV=test (a test runner's child) Vite's React plugin
// would emit the development JSX runtime, which production React does not have (`jsxDEV is not a function`).
process.env.NODE_ENV = 'production'

const root = path.resolve(import.meta.dirname, '..')
const dist = path.join(root, 'dist')
const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
}
const dependencies = Object.keys(pkg.dependencies ?? {})
const peers = Object.keys(pkg.peerDependencies ?? {})

/** `zod/mini` → `zod`, `@tanstack/react-query/x` → `@tanstack/react-query`. */
const packageOf = (id: string) => id.split('/').slice(0, id.startsWith('@') ? 2 : 1).join('/')
const isBuiltin = (id: string) => id.startsWith('node:') || builtinModules.includes(id)
/** What an installed app has: Node's modules, the package's dependencies and its peers. Everything else is bundled. */
const isInstalled = (id: string) => isBuiltin(id) || [...dependencies, ...peers].includes(packageOf(id))

function fail(message: string): never {
  console.error(`build: ${message}`)
  process.exit(1)
}

type Output = Rolldown.RolldownOutput
const chunksOf = (result: Awaited<ReturnType<typeof build>>) =>
  (Array.isArray(result) ? result : [result as Output]).flatMap((o) => o.output).filter((c) => c.type === 'chunk')

/** The bare imports of an entry chunk and of every chunk it reaches. */
function bareImportsOf(chunks: Rolldown.OutputChunk[], entry: string): Set<string> {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]))
  const seen = new Set<string>()
  const bare = new Set<string>()
  const visit = (fileName: string) => {
    if (seen.has(fileName)) return
    seen.add(fileName)
    for (const id of [...byFile.get(fileName)!.imports, ...byFile.get(fileName)!.dynamicImports]) {
      if (byFile.has(id)) visit(id)
      else bare.add(id)
    }
  }
  visit(entry)
  return bare
}

const bundledPackagesOf = (chunks: Rolldown.OutputChunk[]) =>
  new Set(
    chunks.flatMap((c) => c.moduleIds).flatMap((id) => {
      const at = id.lastIndexOf('/node_modules/')
      return at < 0 ? [] : [path.join(id.slice(0, at), 'node_modules', packageOf(id.slice(at + '/node_modules/'.length)))]
    }),
  )

await rm(dist, { recursive: true, force: true })

// The `.` entry: preserved modules keep 'use client' on exactly the files that carry it.
const library = chunksOf(
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
      lib: { entry: { index: 'src/index.ts' }, formats: ['es'] },
      rollupOptions: {
        external: isInstalled,
        output: { preserveModules: true, preserveModulesRoot: root, entryFileNames: '[name].js' },
      },
    },
  }),
)
{
  const bundled = [...bundledPackagesOf(library)].map((dir) => path.relative(path.join(root, 'node_modules'), dir))
  if (bundled.length) fail(`src/ imports ${bundled.join(', ')}: make each a dependency (or stop importing it)`)
  const bare = bareImportsOf(library, 'index.js')
  if (bare.has('react/jsx-dev-runtime')) fail('the `.` entry imports the development JSX runtime')
  const imported = new Set([...bare].filter((id) => !isBuiltin(id)).map(packageOf))
  const unused = dependencies.filter((name) => !imported.has(name))
  if (unused.length) fail(`the \`.\` entry never imports ${unused.join(', ')}: not a dependency (devDependencies, or bundle it)`)
}

// The mock entries and the bin, for Node and (`./mock`, `./mock/msw`) for the browser, sharing their chunks.
const MOCK_ENTRIES = {
  mock: 'mock-server/index.ts',
  'mock-msw': 'mock-server/msw.ts',
  'mock-node': 'mock-server/node.ts',
  'bin/mock-server': 'mock-server/cli.ts',
}
const mock = chunksOf(
  await build({
    root,
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    ssr: { noExternal: true },
    build: {
      outDir: dist,
      emptyOutDir: false,
      minify: false,
      target: 'node20',
      ssr: true,
      rollupOptions: {
        input: MOCK_ENTRIES,
        external: isInstalled,
        output: {
          entryFileNames: '[name].js',
          chunkFileNames: 'mock-server/[name]-[hash].js',
          banner: (chunk) => (chunk.name === 'bin/mock-server' ? '#!/usr/bin/env node' : ''),
        },
      },
    },
  }),
)
await chmod(path.join(dist, 'bin', 'mock-server.js'), 0o755)
for (const entry of ['mock.js', 'mock-msw.js']) {
  const nodeOnly = [...bareImportsOf(mock, entry)].filter(isBuiltin)
  if (nodeOnly.length) fail(`${entry} runs in browsers too, but imports ${nodeOnly.join(', ')}`)
}

// The bundled libraries' licences travel with their code.
const notices = await Promise.all(
  [...bundledPackagesOf(mock)].sort().map(async (dir) => {
    const manifest = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as { name: string; version: string; license?: string }
    const text = await readFile(path.join(dir, 'LICENSE'), 'utf8').catch(() => fail(`${manifest.name} has no LICENSE file`))
    return `## ${manifest.name} ${manifest.version} (${manifest.license ?? 'see below'})\n\n${text.trim()}\n`
  }),
)
await writeFile(
  path.join(dist, 'THIRD-PARTY-LICENSES.md'),
  `# Bundled into the mock entries and the mock server's bin\n\n${notices.join('\n')}`,
)

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
{
  // Tailwind's internal variables (`--tw-shadow`, …) and their `@property` registrations are page-wide names that a
  // host's Tailwind registers too, perhaps from another version: the kit's get its prefix, so the two never meet.
  const file = path.join(dist, 'styles.css')
  const css = (await readFile(file, 'utf8')).replaceAll('--tw-', '--pk-tw-')
  const keyframes = [...css.matchAll(/@keyframes\s+([\w-]+)/g)].map((m) => m[1]!).filter((name) => !name.startsWith('presence-'))
  if (keyframes.length) fail(`styles.css defines page-wide @keyframes ${keyframes.join(', ')}: name the kit's own presence-…`)
  const unprefixed = [...new Set([...css.matchAll(/var\((--(?!pk-)[\w-]+)/g)].map((m) => m[1]!))]
  if (unprefixed.length) fail(`styles.css reads variables without the kit's prefix: ${unprefixed.join(', ')}`)
  await writeFile(file, css)
}
await copyFile(path.join(root, 'src/styles/theme.css'), path.join(dist, 'theme.css'))
await copyFile(path.join(root, 'src/styles/base.css'), path.join(dist, 'base.css'))
// The Tailwind path: the kit's own stylesheet, for an app's Tailwind 4 to compile, scanning the built components.
{
  const source = await readFile(path.join(root, 'src/styles/styles.css'), 'utf8')
  if (!source.includes('@source "../components";')) fail('src/styles/styles.css no longer has @source "../components"')
  await writeFile(path.join(dist, 'tailwind.css'), source.replace('@source "../components";', '@source "./src/components";'))
}

// Types of `.` and `./mock`: one bundled declaration file each, no relative imports left, so that every module
// resolution of TypeScript reads it.
const BUNDLED_TYPES = { index: 'src/index.ts', mock: 'mock-server/index.ts' }
const declarations = generateDtsBundle(
  Object.values(BUNDLED_TYPES).map((input) => ({ filePath: path.join(root, input), output: { noBanner: true, exportReferencedTypes: false } })),
  { preferredConfigPath: path.join(root, 'tsconfig.build.json') },
)
await Promise.all(Object.keys(BUNDLED_TYPES).map((name, i) => writeFile(path.join(dist, `${name}.d.ts`), declarations[i]!)))

// Types of `./mock/msw` and `./mock/node`: their own declarations, importing the backend's types from './mock.js'
// (a relative path with its extension reads under every resolution). A second copy of `MockBackend` would be
// another type (its #private fields make classes nominal): `createPresenceHandlers(new MockBackend())` would fail.
const RELINKED_TYPES = { 'mock-msw': 'mock-server/msw.ts', 'mock-node': 'mock-server/node.ts' }
{
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.build.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => fail(ts.flattenDiagnosticMessageText(d.messageText, '\n')),
  })!
  const mockEntry = path.join(root, BUNDLED_TYPES.mock)
  const program = ts.createProgram({
    rootNames: [mockEntry, ...Object.values(RELINKED_TYPES).map((input) => path.join(root, input))],
    options: { ...config.options, noEmit: false, declaration: true, emitDeclarationOnly: true, declarationMap: false },
  })
  const checker = program.getTypeChecker()
  const mockExports = new Set(checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(mockEntry)!)!).map((s) => s.name))
  for (const [name, input] of Object.entries(RELINKED_TYPES)) {
    let text = ''
    program.emit(program.getSourceFile(path.join(root, input)), (_, data) => (text = data), undefined, true)
    const file = ts.createSourceFile(`${name}.d.ts`, text, ts.ScriptTarget.Latest)
    const edits: Array<[number, number, string]> = []
    for (const statement of file.statements) {
      if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue
      const specifier = statement.moduleSpecifier
      if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue
      const bindings = ts.isImportDeclaration(statement) ? statement.importClause?.namedBindings : statement.exportClause
      const names = bindings && (ts.isNamedImports(bindings) || ts.isNamedExports(bindings)) ? bindings.elements.map((e) => (e.propertyName ?? e.name).text) : null
      const missing = names ? names.filter((n) => !mockExports.has(n)) : ['*']
      if (missing.length) fail(`${name}.d.ts needs ${missing.join(', ')} from ${specifier.text}, which ./mock does not export`)
      edits.push([specifier.getStart(file), specifier.getEnd(), "'./mock.js'"])
    }
    for (const [start, end, replacement] of edits.reverse()) text = text.slice(0, start) + replacement + text.slice(end)
    if (/import\(["']\.\.?\//.test(text)) fail(`${name}.d.ts refers to a module of the source tree`)
    await writeFile(path.join(dist, `${name}.d.ts`), text)
  }
}

// Every package the published types name is one an app has (a dependency or a peer): a type import of a bundled
// library (zod, hono) is a TS2307 in an app with `skipLibCheck: false`.
for (const name of [...Object.keys(BUNDLED_TYPES), ...Object.keys(RELINKED_TYPES)]) {
  const text = await readFile(path.join(dist, `${name}.d.ts`), 'utf8')
  // The module names of its imports, exports and `import()` types (not of the @example code in its comments).
  const named = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName).filter((id) => !id.startsWith('.'))
  const foreign = [...new Set(named.filter((id) => !isInstalled(id)))]
  if (foreign.length) fail(`${name}.d.ts imports ${foreign.join(', ')}, which an app does not install (a dependency or a peer, or keep it out of the types)`)
}

console.log('dist/ built')
