import { render, screen, within } from '@testing-library/react'
import { useEffect } from 'react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { UserStatusProvider, usePresenceRuntime, type PresenceRuntime, type UserStatusProviderProps } from '../../../src'
import { ActivityFeed, type ActivityFeedProps } from '../../../src/components/ActivityFeed'
import { BASE_URL, login, setupMockBackend } from '../../client/mock-backend'

const { backend, server } = setupMockBackend()

afterEach(() => server.events.removeAllListeners())

const until = (check: () => void) => vi.waitFor(check, { timeout: 3_000, interval: 5 })
const MIN = 60_000

const captured: { runtime: PresenceRuntime | null } = { runtime: null }
function Capture() {
  const runtime = usePresenceRuntime()
  useEffect(() => {
    captured.runtime = runtime
  }, [runtime])
  return null
}

async function renderFeed(props: ActivityFeedProps = {}, provider: Partial<UserStatusProviderProps> = {}) {
  const { access } = await login('john_doe')
  render(
    <UserStatusProvider token={access} apiBaseUrl={BASE_URL} {...provider}>
      <Capture />
      <ActivityFeed {...props} />
    </UserStatusProvider>,
  )
  return screen.getByRole('region', { name: props.title ?? 'Recent activity' })
}

const rows = (region: HTMLElement) => within(region).queryAllByRole('listitem')

describe('ActivityFeed', () => {
  it('lists the timeline newest first, in words, with the event’s dot and a <time>', async () => {
    const id = (name: string) => backend.presence.userByName(name)!.id
    backend.applyPresence(id('jane_smith'), 'online')
    backend.applyPresence(id('ahmad'), 'dnd')
    backend.applyPresence(id('jane_smith'), 'away')
    backend.applyPresence(id('ahmad'), 'offline')
    const region = await renderFeed()
    await until(() => expect(region).toHaveAttribute('data-state', 'ready'))
    // john_doe's login comes last (it is a sign of life).
    const texts = rows(region).map((row) => row.querySelector('p')!.textContent)
    expect(texts.slice(0, 5)).toEqual(['john_doe came online', 'ahmad went offline', 'jane_smith went away', 'ahmad is busy', 'jane_smith came online'])
    const first = rows(region)[1]
    expect(first).toHaveAttribute('data-status', 'offline')
    expect(first!.querySelector('[data-slot="status-indicator"]')).toHaveAttribute('data-status', 'offline')
    const time = first!.querySelector('time')!
    expect(Date.parse(time.dateTime)).toBeGreaterThan(Date.now() - MIN)
    expect(time).toHaveTextContent('just now')
  })

  it("asks for `maxEntries` entries (the request's `limit`) and the friends filter", async () => {
    const asked: URL[] = []
    server.events.on('request:start', ({ request }) => {
      if (request.url.includes('/activity/')) asked.push(new URL(request.url))
    })
    const region = await renderFeed({ maxEntries: 5, filter: 'friends', title: 'Friends' })
    await until(() => expect(asked).toHaveLength(1))
    expect(asked[0]!.searchParams.get('limit')).toBe('5')
    expect(asked[0]!.searchParams.get('filter')).toBe('friends')
    await until(() => expect(region).not.toHaveAttribute('data-state', 'loading'))
  })

  it('tells the time on the server’s clock', async () => {
    // The server's clock is two hours behind this device's; the entry is five minutes old by the server's clock.
    const offset = -120 * MIN
    server.use(
      http.get(`${BASE_URL}/api/users/activity/`, () =>
        HttpResponse.json([{ user: { id: 2, username: 'jane_smith' }, event: 'online', at: new Date(Date.now() + offset - 5 * MIN).toISOString() }]),
      ),
    )
    const region = await renderFeed({}, { endpoints: { socket: null } })
    captured.runtime!.store.getState().setServerOffset(offset)
    await until(() => expect(rows(region)).toHaveLength(1))
    expect(rows(region)[0]!.querySelector('time')).toHaveTextContent('5 minutes ago')
  })

  it('is empty when nothing happened', async () => {
    backend.presence.activity.clear()
    server.use(http.get(`${BASE_URL}/api/users/activity/`, () => HttpResponse.json([])))
    const region = await renderFeed({ filter: 'friends' })
    await until(() => expect(region).toHaveAttribute('data-state', 'empty'))
    expect(region).toHaveTextContent('No activity from your friends yet.')
  })

  it('shows a failure with a retry', async () => {
    let fail = true
    server.use(
      http.get(`${BASE_URL}/api/users/activity/`, () =>
        fail ? HttpResponse.json({ error: { code: 'forbidden', message: 'no' } }, { status: 403 }) : undefined,
      ),
    )
    const region = await renderFeed()
    const alert = await within(region).findByRole('alert', {}, { timeout: 3_000 })
    expect(alert).toHaveTextContent("Couldn't load the activity.")
    fail = false
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }))
    await until(() => expect(region).toHaveAttribute('data-state', 'ready'))
  })

  it('refreshes when someone’s status changes', async () => {
    const region = await renderFeed()
    await until(() => expect(region).toHaveAttribute('data-state', 'ready'))
    // A change before the first list would be part of it, not a change.
    await until(() => expect(captured.runtime!.store.getState().synced).toBe(true))
    backend.applyPresence(backend.presence.userByName('noah_wilson')!.id, 'online')
    await until(() => expect(rows(region)[0]!.querySelector('p')).toHaveTextContent('noah_wilson came online'))
  })

  it('shows a loading state first', async () => {
    server.use(http.get(`${BASE_URL}/api/users/activity/`, () => new Promise<never>(() => {})))
    const region = await renderFeed()
    expect(region).toHaveAttribute('data-state', 'loading')
    expect(region).toHaveAttribute('aria-busy', 'true')
    expect(within(region).getByRole('status')).toHaveTextContent('Loading activity…')
  })
})
