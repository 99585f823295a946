import type { StoryContext } from '@storybook/react-vite'

/**
 * After a component's showcase story (one in the sidebar: tagged `dev`, titled `Components/…`): nothing in the story
 * is focused and no tooltip is open, so that designers see the state the story is named after, not where a test left it. A story that
 * needs the interaction is a test story: tagged `['!dev', '!autodocs', 'test', 'interaction']`, out of the sidebar and the docs.
 * (The hooks' stories are demos for developers, whose buttons are meant to be pressed: not checked.)
 */
export function assertCleanState({ tags, title, canvasElement, name }: Pick<StoryContext, 'tags' | 'title' | 'canvasElement' | 'name'>) {
  if (!tags.includes('dev') || !title.startsWith('Components/')) return
  const focused = document.activeElement
  if (focused instanceof HTMLElement && focused !== document.body && canvasElement.contains(focused)) {
    throw new Error(
      `"${name}" is a showcase story but ends with ${describe(focused)} focused: move its interactions to a story tagged ['!dev', '!autodocs', 'test', 'interaction']`,
    )
  }
  // A tooltip under the real pointer is not the story's doing: a play function's userEvent moves no pointer, but a
  // tile rendered where the test runner's mouse rests is hovered (seen in CI). What a designer's mouse does is theirs.
  const tooltip = [...canvasElement.querySelectorAll<HTMLElement>('[role="tooltip"]')].find(
    (element) =>
      element.checkVisibility({ opacityProperty: true, visibilityProperty: true }) &&
      !canvasElement.querySelector(`[aria-describedby="${CSS.escape(element.id)}"]`)?.matches(':hover'),
  )
  if (tooltip) throw new Error(`"${name}" is a showcase story but ends with a tooltip open ("${tooltip.textContent}")`)
}

const describe = (element: HTMLElement) =>
  `<${element.tagName.toLowerCase()}${element.getAttribute('aria-label') ? ` aria-label="${element.getAttribute('aria-label')}"` : ''}> "${(element.textContent ?? '').trim().slice(0, 40)}"`
