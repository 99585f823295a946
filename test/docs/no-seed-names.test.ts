/**
 * Public docs speak the users' words: a backend shape is named by its paths and fields, never by the number of a
 * background document ("seed 001", "document 004") that the kit's users have never seen. Covers the components'
 * JSDoc (it ships in dist/index.d.ts), the Storybook docs pages and the component stories.
 */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
const SEED = /\b(seed|document)s? ?0\d\d\b|\bseeds? 0\d\d( and 0\d\d)?/i

async function files(dir: string, pattern: RegExp): Promise<string[]> {
  const entries = await readdir(path.join(root, dir), { withFileTypes: true, recursive: true })
  return entries.filter((e) => e.isFile() && pattern.test(e.name)).map((e) => path.relative(root, path.join(e.parentPath, e.name)))
}

describe('public docs name no background document', () => {
  it('finds such a name (the check can fail)', () => {
    expect(SEED.test("Seed 001's card")).toBe(true)
    expect(SEED.test('document 004’s admin list')).toBe(true)
    expect(SEED.test('the seeded cast')).toBe(false)
  })

  it('in src/components, stories/components and stories/docs', async () => {
    const checked = [
      ...(await files('src/components', /\.tsx?$/)),
      ...(await files('stories/components', /\.tsx?$/)),
      ...(await files('stories/docs', /\.(mdx|tsx?)$/)),
    ]
    expect(checked.length).toBeGreaterThan(30)
    const found: string[] = []
    for (const file of checked) {
      const lines = (await readFile(path.join(root, file), 'utf8')).split('\n')
      lines.forEach((line, i) => SEED.test(line) && found.push(`${file}:${i + 1}: ${line.trim()}`))
    }
    expect(found).toEqual([])
  })
})
