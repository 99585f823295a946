/**
 * The kit joins class names without merging them (src/lib/cn.ts), so no element may carry two of its classes for
 * one CSS property: which one wins would be the order of the stylesheet, not the component's intent. tailwind-merge
 * (a devDependency, here only) names the conflicts: what it would drop is a conflict.
 */
import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { extendTailwindMerge } from 'tailwind-merge'
import { describe, expect, it } from 'vitest'
import { Avatar, OnlineStatusIndicator, UserStatusProvider } from '../../src'
import { StatusPicker } from '../../src/components/StatusPicker'
import { BASE_URL, login, setupMockBackend } from '../client/mock-backend'

const merge = extendTailwindMerge({ prefix: 'pk' })

/** Each element's classes that another of its classes overrides. */
function conflicts(root: Element): string[] {
  return [root, ...root.querySelectorAll('[class]')].flatMap((el) => {
    const classes = (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean)
    const kept = new Set(merge(classes.join(' ')).split(' '))
    return classes.filter((c) => !kept.has(c)).map((c) => `${el.getAttribute('data-slot') ?? el.tagName}: ${c}`)
  })
}

setupMockBackend()

describe('no element gets two kit classes for one property', () => {
  it('catches a conflict (the check can fail)', () => {
    const { container } = render(<span className="pk:relative pk:absolute" />)
    expect(conflicts(container)).toEqual(['SPAN: pk:relative'])
  })

  it('OnlineStatusIndicator: every status, size, badge and pulse', () => {
    for (const status of ['online', 'away', 'dnd', 'offline', 'invisible'] as const) {
      for (const size of ['sm', 'md', 'lg'] as const) {
        for (const badge of [false, true]) {
          for (const pulse of [false, true]) {
            const { container, unmount } = render(<OnlineStatusIndicator status={status} size={size} badge={badge} pulse={pulse} />)
            expect(conflicts(container), `${status} ${size} badge=${badge} pulse=${pulse}`).toEqual([])
            unmount()
          }
        }
      }
    }
  })

  it('Avatar: every size, with an image and with initials', () => {
    for (const size of ['sm', 'md', 'lg', 'xl'] as const) {
      for (const src of [null, 'https://example.test/a.png']) {
        const { container, unmount } = render(<Avatar name="Jane Smith" src={src} size={size} indicator={<OnlineStatusIndicator status="away" badge />} />)
        expect(conflicts(container)).toEqual([])
        unmount()
      }
    }
  })

  it('StatusPicker: the counter over the limit', async () => {
    const { access } = await login('john_doe')
    const { container, findByRole, findByText } = render(
      <UserStatusProvider token={access} apiBaseUrl={BASE_URL}>
        <StatusPicker />
      </UserStatusProvider>,
    )
    const user = userEvent.setup()
    await user.click(await findByRole('textbox', { name: 'Status message' }))
    await user.paste('x'.repeat(141))
    await findByText('141/140')
    expect(conflicts(container)).toEqual([])
  })
})
