/**
 * Public docs speak the users' words: a backend shape is named by its paths and fields (or its `backend` preset),
 * never by the number of a background document ("seed 001", "document 004", "seed-style", "the seeds") that the
 * kit's users have never seen. Covers everything a user reads: the JSDoc of src/ (it ships in dist/*.d.ts) and of the
 * mock server (dist/mock.d.ts and its OpenAPI summaries), the README, the CHANGELOG, docs/, the stories and the
 * Storybook docs pages, the examples, the consumer suite's scenario names, and the built dist/*.d.ts when there is a
 * build (`npm test` builds before it runs the tests).
 */
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
const SEED = new RegExp(
  [
    String.raw`\bdocuments? 0\d\d\b`,
    String.raw`\bseeds?[- ]?(\d+|N)\b`,
    String.raw`\bseed-style\b`,
    String.raw`\bseeds?['’]`,
    String.raw`\b(the|five|any|each|all|a|one)\s+(of\s+the\s+)?seeds?\b`,
  ].join('|'),
  'i',
)

const TEXT = /\.(tsx?|mts|cts|css|mdx?|json)$/
const SKIP = new Set(['node_modules', '.next', 'dist', '__screenshots__'])

/** The text files under `dir` (relative to `base`), build output and installed packages left out. */
async function files(base: string, dir: string, pattern = TEXT): Promise<string[]> {
  const at = path.join(base, dir)
  if (!existsSync(at)) return []
  const entries = await readdir(at, { withFileTypes: true, recursive: true })
  return entries
    .filter((e) => e.isFile() && pattern.test(e.name))
    .map((e) => path.relative(base, path.join(e.parentPath, e.name)))
    .filter((file) => !file.split(path.sep).some((part) => SKIP.has(part)))
}

/** Every line of `checked` (relative to `base`) that names a background document, as `file:line: text`. */
async function namesFound(base: string, checked: readonly string[]): Promise<string[]> {
  const found: string[] = []
  for (const file of checked) {
    const lines = (await readFile(path.join(base, file), 'utf8')).split('\n')
    lines.forEach((line, i) => SEED.test(line) && found.push(`${file}:${i + 1}: ${line.trim()}`))
  }
  return found
}

/** The public docs of a checkout at `base`. */
async function publicDocs(base: string): Promise<string[]> {
  const top = ['README.md', 'CHANGELOG.md'].filter((file) => existsSync(path.join(base, file)))
  return [
    ...top,
    ...(await files(base, 'src')),
    ...(await files(base, 'mock-server')),
    ...(await files(base, 'stories')),
    ...(await files(base, 'docs')),
    ...(await files(base, 'examples')),
    ...(await files(base, 'test/consumer')),
  ]
}

describe('public docs name no background document', () => {
  it('finds such a name, and not the English word (the check can fail)', () => {
    for (const named of ["Seed 001's card", 'seeds 000 and 003', 'document 004’s admin list', 'a seed-001-style consumer', 'the seed-style body', 'seed N', "the seeds' scenarios", "a seed's backend", 'five backends (the seeds)']) {
      expect(SEED.test(named), named).toBe(true)
    }
    for (const word of ['the seeded cast', 'Seeds `parameters.activityHistory` into the backend', 'seedActivity(backend)', 'back to the seeded state']) {
      expect(SEED.test(word), word).toBe(false)
    }
  })

  it('fails on a planted "seed 001" in any public doc', async () => {
    const base = await mkdtemp(path.join(tmpdir(), 'no-seed-names-'))
    try {
      for (const dir of ['src/client', 'docs']) await mkdir(path.join(base, dir), { recursive: true })
      await writeFile(path.join(base, 'README.md'), '# Kit\n\nThe list of `GET /api/users/online/`.\n')
      await writeFile(path.join(base, 'src/client/rest.ts'), '/**\n * Reads the array (`GET /api/users/online/`).\n */\nexport {}\n')
      expect(await namesFound(base, await publicDocs(base))).toEqual([])
      await writeFile(path.join(base, 'src/client/rest.ts'), "/**\n * Reads seed 001's array.\n */\nexport {}\n")
      await writeFile(path.join(base, 'docs/guide.md'), 'As the seeds do.\n')
      expect((await namesFound(base, await publicDocs(base))).sort()).toEqual(["docs/guide.md:1: As the seeds do.", "src/client/rest.ts:2: * Reads seed 001's array."])
    } finally {
      await rm(base, { recursive: true, force: true })
    }
  })

  it('in src, mock-server, README, CHANGELOG, docs, stories, examples and the consumer suite', async () => {
    const checked = await publicDocs(root)
    for (const where of ['README.md', 'CHANGELOG.md', 'src/client/rest.ts', 'src/components/UsersList/UsersList.tsx', 'mock-server/routes.ts', 'stories/hooks/useHeartbeat.stories.tsx', 'examples/next-app/app/page.tsx', 'test/consumer/scenarios.ts']) {
      expect(checked).toContain(where)
    }
    expect(await namesFound(root, checked)).toEqual([])
  })

  it.runIf(existsSync(path.join(root, 'dist/index.d.ts')))('in the built types (dist/*.d.ts)', async () => {
    // The entries' bundled declarations (a checkout's walk leaves dist/ out; here it is the point).
    const types = (await readdir(path.join(root, 'dist'))).filter((name) => name.endsWith('.d.ts'))
    expect(types).toEqual(expect.arrayContaining(['index.d.ts', 'mock.d.ts', 'mock-msw.d.ts', 'mock-node.d.ts']))
    expect(await namesFound(root, types.map((name) => path.join('dist', name)))).toEqual([])
  })
})
