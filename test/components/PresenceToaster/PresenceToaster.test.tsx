import { act, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PresenceToaster, toastText, type PresenceToasterProps } from '../../../src/components/PresenceToaster'
import { visibilityManager } from '../../../src/runtime'
import { flush, renderLive, user } from './toaster-harness'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
  visibilityManager.setVisible(undefined)
})

const region = () => screen.getByRole('status', { name: 'Notifications' })
const toasts = () => within(region()).queryAllByRole('listitem')
// The message alone: the avatar's initials (hidden from assistive technology) are text too.
const message = (toast: HTMLElement) => toast.querySelector('[data-slot="presence-toast-message"]')!.textContent
const texts = () => toasts().map(message)

const jane = user(2, 'jane_smith')
const ahmad = user(3, 'ahmad')
const noah = user(7, 'noah_wilson')

const renderToaster = (props: PresenceToasterProps = {}) => renderLive(<PresenceToaster {...props} />)

describe('PresenceToaster', () => {
  it('says nothing about the first list, then toasts an arrival in a polite live region', async () => {
    const { send } = await renderToaster()
    expect(region()).toHaveAttribute('aria-live', 'polite')
    expect(region()).toHaveAttribute('data-state', 'empty')
    expect(toasts()).toHaveLength(0)
    await send(jane)
    expect(texts()).toEqual(['jane_smith is online'])
    expect(toasts()[0]).toHaveAttribute('data-status', 'online')
    expect(within(toasts()[0]!).getByRole('button', { name: 'Dismiss' })).toHaveAccessibleDescription('jane_smith is online')
    // The avatar's initials stand in for the missing image, hidden (the message names the user); the dot shows the status.
    expect(within(toasts()[0]!).getByText('JS').closest('[aria-hidden="true"]')).not.toBeNull()
    expect(toasts()[0]!.querySelector('[data-slot="status-indicator"]')).toHaveAttribute('data-status', 'online')
  })

  it('closes each toast after durationMs', async () => {
    const { send } = await renderToaster({ durationMs: 3_000 })
    await send(jane)
    await act(() => vi.advanceTimersByTimeAsync(2_999))
    expect(toasts()).toHaveLength(1)
    await act(() => vi.advanceTimersByTimeAsync(1))
    expect(toasts()).toHaveLength(0)
  })

  it('holds the toasts while hovered, and lets them go with what was left', async () => {
    const { send } = await renderToaster()
    await send(jane)
    await act(() => vi.advanceTimersByTimeAsync(3_000))
    fireEvent.pointerEnter(region().querySelector('ol')!)
    await act(() => vi.advanceTimersByTimeAsync(60_000))
    expect(toasts()).toHaveLength(1)
    fireEvent.pointerLeave(region().querySelector('ol')!)
    await act(() => vi.advanceTimersByTimeAsync(1_999))
    expect(toasts()).toHaveLength(1)
    await act(() => vi.advanceTimersByTimeAsync(1))
    expect(toasts()).toHaveLength(0)
  })

  it('holds them while focused; Escape closes the focused toast and the focus moves to its neighbour', async () => {
    const { send } = await renderToaster()
    await send(jane)
    await send(ahmad)
    const [first, second] = toasts()
    act(() => within(first!).getByRole('button', { name: 'Dismiss' }).focus())
    await act(() => vi.advanceTimersByTimeAsync(60_000))
    expect(toasts()).toHaveLength(2)
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' })
    await flush()
    expect(texts()).toEqual(['ahmad is online'])
    expect(within(second!).getByRole('button', { name: 'Dismiss' })).toHaveFocus()
  })

  it('holds them while the page is hidden', async () => {
    const { send } = await renderToaster({ durationMs: 1_000 })
    await send(jane)
    act(() => visibilityManager.setVisible(false))
    await act(() => vi.advanceTimersByTimeAsync(60_000))
    expect(toasts()).toHaveLength(1)
    act(() => visibilityManager.setVisible(true))
    await act(() => vi.advanceTimersByTimeAsync(1_000))
    expect(toasts()).toHaveLength(0)
  })

  it('the close button closes its toast', async () => {
    const { send } = await renderToaster()
    await send(jane, ahmad)
    const janeToast = toasts().find((toast) => message(toast) === 'jane_smith is online')!
    fireEvent.click(within(janeToast).getByRole('button', { name: 'Dismiss' }))
    await flush()
    expect(texts()).toEqual(['ahmad is online'])
  })

  it('shows at most `maxToasts`, the newest', async () => {
    const { send } = await renderToaster({ maxToasts: 2 })
    await send(jane)
    await send(ahmad)
    await send(noah)
    expect(texts()).toEqual(['ahmad is online', 'noah_wilson is online'])
  })

  it('only the chosen users', async () => {
    const { send } = await renderToaster({ userIds: [2, '7'] })
    await send(ahmad)
    await send(jane)
    await send(noah)
    expect(texts()).toEqual(['jane_smith is online', 'noah_wilson is online'])
  })

  it('nothing for going away or offline, a new toast for coming back; one toast per user', async () => {
    const { send } = await renderToaster({ durationMs: Infinity })
    await send(user(4, 'maria_garcia', 'away'))
    await send(user(4, 'maria_garcia', 'offline'))
    expect(toasts()).toHaveLength(0)
    await send(user(4, 'maria_garcia', 'dnd'))
    expect(texts()).toEqual(['maria_garcia is online · Do not disturb'])
    await send(user(4, 'maria_garcia', 'offline'))
    await send(user(4, 'maria_garcia', 'online'))
    expect(texts()).toEqual(['maria_garcia is online'])
  })

  it('nothing for the signed-in user', async () => {
    const { send } = await renderToaster()
    await send(user(1, 'me', 'offline'))
    await send(user(1, 'me', 'online'))
    expect(toasts()).toHaveLength(0)
  })

  it('renderMessage writes the text', async () => {
    const { send } = await renderToaster({ renderMessage: (u) => `Say hi to ${u.username}` })
    await send(jane)
    expect(texts()).toEqual(['Say hi to jane_smith'])
  })

  it('animates only without reduced motion', async () => {
    const { send } = await renderToaster()
    await send(jane)
    expect(toasts()[0]).toHaveClass('pk:motion-reduce:transition-none')
  })
})

describe('toastText', () => {
  it('names the user, and the status when it is not plain online', () => {
    expect(toastText({ id: '2', username: 'jane_smith', status: 'online' })).toBe('jane_smith is online')
    expect(toastText({ id: '2', username: 'jane_smith', status: 'away' })).toBe('jane_smith is online · Away')
    expect(toastText({ id: '2', username: 'jane_smith', status: 'dnd' })).toBe('jane_smith is online · Do not disturb')
    expect(toastText({ id: '7', username: null, status: 'online' })).toBe('User 7 is online')
  })
})
