// axe on the OnlineUsers card in Chromium with users who have no picture, as a backend without profile images (or
// `chat-polling` without `resolveUsers`) gives them: each tile then draws the initials, which axe reads as visible
// text of the button. A tile named by `aria-label` ("bob, Away") then fails label-content-name-mismatch (WCAG 2.5.3,
// serious), since its visible text is "BO bob"; the stories' users all have pictures, so their axe checks miss it.
import { cleanup, render } from '@testing-library/react'
import axe from 'axe-core'
import { afterEach, expect, test } from 'vitest'
import { page } from 'vitest/browser'
import { OnlineUsers, UserStatusProvider, ar } from '../../src'
import { onlineRecord, restOnlyBackend } from '../components/OnlineUsers/fixtures'

afterEach(() => cleanup())

const users = [onlineRecord(1, 'jane_smith'), onlineRecord(2, 'bob'), onlineRecord(3, 'User 12'), onlineRecord(4, '2pac'), onlineRecord(5, 'Émile Zola')]

async function violations(root: Element) {
  const result = await axe.run(root, { resultTypes: ['violations'] })
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

test.each([
  ['English', undefined],
  ['Arabic', ar],
])('tiles without pictures pass axe, and keep their names (%s)', async (_, messages) => {
  render(
    <main>
      <UserStatusProvider {...restOnlyBackend(users)} messages={messages}>
        <OnlineUsers includeSelf />
      </UserStatusProvider>
    </main>,
  )
  const card = document.querySelector('[data-slot="online-users"]')!
  await expect.poll(() => card.getAttribute('data-state')).toBe('ready')
  expect(document.querySelectorAll('[data-slot="online-user"] img')).toHaveLength(0) // initials, not pictures
  expect(await violations(card)).toEqual([])
  // The names screen readers hear are the catalogue's, in its order.
  const sep = messages ? '،' : ','
  await expect.element(page.getByRole('button', { name: `bob${sep} ${messages ? 'متصل' : 'Online'}`, exact: true })).toBeInTheDocument()
})

// axe's best-practice rule `region` (all content inside landmarks) with a tile's tooltip open: the tooltip was in a
// portal on document.body, outside the page's <main> and the card's region, so its text was content in no landmark
// (and, to a screen reader's landmark navigation, outside the card it describes).
test('with a tile’s tooltip open, every piece of content is inside a landmark (axe: region)', async () => {
  render(
    <main>
      <UserStatusProvider {...restOnlyBackend(users)}>
        <OnlineUsers />
      </UserStatusProvider>
    </main>,
  )
  const card = document.querySelector('[data-slot="online-users"]')!
  await expect.poll(() => card.getAttribute('data-state')).toBe('ready')
  const region = async () => {
    const result = await axe.run(document, { runOnly: { type: 'rule', values: ['region'] }, resultTypes: ['violations'] })
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`))
  }
  expect(await region()).toEqual([])
  const tile = document.querySelector<HTMLElement>('[data-slot="online-user"]')!
  tile.focus()
  await expect.poll(() => document.getElementById(tile.getAttribute('aria-describedby')!)?.getAttribute('data-placement')).toBeTruthy()
  await expect.element(page.getByRole('tooltip')).toBeVisible()
  expect(await region()).toEqual([])
})
