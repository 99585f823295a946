// The README's "Languages" block is test/i18n/readme-example.tsx, exactly, but for the import of 'presence-kit'
// (here the source): so the block compiles (tsc checks this folder) and renders.
import { render, screen } from '@testing-library/react'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { OnlineUsers } from '../../src'
import { ArabicPresence, TeamCard } from './readme-example'

const root = path.resolve(import.meta.dirname, '../..')

describe('the README "Languages" section', () => {
  it('shows readme-example.tsx as it is', async () => {
    const readme = await readFile(path.join(root, 'README.md'), 'utf8')
    const section = /^## Languages\n([\s\S]*?)^## /m.exec(readme)?.[1]
    expect(section, 'README.md has a "## Languages" section').toBeDefined()
    const block = /^```tsx\n([\s\S]*?)^```$/m.exec(section!)?.[1]
    const example = await readFile(path.join(import.meta.dirname, 'readme-example.tsx'), 'utf8')
    expect(block).toBe(example.replace("from '../../src'", "from 'presence-kit'"))
  })

  it('renders what it says: Arabic, and English with one string replaced', () => {
    render(
      <ArabicPresence token={null}>
        <OnlineUsers />
      </ArabicPresence>,
    )
    expect(screen.getByRole('region', { name: 'من المتصل الآن؟' })).toHaveTextContent('سجّل الدخول لترى من المتصل.')
    render(<TeamCard token={null} />)
    expect(screen.getByRole('region', { name: 'Your team' })).toHaveTextContent('Sign in to see who is online.')
  })
})
