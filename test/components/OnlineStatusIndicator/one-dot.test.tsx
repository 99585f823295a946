import { render, screen } from '@testing-library/react'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { PresenceStatus } from '../../../src'
import { OnlineStatusIndicator, STATUS_LABELS } from '../../../src/components/OnlineStatusIndicator'

const STATUSES = Object.keys(STATUS_LABELS) as PresenceStatus[]
const theme = readFileSync(path.resolve(import.meta.dirname, '../../../src/styles/theme.css'), 'utf8')

describe('the status dot: one thing', () => {
  it('every status has its own accessible name and its own data-state, at every size and as a badge', () => {
    for (const size of ['sm', 'md', 'lg'] as const) {
      for (const badge of [false, true]) {
        const { unmount } = render(
          <>
            {STATUSES.map((status) => (
              <OnlineStatusIndicator key={status} status={status} size={size} badge={badge} />
            ))}
          </>,
        )
        const dots = screen.getAllByRole('img')
        const names = dots.map((dot) => dot.getAttribute('aria-label'))
        const states = dots.map((dot) => dot.getAttribute('data-state'))
        expect(names).toEqual(['Online', 'Away', 'Do not disturb', 'Offline', 'Invisible'])
        expect(new Set(names).size).toBe(STATUSES.length)
        expect(states).toEqual(STATUSES)
        unmount()
      }
    }
  })

  it('every status draws its own shape, not the same one in another colour', () => {
    const { container } = render(
      <>
        {STATUSES.map((status) => (
          <OnlineStatusIndicator key={status} status={status} />
        ))}
      </>,
    )
    const shapes = [...container.querySelectorAll('[data-slot="status-indicator"] svg')].map((svg) => svg.innerHTML)
    expect(new Set(shapes).size).toBe(STATUSES.length)
  })

  it('a badge has the ring, in the ring token and its 2 px width; a plain dot none unless asked', () => {
    const { rerender } = render(<OnlineStatusIndicator status="online" badge />)
    const ring = ['pk:bg-presence-ring', 'pk:ring-presence-ring', 'pk:ring-(length:--pk-spacing-presence-ring)']
    expect(screen.getByRole('img')).toHaveClass(...ring)
    rerender(<OnlineStatusIndicator status="online" />)
    for (const name of ring) expect(screen.getByRole('img')).not.toHaveClass(name)
    rerender(<OnlineStatusIndicator status="online" ring />)
    expect(screen.getByRole('img')).toHaveClass(...ring)
    rerender(<OnlineStatusIndicator status="online" badge ring={false} />)
    expect(screen.getByRole('img')).not.toHaveClass('pk:ring-presence-ring')
  })

  it('the default is the original design: a 12 px #2ecc71 dot, a white 2 px ring; dark mode has its own ring', () => {
    render(<OnlineStatusIndicator status="online" badge />)
    expect(screen.getByRole('img')).toHaveAttribute('data-size', 'md')
    expect(theme).toMatch(/--spacing-presence-dot-md:\s*12px;/)
    expect(theme).toMatch(/--color-presence-online:\s*#2ecc71;/)
    expect(theme).toMatch(/--color-presence-ring:\s*#ffffff;/)
    expect(theme).toMatch(/--spacing-presence-ring:\s*2px;/)
    const dark = theme.slice(theme.indexOf('[data-theme="dark"]'))
    expect(dark).toMatch(/--pk-color-presence-ring:\s*#111827;/)
  })
})
