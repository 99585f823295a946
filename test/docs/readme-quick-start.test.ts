/**
 * The README's quick start is the Next.js example (examples/next-app/), file by file: a code block whose first line
 * is a comment naming a file (`// app/layout.tsx`, maybe followed by a note) shows that file, exactly, in its
 * following lines. The example is built and driven in Chromium by the consumer project (test/consumer/next.test.ts).
 * A block that names a file under `src/` is the Vite app's (test/consumer/app/, built by test/consumer/vite.test.ts).
 */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
const example = path.join(root, 'examples/next-app')
const viteApp = path.join(root, 'test/consumer/app')
/** A block for `src/…` shows the Vite app's file; every other named block, the Next.js example's. */
const inViteApp = (block: Block) => block.file.startsWith('src/')

interface Block {
  file: string
  code: string
  line: number
}

/** The README's fenced blocks that name a file of the example in their first line. */
export function namedBlocks(markdown: string): Block[] {
  const blocks: Block[] = []
  const fence = /^```[\w-]*\n([\s\S]*?)^```$/gm
  for (const match of markdown.matchAll(fence)) {
    const [first = '', ...rest] = match[1]!.split('\n')
    // A path with or without folders (`app/page.tsx`, `next.config.ts`); a comment of words names no file.
    const named = /^(?:\/\/|\/\*)\s*((?:[\w.-]+\/)*[\w.-]+\.\w+)(?=\s|$)/.exec(first)
    if (!named) continue
    blocks.push({ file: named[1]!, code: rest.join('\n'), line: markdown.slice(0, match.index).split('\n').length })
  }
  return blocks
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => path.relative(example, path.join(e.parentPath, e.name)))
    .sort()
}

describe('the README quick start', () => {
  it('finds the blocks that name a file', () => {
    const blocks = namedBlocks('```tsx\n// app/page.tsx (a Server Component)\nexport {}\n```\n\n```css\n/* your global stylesheet */\n```\n')
    expect(blocks).toEqual([{ file: 'app/page.tsx', code: 'export {}\n', line: 1 }])
  })

  it('shows every source file of examples/next-app, each exactly as it is', async () => {
    const readme = await readFile(path.join(root, 'README.md'), 'utf8')
    const blocks = namedBlocks(readme).filter((b) => !inViteApp(b))
    const files = [...(await sourceFiles(path.join(example, 'app'))), ...(await sourceFiles(path.join(example, 'lib'))), 'next.config.ts'].sort()
    expect(blocks.map((b) => b.file).sort()).toEqual(files)
    for (const block of blocks) {
      const source = await readFile(path.join(example, block.file), 'utf8')
      expect(block.code, `README.md line ${block.line}: the block for ${block.file} differs from examples/next-app/${block.file}`).toBe(source)
    }
  })

  it("shows the Vite app's files exactly as they are", async () => {
    const readme = await readFile(path.join(root, 'README.md'), 'utf8')
    const blocks = namedBlocks(readme).filter(inViteApp)
    expect(blocks.map((b) => b.file)).toEqual(['src/presence-provider.tsx'])
    for (const block of blocks) {
      const source = await readFile(path.join(viteApp, block.file), 'utf8')
      expect(block.code, `README.md line ${block.line}: the block for ${block.file} differs from test/consumer/app/${block.file}`).toBe(source)
    }
  })
})
