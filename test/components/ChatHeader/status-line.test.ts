import { describe, expect, it } from 'vitest'
import { statusLine } from '../../../src/components/ChatHeader/status-line'

describe('the chat header’s status line', () => {
  it('says each status in words, with the status message after it', () => {
    expect(statusLine('online', null, null)).toBe('Online')
    expect(statusLine('away', 'lunch', null)).toBe('Away — lunch')
    expect(statusLine('dnd', null, null)).toBe('Do not disturb')
    expect(statusLine('dnd', '  ', null)).toBe('Do not disturb')
    expect(statusLine('invisible', null, null)).toBe('Invisible')
  })

  it('an offline user reads as last seen when that is known, else Offline', () => {
    expect(statusLine('offline', null, '5 minutes ago')).toBe('Last seen 5 minutes ago')
    expect(statusLine('offline', 'lunch', 'yesterday')).toBe('Last seen yesterday')
    expect(statusLine('offline', null, null)).toBe('Offline')
  })
})
