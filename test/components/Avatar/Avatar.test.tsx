import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Avatar } from '../../../src/components/Avatar'
import { initials } from '../../../src/components/Avatar/initials'

describe('Avatar', () => {
  it('falls back to initials when the image fails', () => {
    render(<Avatar src="http://x.test/missing.png" name="jane_smith" />)
    fireEvent.error(screen.getByRole('img', { name: 'jane_smith' }))
    expect(screen.getByRole('img', { name: 'jane_smith' })).toHaveTextContent('JS')
  })

  it('shows initials without an image, and hides them from assistive tech when decorative', () => {
    const { container } = render(<Avatar src={null} name="li wei" alt="" />)
    expect(container).toHaveTextContent('LW')
    expect(screen.queryByRole('img')).toBeNull()
  })

  it.each([
    ['jane_smith', 'JS'],
    ['ahmad', 'AH'],
    ['renée lefèvre', 'RL'],
    ['李伟', '李伟'],
    ['', '?'],
    [null, '?'],
  ])('initials(%s) = %s', (name, expected) => expect(initials(name)).toBe(expected))
})

describe('Avatar given a name that shows nothing', () => {
  it.each([['   '], ['\u200b'], ['\u2800']])('%j: the image is decorative (alt=""), not an alt of blanks', (name) => {
    const { container } = render(<Avatar src="https://example.com/a.png" name={name} />)
    expect(container.querySelector('img')!.getAttribute('alt')).toBe('')
  })

  it('a blank alt prop is decorative too, and the initials are hidden rather than labelled blank', () => {
    const { container } = render(<Avatar src={null} name="   " alt=" " />)
    expect(container.textContent).toBe('?')
    expect(screen.queryByRole('img')).toBeNull()
    expect(container.querySelector('[aria-label]')).toBeNull()
  })
})
