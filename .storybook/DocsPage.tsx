import { Controls, Description, Markdown, Primary, Stories, Subtitle, Title, useOf } from '@storybook/addon-docs/blocks'

// Usage guidance per component (when to use, do and don't), one Markdown file each, by the component's name: the
// last part of its stories' title ("Components/OnlineUsers" → stories/docs/usage/OnlineUsers.md).
const usage = Object.fromEntries(
  Object.entries(import.meta.glob<string>('../stories/docs/usage/*.md', { query: '?raw', import: 'default', eager: true })).map(
    ([file, text]) => [file.replace(/^.*\/(\w+)\.md$/, '$1'), text],
  ),
)

/**
 * Every component's docs page: the description from its JSDoc, how to use it, the first story with its controls and
 * prop table (defaults included), then the other showcase stories (the first one once). Only stories tagged
 * `autodocs` are on the page: the components that run a live mock backend per story keep theirs to a few
 * (`tags: ['!autodocs']` on the meta, `['autodocs']` on the chosen stories), so that the page fills in a moment
 * (measure with .storybook/measure-docs-page.ts); the rest are in the sidebar.
 */
export function KitDocsPage() {
  const { preparedMeta } = useOf('meta', ['meta'])
  const guidance = usage[preparedMeta.title.split('/').at(-1) ?? '']
  return (
    <>
      <Title />
      <Subtitle />
      <Description />
      {guidance && (
        <section aria-label="Usage" data-slot="usage">
          <h2>Usage</h2>
          <Markdown>{guidance}</Markdown>
        </section>
      )}
      <Primary />
      <Controls />
      <Stories includePrimary={false} />
    </>
  )
}
