'use client'

import { useId, useRef, useState, type ComponentProps, type FormEvent } from 'react'
import type { LastSeenVisibility } from '../../index'
import { useMyStatus } from '../../hooks/useMyStatus'
import { usePresenceMessages } from '../../hooks/usePresenceMessages'
import { usePresenceSession } from '../../hooks/usePresenceSession'
import { useServerClock } from '../../hooks/useServerClock'
import { useSetMyStatus, type MyStatusChange } from '../../hooks/useSetMyStatus'
import type { Format, PresenceMode } from '../../index'
import { cn } from '../../lib/cn'
import { OnlineStatusIndicator } from '../OnlineStatusIndicator'
import { EXPIRY_PRESETS, expiryOf, formatUntil, type ExpiryPreset } from './expiry'
import { messageCount, STATUS_MESSAGE_MAX } from './message-length'
import { MODE_OPTIONS } from './modes'
import { VISIBILITY_OPTIONS } from './visibility'

export type StatusPickerState = 'signed-out' | 'loading' | 'ready' | 'pending' | 'error' | 'saved'

/** What was saved, as `onSaved` gets it. */
export interface SavedStatus {
  /** The mode that was saved; `null` when it was still unknown and left as it was. */
  mode: PresenceMode | null
  /** The saved message, trimmed; `null` when cleared. */
  statusMessage: string | null
}

type Draft = { mode?: PresenceMode; message?: string; expiry?: ExpiryPreset; visibility?: LastSeenVisibility }

export interface StatusPickerProps extends Omit<ComponentProps<'form'>, 'children' | 'onSubmit' | 'title'> {
  /** Called once the server has saved the status and the store shows it. @default none */
  onSaved?: (status: SavedStatus) => void
  /** The heading of the form; unset, the catalogue's, in the provider's language. @default Set your status */
  title?: string
  /** The message field's placeholder; unset, the catalogue's, in the provider's language. @default What's your status? */
  messagePlaceholder?: string
}

// A preset's words: a string, or a function of the locale's numbers ("30 minutes", "٣٠ دقيقة").
const expiryLabel = (label: string | ((format: Format) => string), format: Format) => (typeof label === 'string' ? label : label(format))

const button =
  'pk:inline-flex pk:items-center pk:justify-center pk:rounded-md pk:px-3 pk:py-1.5 pk:text-sm pk:font-semibold pk:focus-visible:outline-2 pk:focus-visible:outline-offset-2 pk:focus-visible:outline-presence-accent pk:aria-disabled:cursor-not-allowed pk:aria-disabled:opacity-60 pk:disabled:cursor-not-allowed pk:disabled:opacity-60'

function errorText(error: unknown, fallback: string): string {
  return error instanceof Error && error.message ? error.message : fallback
}

/**
 * Sets the signed-in user's mode (Online, Away, Do not disturb, Invisible) and status message (at most 140
 * characters, counted as the server counts them: code points of the trimmed text). Reflects the current status live
 * until a field is edited; Save sends both through `useSetMyStatus()` (the socket when open, else `PATCH`) and shows
 * the pending, saved and error states. Needs `<UserStatusProvider>`.
 *
 * @example
 * <StatusPicker onSaved={() => closePopover()} messagePlaceholder="Lunch, back at 2" />
 */
export function StatusPicker({
  onSaved,
  title: titleProp,
  messagePlaceholder: placeholderProp,
  className,
  ...rest
}: StatusPickerProps) {
  const { messages, format, locale } = usePresenceMessages()
  const words = messages.statusPicker
  const title = titleProp ?? words.title
  const messagePlaceholder = placeholderProp ?? words.placeholder
  const ids = useId()
  const titleId = `${ids}-title`
  const counterId = `${ids}-counter`
  const overId = `${ids}-over`
  const messageId = `${ids}-message`
  const inputRef = useRef<HTMLInputElement>(null)

  const my = useMyStatus()
  const { mutateAsync: setStatus, isPending, error } = useSetMyStatus()
  const running = usePresenceSession().lifecycle === 'running'
  // Only what the user edited; the rest follows the store, so the form reflects changes made elsewhere.
  const [draft, setDraft] = useState<Draft>({})
  const clock = useServerClock()
  // Section 6 controls show only for a backend that sends the fields (one that does not cannot keep them).
  const expires = my.user?.statusExpiresAt !== undefined
  const visibility = draft.visibility ?? my.lastSeenVisibility
  const [saved, setSaved] = useState(false)

  const mode = draft.mode ?? my.mode
  const message = draft.message ?? my.statusMessage ?? ''
  const count = messageCount(message)
  const tooLong = count.state === 'over'

  const state: StatusPickerState = !running
    ? 'signed-out'
    : isPending
      ? 'pending'
      : error
        ? 'error'
        : saved
          ? 'saved'
          : my.mode === null && my.user === null
            ? 'loading'
            : 'ready'

  const edit = (patch: Draft) => {
    setDraft((current) => ({ ...current, ...patch }))
    setSaved(false)
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (isPending || !running) return
    if (tooLong) {
      inputRef.current?.focus()
      return
    }
    let statusMessage: string | null
    try {
      // The hook trims the message (a blank one clears it) and resolves with the change as sent.
      const change: MyStatusChange = { statusMessage: message, ...(mode !== null && { mode }) }
      // A new message without an expiry clears the old one; an untouched message keeps its own.
      if (expires && message.trim() !== '' && (draft.expiry !== undefined || draft.message !== undefined)) {
        change.statusExpiresAt = expiryOf(draft.expiry ?? 'never', clock.now(), clock.offset)
      }
      if (draft.visibility !== undefined) change.lastSeenVisibility = draft.visibility
      statusMessage = (await setStatus(change)).statusMessage ?? null
    } catch {
      // Shown from `error` below.
      return
    }
    setDraft({})
    setSaved(true)
    onSaved?.({ mode, statusMessage })
  }

  return (
    <form
      aria-labelledby={titleId}
      aria-busy={state === 'pending' || state === 'loading' || undefined}
      data-slot="status-picker"
      data-state={state}
      noValidate
      onSubmit={submit}
      className={cn(
        'pk:flex pk:w-full pk:max-w-sm pk:flex-col pk:gap-4 pk:rounded-(--pk-radius-presence-card) pk:border pk:border-presence-border pk:bg-presence-surface pk:p-4 pk:text-presence-fg pk:dark:scheme-dark',
        className,
      )}
      {...rest}
    >
      <h2 id={titleId} className="pk:text-base pk:font-semibold">
        {title}
      </h2>
      <fieldset disabled={!running} className="pk:flex pk:flex-col pk:gap-4 pk:disabled:opacity-60">
        <fieldset data-slot="status-picker-modes" className="pk:min-w-0">
          <legend className="pk:mb-1 pk:text-sm pk:font-medium">{words.status}</legend>
          {state === 'loading' && <p className="pk:mb-1 pk:text-sm pk:text-presence-muted">{words.loading}</p>}
          {state === 'signed-out' && <p className="pk:mb-1 pk:text-sm pk:text-presence-muted">{words.signedOut}</p>}
          <div className="pk:flex pk:flex-col pk:gap-1">
            {MODE_OPTIONS.map((option) => {
              const labelId = `${ids}-${option.mode}-label`
              const descriptionId = `${ids}-${option.mode}-description`
              return (
                <label
                  key={option.mode}
                  data-slot="status-picker-option"
                  data-status={option.status}
                  className="pk:flex pk:cursor-pointer pk:items-start pk:gap-3 pk:rounded-lg pk:border pk:border-transparent pk:px-2 pk:py-1.5 pk:hover:bg-presence-border/40 pk:has-checked:border-presence-accent pk:has-focus-visible:outline-2 pk:has-focus-visible:outline-presence-accent"
                >
                  <input
                    type="radio"
                    name={`${ids}-mode`}
                    value={option.mode}
                    checked={mode === option.mode}
                    onChange={() => edit({ mode: option.mode })}
                    aria-labelledby={labelId}
                    aria-describedby={descriptionId}
                    className="pk:mt-1 pk:size-4 pk:shrink-0 pk:accent-presence-accent pk:focus-visible:outline-none"
                  />
                  <span className="pk:flex pk:min-w-0 pk:flex-col">
                    <span className="pk:flex pk:items-center pk:gap-2 pk:text-sm pk:font-medium">
                      <OnlineStatusIndicator status={option.status} aria-hidden />
                      <span id={labelId}>{messages.status[option.status]}</span>
                    </span>
                    <span id={descriptionId} className="pk:text-xs pk:text-presence-muted">
                      {words.modes[option.mode]}
                    </span>
                  </span>
                </label>
              )
            })}
          </div>
        </fieldset>

        <div className="pk:flex pk:min-w-0 pk:flex-col pk:gap-1.5">
          <div className="pk:flex pk:items-baseline pk:justify-between pk:gap-3">
            <label htmlFor={messageId} className="pk:text-sm pk:font-medium">
              {words.message}
            </label>
            <span
              id={counterId}
              data-slot="status-picker-counter"
              data-state={count.state}
              className={cn(
                'pk:text-xs pk:tabular-nums',
                count.state !== 'ok' && 'pk:font-semibold',
                count.state === 'over' ? 'pk:text-presence-danger' : 'pk:text-presence-muted',
              )}
            >
              <span aria-hidden>{words.counter(count.length, STATUS_MESSAGE_MAX, format)}</span>
              <span className="pk:sr-only">{words.counterLabel(count.length, STATUS_MESSAGE_MAX, format)}</span>
            </span>
          </div>
          <div className="pk:flex pk:gap-2">
            <input
              ref={inputRef}
              id={messageId}
              type="text"
              name="statusMessage"
              autoComplete="off"
              dir="auto"
              value={message}
              placeholder={messagePlaceholder}
              onChange={(event) => edit({ message: event.target.value })}
              aria-invalid={tooLong || undefined}
              aria-describedby={tooLong ? `${counterId} ${overId}` : counterId}
              className="pk:min-w-0 pk:flex-1 pk:rounded-md pk:border pk:border-presence-muted/60 pk:bg-presence-surface pk:px-3 pk:py-1.5 pk:text-sm pk:text-presence-fg pk:placeholder:text-presence-muted pk:focus-visible:outline-2 pk:focus-visible:outline-offset-1 pk:focus-visible:outline-presence-accent pk:aria-invalid:border-presence-danger"
            />
            <button
              type="button"
              data-slot="status-picker-clear"
              aria-label={words.clearLabel}
              disabled={message === ''}
              onClick={() => {
                edit({ message: '' })
                inputRef.current?.focus()
              }}
              className={cn(button, 'pk:border pk:border-presence-border pk:text-presence-fg pk:hover:bg-presence-border/40')}
            >
              {words.clear}
            </button>
          </div>
          {expires && (
            <div className="pk:flex pk:items-center pk:gap-2">
              <label htmlFor={`${ids}-expiry`} className="pk:text-sm pk:font-medium">
                {words.clearAfter}
              </label>
              <select
                id={`${ids}-expiry`}
                data-slot="status-picker-expiry"
                value={draft.expiry ?? (draft.message === undefined && my.statusExpiresAt !== null ? 'keep' : 'never')}
                onChange={(event) => edit({ expiry: event.target.value as ExpiryPreset })}
                className="pk:rounded-md pk:border pk:border-presence-muted/60 pk:bg-presence-surface pk:px-2 pk:py-1 pk:text-sm pk:focus-visible:outline-2 pk:focus-visible:outline-presence-accent"
              >
                {draft.expiry === undefined && draft.message === undefined && my.statusExpiresAt !== null && (
                  <option value="keep">{formatUntil(my.statusExpiresAt, clock.now(), locale, clock.offset, messages.statusLine.until)}</option>
                )}
                {EXPIRY_PRESETS.map((preset) => (
                  <option key={preset} value={preset}>
                    {expiryLabel(words.expiry[preset], format)}
                  </option>
                ))}
              </select>
            </div>
          )}
          {/* Kept mounted, so that the warning is announced when it appears; its text does not change while typing. */}
          <p id={overId} aria-live="polite" className="pk:text-xs pk:text-presence-danger pk:empty:hidden">
            {tooLong ? words.tooLong(STATUS_MESSAGE_MAX, format) : ''}
          </p>
        </div>

        {visibility !== null && (
          <div data-slot="status-picker-last-seen" className="pk:flex pk:items-center pk:gap-2">
            <label htmlFor={`${ids}-last-seen`} className="pk:text-sm pk:font-medium">
              {words.lastSeen}
            </label>
            <select
              id={`${ids}-last-seen`}
              value={visibility}
              onChange={(event) => edit({ visibility: event.target.value as LastSeenVisibility })}
              className="pk:rounded-md pk:border pk:border-presence-muted/60 pk:bg-presence-surface pk:px-2 pk:py-1 pk:text-sm pk:focus-visible:outline-2 pk:focus-visible:outline-presence-accent"
            >
              {VISIBILITY_OPTIONS.map((option) => (
                <option key={option} value={option}>
                  {words.visibility[option]}
                </option>
              ))}
            </select>
          </div>
        )}
      </fieldset>

      {state === 'error' && (
        <p role="alert" data-slot="status-picker-error" className="pk:text-sm pk:text-presence-danger">
          {words.error(errorText(error, words.unknownError))}
        </p>
      )}

      <div className="pk:flex pk:items-center pk:justify-end pk:gap-3">
        <p role="status" data-slot="status-picker-saved" className="pk:text-sm pk:text-presence-muted">
          {state === 'saved' ? words.saved : ''}
        </p>
        <button
          type="submit"
          data-slot="status-picker-save"
          aria-disabled={isPending || tooLong || !running || undefined}
          className={cn(button, 'pk:bg-presence-accent pk:text-presence-surface pk:hover:bg-presence-accent/90')}
        >
          {isPending ? words.saving : words.save}
        </button>
      </div>
    </form>
  )
}
