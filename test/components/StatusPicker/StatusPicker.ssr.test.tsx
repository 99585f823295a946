// @vitest-environment node
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { StatusPicker } from '../../../src/components/StatusPicker'
import { UserStatusProvider } from '../../../src/provider'

describe('StatusPicker on the server', () => {
  it('renders without touching a browser global', () => {
    expect(typeof window).toBe('undefined')
    expect(typeof document).toBe('undefined')
    const html = renderToString(
      <UserStatusProvider token="t">
        <StatusPicker messagePlaceholder="Lunch, back at 2" />
      </UserStatusProvider>,
    )
    expect(html).toContain('data-slot="status-picker"')
    // The provider starts in an effect: on the server nothing runs yet, so the form is not usable.
    expect(html).toContain('data-state="signed-out"')
    expect(html).toContain('Do not disturb')
    expect(html).toContain('You appear offline to others')
    expect(html).toContain('placeholder="Lunch, back at 2"')
    expect(html).toContain('0/140')
  })
})
