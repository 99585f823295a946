'use client'

import {
  Fragment,
  useCallback,
  useId,
  useRef,
  useState,
  type ComponentProps,
  type KeyboardEvent,
  type ReactNode,
} from 'react'
import { usePageVisible } from '../../hooks/usePageVisible'
import { usePresenceEvents } from '../../hooks/usePresenceEvents'
import { usePresenceMessages } from '../../hooks/usePresenceMessages'
import { en } from '../../i18n'
import type { Messages, Presence } from '../../index'
import { cn } from '../../lib/cn'
import { Avatar } from '../Avatar'
import { OnlineStatusIndicator } from '../OnlineStatusIndicator'
import { useDismissTimer } from './use-dismiss-timer'

export interface PresenceToasterProps extends Omit<ComponentProps<'div'>, 'children'> {
  /** Only these users' arrivals are announced; unset, everyone's but the signed-in user's. @default everyone */
  userIds?: Array<string | number>
  /** How long a toast stays, in ms of time not hovered or focused (and with the page shown); `Infinity` keeps it until closed. Default 5 000. */
  durationMs?: number
  /** At most this many toasts at once; a new one pushes out the oldest. Default 3. */
  maxToasts?: number
  /** The toast's text for a user who came online. @default "jane_smith is online" (plus "· Away" or "· Do not disturb") */
  renderMessage?: (user: Presence) => ReactNode
  /** The accessible name of the notifications region; unset, the catalogue's, in the provider's language. @default Notifications */
  label?: string
}

interface Toast {
  key: number
  user: Presence
}

/** The name a toast uses for a user: the username, else "User 7" (in `messages`' language). */
export const toastName = (user: Pick<Presence, 'id' | 'username'>, messages: Messages = en): string => user.username ?? messages.userName(user.id)

/**
 * The words of the default toast: "jane_smith is online", with the status when it is not plain online; in
 * `messages`' language (default English).
 *
 * @example
 * toastText({ id: '2', username: 'jane_smith', status: 'away' }) // 'jane_smith is online · Away'
 */
export function toastText(user: Pick<Presence, 'id' | 'username' | 'status'>, messages: Messages = en): string {
  const base = messages.toaster.online(toastName(user, messages)).join('')
  return user.status === 'away' || user.status === 'dnd' ? messages.toaster.withStatus(base, messages.status[user.status]) : base
}

function DefaultMessage({ user }: { user: Presence }) {
  const { messages } = usePresenceMessages()
  const name = <bdi className="pk:font-semibold">{toastName(user, messages)}</bdi>
  const status = user.status === 'away' || user.status === 'dnd' ? messages.status[user.status] : null
  // The status's separator and words as the catalogue has them, split around an empty sentence to style them apart.
  const suffix = status === null ? '' : messages.toaster.withStatus('', status)
  return (
    // The sentence keeps its language's order in a page of the other direction (outer <bdi dir>), and so does a
    // name (inner).
    <bdi dir={messages.dir}>
      {messages.toaster.online(name).map((part, i) => (
        <Fragment key={i}>{part}</Fragment>
      ))}
      {suffix && <span className="pk:text-presence-muted">{suffix}</span>}
    </bdi>
  )
}

/**
 * A toast when chosen users come online, from `usePresenceEvents`: nothing for the first
 * list of who is online, only real arrivals. Toasts sit in a polite live region at the bottom end of the viewport
 * (override with `className`), each with the avatar, "jane_smith is online" and a close button (Escape closes the
 * focused one); they close by themselves after `durationMs`, a clock that stops while the toasts are hovered or
 * focused or the page is hidden. No motion under `prefers-reduced-motion`. Needs `<UserStatusProvider>`.
 *
 * The one override of the kit's status dot: a toast's avatar is 32 px (the toast is a line of text, not a list
 * row), so its badge is the `sm` dot, 8 px, not the 12 px `md` of every other component; a 12 px dot and its ring
 * would cover half of that avatar. The ring (2 px, `--pk-color-presence-ring`) is the same.
 *
 * @example
 * <PresenceToaster userIds={favourites} durationMs={8000} />
 */
export function PresenceToaster({
  userIds,
  durationMs = 5_000,
  maxToasts = 3,
  renderMessage,
  label: labelProp,
  className,
  ...rest
}: PresenceToasterProps) {
  const { messages } = usePresenceMessages()
  const label = labelProp ?? messages.toaster.label
  const [toasts, setToasts] = useState<Toast[]>([])
  const [hovered, setHovered] = useState(false)
  const [focused, setFocused] = useState(false)
  // The runtime's page visibility (the document's, unless the app gave the provider another).
  const hidden = !usePageVisible()
  const nextKey = useRef(0)
  // NaN (from untyped code) would lift the limit altogether: the default instead.
  const limit = Number.isNaN(Number(maxToasts)) ? 3 : Math.max(1, Math.floor(maxToasts))

  usePresenceEvents({
    userIds,
    onOnline: (user) => {
      const key = ++nextKey.current
      // An empty stack is neither hovered nor focused: forget a "hovered" left over from the last toast closing under
      // the pointer (no pointerleave comes then), so that it does not hold the new one.
      if (toasts.length === 0) {
        setHovered(false)
        setFocused(false)
      }
      // The same user again replaces their toast (and restarts its clock).
      setToasts((current) => [...current.filter((toast) => toast.user.id !== user.id), { key, user }].slice(-limit))
    },
  })

  const dismiss = useCallback((key: number) => setToasts((current) => current.filter((toast) => toast.key !== key)), [])

  // Where the focus was before it came into the toasts: it goes back there when the last one closes.
  const focusedBefore = useRef<HTMLElement | null>(null)

  // Closing from the keyboard moves the focus to a neighbour, or back where it came from, rather than losing it.
  const dismissFrom = (element: HTMLElement, key: number) => {
    const list = element.closest('ol')
    const buttons = list ? [...list.querySelectorAll<HTMLElement>('[data-slot="presence-toast-close"]')] : []
    const index = buttons.findIndex((button) => element.closest('li')?.contains(button))
    // Only a focus in the toasts moves (a click that focuses nothing, as Safari's, leaves the focus where it is).
    if (list?.contains(document.activeElement)) (buttons[index + 1] ?? buttons[index - 1] ?? focusedBefore.current)?.focus()
    dismiss(key)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    if (event.key !== 'Escape') return
    const item = (event.target as HTMLElement).closest<HTMLElement>('[data-slot="presence-toast"]')
    const key = Number(item?.dataset.key)
    if (item && Number.isFinite(key)) {
      event.stopPropagation()
      dismissFrom(item, key)
    }
  }

  const paused = hovered || focused || hidden

  return (
    <div
      role="status"
      aria-live="polite"
      aria-atomic="false"
      aria-relevant="additions text"
      aria-label={label}
      data-slot="presence-toaster"
      data-state={toasts.length ? 'open' : 'empty'}
      className={cn('pk:pointer-events-none pk:fixed pk:bottom-4 pk:start-4 pk:end-4 pk:z-50 pk:flex pk:flex-col pk:items-end', className)}
      {...rest}
    >
      <ol
        className="pk:flex pk:max-w-full pk:flex-col pk:items-stretch pk:gap-2"
        onPointerEnter={() => setHovered(true)}
        onPointerLeave={() => setHovered(false)}
        onFocus={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) focusedBefore.current = event.relatedTarget as HTMLElement | null
          setFocused(true)
        }}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(false)
        }}
        onKeyDown={onKeyDown}
      >
        {toasts.map((toast) => (
          <ToastItem
            key={toast.key}
            toast={toast}
            durationMs={durationMs}
            paused={paused}
            onExpire={dismiss}
            onClose={dismissFrom}
            renderMessage={renderMessage}
          />
        ))}
      </ol>
    </div>
  )
}

interface ToastItemProps {
  toast: Toast
  durationMs: number
  paused: boolean
  onExpire: (key: number) => void
  onClose: (element: HTMLElement, key: number) => void
  renderMessage?: (user: Presence) => ReactNode
}

function ToastItem({ toast, durationMs, paused, onExpire, onClose, renderMessage }: ToastItemProps) {
  const messageId = useId()
  const { messages } = usePresenceMessages()
  const { user, key } = toast
  useDismissTimer(durationMs, paused, () => onExpire(key))
  return (
    <li
      data-slot="presence-toast"
      data-status={user.status}
      data-key={key}
      className="pk:pointer-events-auto pk:flex pk:w-80 pk:max-w-full pk:items-center pk:gap-3 pk:rounded-lg pk:border pk:border-presence-border pk:bg-presence-surface pk:p-3 pk:text-sm pk:text-presence-fg pk:shadow-lg pk:transition-[opacity,translate] pk:duration-200 pk:ease-out pk:starting:translate-y-2 pk:starting:opacity-0 pk:motion-reduce:transition-none"
    >
      <Avatar
        src={user.profileImage}
        name={toastName(user, messages)}
        alt=""
        size="sm"
        indicator={<OnlineStatusIndicator status={user.status} size="sm" badge aria-hidden />}
      />
      <p id={messageId} data-slot="presence-toast-message" className="pk:min-w-0 pk:flex-1 pk:break-words">
        {renderMessage ? renderMessage(user) : <DefaultMessage user={user} />}
      </p>
      <button
        type="button"
        data-slot="presence-toast-close"
        aria-label={messages.toaster.dismiss}
        aria-describedby={messageId}
        onClick={(event) => onClose(event.currentTarget, key)}
        className="pk:inline-flex pk:size-7 pk:shrink-0 pk:items-center pk:justify-center pk:rounded-md pk:text-presence-muted pk:hover:bg-presence-border/50 pk:hover:text-presence-fg pk:focus-visible:outline-2 pk:focus-visible:outline-presence-accent"
      >
        <svg aria-hidden viewBox="0 0 16 16" className="pk:size-4 pk:fill-none pk:stroke-current" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round">
          <path d="M4 4l8 8M12 4l-8 8" />
        </svg>
      </button>
    </li>
  )
}
