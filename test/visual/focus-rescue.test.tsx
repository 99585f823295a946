/**
 * useFocusRescue in Chromium: the focused control that a change of state takes away hands the focus on; a focus the
 * user moved away is left where it is.
 */
import { flushSync } from 'react-dom'
import { describe, expect, test } from 'vitest'
import { userEvent } from 'vitest/browser'
import { useFocusRescue } from '../../src/components/use-focus-rescue'
import { mount } from './mount'

function Retrying({ state }: { state: 'error' | 'ready' }) {
  const rescue = useFocusRescue(state, () => document.getElementById('content'))
  return (
    <div>
      <p data-testid="blank">Some text that takes no focus.</p>
      {state === 'error' ? (
        <button type="button" {...rescue}>
          Try again
        </button>
      ) : (
        <div id="content">Content</div>
      )}
    </div>
  )
}

describe('useFocusRescue', () => {
  test('the focused control goes with the state: the focus goes to the target, not to <body>', async () => {
    const { host, root } = mount(<Retrying state="error" />)
    host.querySelector('button')!.focus()
    flushSync(() => root.render(<Retrying state="ready" />))
    expect(document.activeElement).toBe(document.getElementById('content'))
  })

  test('a focus moved to the background by a click stays there when the state changes later', async () => {
    const { host, root } = mount(<Retrying state="error" />)
    host.querySelector('button')!.focus()
    await userEvent.click(host.querySelector('[data-testid="blank"]')!)
    expect(document.activeElement).toBe(document.body)
    flushSync(() => root.render(<Retrying state="ready" />))
    expect(document.activeElement).toBe(document.body)
  })

  test('a target that takes no focus of its own is focusable only until the focus leaves it', async () => {
    const { host, root } = mount(<Retrying state="error" />)
    host.querySelector('button')!.focus()
    flushSync(() => root.render(<Retrying state="ready" />))
    const content = document.getElementById('content')!
    expect(document.activeElement).toBe(content)
    expect(content.getAttribute('tabindex')).toBe('-1')
    content.blur()
    expect(content.hasAttribute('tabindex')).toBe(false)
  })
})
