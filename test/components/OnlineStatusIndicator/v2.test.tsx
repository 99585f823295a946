import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { statusLine } from '../../../src/components/ChatHeader/status-line'
import { OnlineStatusIndicator, presenceVariant, statusLabel } from '../../../src/components/OnlineStatusIndicator'

describe('OnlineStatusIndicator, section 6', () => {
  it('tells auto-away from chosen away, and a phone-only user, in words and shape', () => {
    render(
      <>
        <OnlineStatusIndicator status="away" idle data-testid="idle" />
        <OnlineStatusIndicator status="away" data-testid="chosen" />
        <OnlineStatusIndicator status="online" mobile data-testid="phone" />
        <OnlineStatusIndicator status="offline" mobile data-testid="gone" />
      </>,
    )
    expect(screen.getByTestId('idle')).toHaveAccessibleName('Away (idle)')
    expect(screen.getByTestId('idle')).toHaveAttribute('data-idle')
    expect(screen.getByTestId('chosen')).toHaveAccessibleName('Away')
    expect(screen.getByTestId('chosen')).not.toHaveAttribute('data-idle')
    expect(screen.getByTestId('phone')).toHaveAccessibleName('Online, on mobile')
    expect(screen.getByTestId('phone')).toHaveAttribute('data-device', 'mobile')
    expect(screen.getByTestId('gone')).toHaveAccessibleName('Offline')
    expect(screen.getByTestId('gone')).not.toHaveAttribute('data-device')
  })

  it('the variant of a record: idle only for away, mobile only when every device is a phone, nothing when absent', () => {
    expect(presenceVariant({ status: 'away', idle: true, devices: ['mobile'] })).toEqual({ idle: true, mobile: true })
    expect(presenceVariant({ status: 'online', idle: true, devices: ['mobile', 'web'] })).toEqual({ idle: false, mobile: false })
    expect(presenceVariant({ status: 'offline', idle: true, devices: ['mobile'] })).toEqual({ idle: false, mobile: false })
    expect(presenceVariant({ status: 'online' })).toEqual({ idle: false, mobile: false })
  })

  it('a hidden last seen reads as nothing, not "never"', () => {
    expect(statusLabel('offline', null)).toBe('Offline')
    expect(statusLine('offline', null, null)).toBe('Offline')
    expect(statusLine('away', 'Lunch', null, { idle: true, until: 'until 3:00 PM' })).toBe('Away (idle) — Lunch (until 3:00 PM)')
    expect(statusLine('dnd', null, null, { mobile: true })).toBe('Do not disturb, on mobile')
  })
})
