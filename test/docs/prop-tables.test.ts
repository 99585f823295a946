/**
 * Storybook's prop tables (the Docs tab of every component) have a Default column for every prop: each public
 * component's props are read here the way `.storybook/main.ts` has Storybook read them (`react-docgen-typescript`,
 * the very copy and options of Storybook's React preset), and every prop must have a description and a default,
 * from the code (`size = 'md'`) or from a `@default` line in its JSDoc — unless it is required.
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import type * as Docgen from 'react-docgen-typescript'
import { describe, expect, it } from 'vitest'
import * as components from '../../src/components'

const root = path.resolve(import.meta.dirname, '../..')
// Storybook's own copy of the parser, so that the check reads what the prop tables read.
const fromStorybook = createRequire(createRequire(import.meta.url).resolve('@storybook/react/package.json'))
const docgen = fromStorybook('react-docgen-typescript') as typeof Docgen

// The options of Storybook's React preset (`@storybook/react`, `typescript.reactDocgenTypescriptOptions`).
const parser = docgen.withCustomConfig(path.join(root, 'tsconfig.json'), {
  shouldExtractLiteralValuesFromEnum: true,
  shouldRemoveUndefinedFromOptional: true,
  savePropValueAsString: true,
  propFilter: (prop) => (prop.parent ? !/node_modules/.test(prop.parent.fileName) : true),
})

const names = Object.keys(components).filter((name) => /^[A-Z]/.test(name))

describe('prop tables', () => {
  it('finds a prop without a default (the check can fail)', () => {
    const [doc] = parser.parse(path.join(root, 'test/docs/fixtures/NoDefault.tsx'))
    expect(doc?.props.tone?.defaultValue).toBeNull()
    expect(doc?.props.size?.defaultValue).toEqual({ value: 'md' })
  })

  it('give every prop of every public component a description and a default', { timeout: 120_000 }, () => {
    const docs = parser.parse(names.map((name) => path.join(root, `src/components/${name}/${name}.tsx`)))
    const byName = new Map(docs.map((doc) => [doc.displayName, doc]))
    const missing: string[] = []
    for (const name of names) {
      const doc = byName.get(name)
      if (!doc) {
        missing.push(`${name}: no docgen`)
        continue
      }
      for (const [prop, info] of Object.entries(doc.props)) {
        if (!info.description.trim()) missing.push(`${name}.${prop}: no description`)
        if (!info.required && info.defaultValue == null) missing.push(`${name}.${prop}: no default`)
      }
    }
    expect(names.length).toBeGreaterThanOrEqual(9)
    expect(missing).toEqual([])
  })
})
