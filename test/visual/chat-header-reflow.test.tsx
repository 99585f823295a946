/**
 * Reflow (WCAG 1.4.10, 1.4.4): a ChatHeader 320 CSS px wide with the page's text at 200 % (root font-size). Its back
 * button, avatar and actions, each a fixed size in rem, no longer fitted on one line beside each other, and the row
 * did not wrap: the name and status column (`flex-1`, `min-w-0`) shrank to nothing, so the name and the status were
 * cut away entirely, and the actions overflowed the header's end. The header wraps now, the column keeping room
 * for a few words: nothing outside the header, the name and the status line readable.
 */
import { afterEach, expect, test } from 'vitest'
import { userEvent } from 'vitest/browser'
import { ChatHeader, UserStatusProvider } from '../../src'
import { mount } from './mount'

afterEach(() => {
  document.documentElement.style.fontSize = ''
})

test('a 320 px header at 200 % text keeps its name and status in view, nothing past its end', async () => {
  document.documentElement.style.fontSize = '200%'
  const icon = { width: '2.25rem', height: '2.25rem' }
  const { host } = mount(
    <UserStatusProvider token={null}>
      <ChatHeader
        userId="7"
        name="jane_smith"
        onBack={() => {}}
        actions={
          <>
            <button type="button" aria-label="Call" style={icon} />
            <button type="button" aria-label="More" style={icon} />
          </>
        }
      />
    </UserStatusProvider>,
    { width: '320px' },
  )
  await expect.poll(() => host.querySelector('[data-slot="chat-header-name"]')?.textContent).toBe('jane_smith')
  const header = host.querySelector<HTMLElement>('[data-slot="chat-header"]')!
  const box = header.getBoundingClientRect()
  expect(box.width).toBe(320)
  // None of the header's parts, nor any button, lies past its edges (that would need scrolling sideways, or be cut
  // off). The text inside the name and status lines is theirs to truncate.
  const outside = [...header.querySelectorAll<HTMLElement>(':scope > *, button')]
    .filter((el) => {
      const r = el.getBoundingClientRect()
      return r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5)
    })
    .map((el) => el.dataset.slot ?? el.getAttribute('aria-label') ?? el.tagName)
  expect(outside).toEqual([])
  // The name and the status line have room for their words: the whole name here (no ellipsis), a line of status.
  const name = header.querySelector<HTMLElement>('[data-slot="chat-header-name"]')!
  const status = header.querySelector<HTMLElement>('[data-slot="chat-header-status"]')!
  expect(name.scrollWidth).toBeLessThanOrEqual(name.clientWidth)
  expect(name.clientWidth).toBeGreaterThan(0)
  expect(status.clientWidth).toBeGreaterThan(100)
})

// A name cut by its ellipsis cannot be read by a sighted pointer user (the heading's accessible name has it whole):
// hovered, it shows whole in the heading's tooltip (`title`); a name that fits gets no tooltip repeating it.
test('a truncated name shows whole in a tooltip on hover; one that fits, none', async () => {
  const long = 'aleksandr_konstantinopolsky_the_third_of_his_name'
  const { host, root } = mount(
    <UserStatusProvider token={null}>
      <ChatHeader userId="7" name={long} />
    </UserStatusProvider>,
    { width: '240px' },
  )
  const name = host.querySelector<HTMLElement>('[data-slot="chat-header-name"]')!
  expect(name.scrollWidth).toBeGreaterThan(name.clientWidth)
  await userEvent.hover(name)
  await expect.poll(() => name.title).toBe(long)
  await userEvent.unhover(name)

  root.render(
    <UserStatusProvider token={null}>
      <ChatHeader userId="7" name="jane" />
    </UserStatusProvider>,
  )
  await expect.poll(() => name.textContent).toBe('jane')
  await userEvent.hover(name)
  await expect.poll(() => name.title).toBe('')
  expect(name.scrollWidth).toBeLessThanOrEqual(name.clientWidth)
})
