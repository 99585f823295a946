import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { OnlineStatusIndicator, statusLabel } from '../../../src/components/OnlineStatusIndicator'

describe('OnlineStatusIndicator', () => {
  it.each([
    ['online', 'Online'],
    ['away', 'Away'],
    ['dnd', 'Do not disturb'],
    ['offline', 'Offline'],
    ['invisible', 'Invisible'],
  ] as const)('names %s in words and exposes it as data-status', (status, name) => {
    render(<OnlineStatusIndicator status={status} />)
    expect(screen.getByRole('img', { name })).toHaveAttribute('data-status', status)
  })

  it('says when an offline user was last seen', () => {
    expect(statusLabel('offline', '5 minutes ago')).toBe('Offline, last seen 5 minutes ago')
    expect(statusLabel('away', '5 minutes ago')).toBe('Away')
  })

  it('pulses only when online, and never without the reduced-motion escape', () => {
    const { container, rerender } = render(<OnlineStatusIndicator status="online" pulse />)
    expect(container.querySelector('.pk\\:animate-presence-ping')).toHaveClass('pk:motion-reduce:hidden')
    rerender(<OnlineStatusIndicator status="away" pulse />)
    expect(container.querySelector('.pk\\:animate-presence-ping')).toBeNull()
  })

  it('sits at the end corner as a badge, so RTL puts it bottom-left', () => {
    render(<OnlineStatusIndicator status="online" badge size="lg" />)
    const dot = screen.getByRole('img')
    expect(dot).toHaveClass('pk:end-0', 'pk:bottom-0')
    expect(dot).toHaveAttribute('data-size', 'lg')
  })
})
