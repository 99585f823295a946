// @vitest-environment node
// The layers of src/ are enforced by eslint.config.js (no-restricted-imports per folder). This lints source text as
// if it sat in each folder, with the project's own config, so that a rule deleted or loosened fails here.
import path from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.js') })

async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) })
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('the layers of src/', () => {
  it('keeps components on the public hooks: no store, runtime, client or provider internals, no zustand', async () => {
    const file = 'src/components/Avatar/Fixture.tsx'
    for (const source of ['../../store', '../../runtime/last-seen', '../../client', '../../provider/PresenceContext', 'zustand']) {
      const messages = await restricted(file, `import { x } from '${source}'\nexport const y = x\n`)
      expect(messages, source).toHaveLength(1)
    }
    expect((await restricted(file, `import { selectUser } from '../../store'\nexport const y = selectUser\n`))[0]).toMatch(
      /src\/components use the public hooks only/,
    )
  })

  it('lets components import hooks, and types (not values) from the public entry', async () => {
    const file = 'src/components/Avatar/Fixture.tsx'
    expect(await restricted(file, `import { useUserStatus } from '../../hooks/useUserStatus'\nexport const y = useUserStatus\n`)).toEqual([])
    expect(await restricted(file, `import type { Presence } from '../../index'\nexport type Y = Presence\n`)).toEqual([])
    // A value from the entry would be an import cycle (the entry exports the components).
    expect(await restricted(file, `import { useUserStatus } from '../../index'\nexport const y = useUserStatus\n`)).toHaveLength(1)
  })

  it('keeps each lower layer from importing the ones above it', async () => {
    const cases: Array<[string, string]> = [
      ['src/client/fixture.ts', '../store'],
      ['src/client/fixture.ts', '../runtime'],
      ['src/client/fixture.ts', 'react'],
      ['src/store/fixture.ts', '../runtime'],
      ['src/store/fixture.ts', '../hooks'],
      ['src/store/fixture.ts', '../components'],
      ['src/runtime/fixture.ts', '../provider'],
      ['src/runtime/fixture.ts', '../hooks/useUserStatus'],
      ['src/runtime/fixture.ts', '../components/Avatar'],
      ['src/provider/fixture.ts', '../hooks'],
      ['src/hooks/fixture.ts', '../components/Avatar'],
      ['src/i18n/fixture.ts', '../provider'],
      ['src/i18n/fixture.ts', 'react'],
    ]
    for (const [file, source] of cases) {
      expect(await restricted(file, `import { x } from '${source}'\nexport const y = x\n`), `${file} → ${source}`).toHaveLength(1)
    }
    // Downwards is fine.
    expect(await restricted('src/runtime/fixture.ts', `import { x } from '../store'\nexport const y = x\n`)).toEqual([])
    expect(await restricted('src/hooks/fixture.ts', `import { x } from '../runtime'\nexport const y = x\n`)).toEqual([])
  })

  it('keeps the mock server out of every file of src/', async () => {
    for (const [file, source] of [
      ['src/fixture.ts', '../mock-server/core'],
      ['src/hooks/fixture.ts', '../../mock-server'],
      ['src/components/Avatar/Fixture.tsx', 'presence-kit/mock/node'],
    ]) {
      expect(await restricted(file!, `import { x } from '${source}'\nexport const y = x\n`), `${file} → ${source}`).toHaveLength(1)
    }
  })
})
