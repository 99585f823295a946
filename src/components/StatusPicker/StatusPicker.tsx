'use client'

import { useId, useRef, useState, type ComponentPropsWithoutRef, type FormEvent } from 'react'
import { useStore } from 'zustand'
import type { PresenceMode } from '../../client'
import { useMyStatus } from '../../hooks/useMyStatus'
import { usePresenceRuntime } from '../../hooks/usePresenceRuntime'
import { useSetMyStatus } from '../../hooks/useSetMyStatus'
import { cn } from '../../lib/cn'
import { normaliseStatusMessage } from '../../runtime/status-change'
import { OnlineStatusIndicator } from '../OnlineStatusIndicator'
import { messageCount, STATUS_MESSAGE_MAX } from './message-length'
import { MODE_OPTIONS } from './modes'

export type StatusPickerState = 'signed-out' | 'loading' | 'ready' | 'pending' | 'error' | 'saved'

/** What was saved, as `onSaved` gets it. */
export interface SavedStatus {
  /** The mode that was saved; `null` when it was still unknown and left as it was. */
  mode: PresenceMode | null
  /** The saved message, trimmed; `null` when cleared. */
  statusMessage: string | null
}

export interface StatusPickerProps extends Omit<ComponentPropsWithoutRef<'form'>, 'children' | 'onSubmit' | 'title'> {
  /** Called once the server has saved the status and the store shows it. Default none. */
  onSaved?: (status: SavedStatus) => void
  /** The heading of the form. Default "Set your status". */
  title?: string
  /** The message field's placeholder. Default "What's your status?". */
  messagePlaceholder?: string
}

const button =
  'inline-flex items-center justify-center rounded-md px-3 py-1.5 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-presence-accent aria-disabled:cursor-not-allowed aria-disabled:opacity-60 disabled:cursor-not-allowed disabled:opacity-60'

function errorText(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'Something went wrong.'
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
  title = 'Set your status',
  messagePlaceholder = "What's your status?",
  className,
  ...rest
}: StatusPickerProps) {
  const ids = useId()
  const titleId = `${ids}-title`
  const counterId = `${ids}-counter`
  const overId = `${ids}-over`
  const messageId = `${ids}-message`
  const inputRef = useRef<HTMLInputElement>(null)

  const my = useMyStatus()
  const { setStatus, isPending, error } = useSetMyStatus()
  const running = useStore(usePresenceRuntime().store, (s) => s.lifecycle === 'running')
  // Only what the user edited; the rest follows the store, so the form reflects changes made elsewhere.
  const [draft, setDraft] = useState<{ mode?: PresenceMode; message?: string }>({})
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

  const edit = (patch: { mode?: PresenceMode; message?: string }) => {
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
    const change = { statusMessage: normaliseStatusMessage(message), ...(mode !== null && { mode }) }
    try {
      await setStatus(change)
    } catch {
      // Shown from `error` below.
      return
    }
    setDraft({})
    setSaved(true)
    onSaved?.({ mode, statusMessage: change.statusMessage })
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
        'flex w-full max-w-sm flex-col gap-4 rounded-(--radius-presence-card) border border-presence-border bg-presence-surface p-4 text-presence-fg dark:scheme-dark',
        className,
      )}
      {...rest}
    >
      <h2 id={titleId} className="text-base font-semibold">
        {title}
      </h2>
      <fieldset disabled={!running} className="flex min-w-0 flex-col gap-4 disabled:opacity-60">
        <fieldset data-slot="status-picker-modes" className="min-w-0">
          <legend className="mb-1 text-sm font-medium">Status</legend>
          {state === 'loading' && <p className="mb-1 text-sm text-presence-muted">Loading your status…</p>}
          {state === 'signed-out' && <p className="mb-1 text-sm text-presence-muted">Sign in to set your status.</p>}
          <div className="flex flex-col gap-1">
            {MODE_OPTIONS.map((option) => {
              const labelId = `${ids}-${option.mode}-label`
              const descriptionId = `${ids}-${option.mode}-description`
              return (
                <label
                  key={option.mode}
                  data-slot="status-picker-option"
                  data-status={option.status}
                  className="flex cursor-pointer items-start gap-3 rounded-lg border border-transparent px-2 py-1.5 hover:bg-presence-border/40 has-checked:border-presence-accent has-focus-visible:outline-2 has-focus-visible:outline-presence-accent"
                >
                  <input
                    type="radio"
                    name={`${ids}-mode`}
                    value={option.mode}
                    checked={mode === option.mode}
                    onChange={() => edit({ mode: option.mode })}
                    aria-labelledby={labelId}
                    aria-describedby={descriptionId}
                    className="mt-1 size-4 shrink-0 accent-presence-accent focus-visible:outline-none"
                  />
                  <span className="flex min-w-0 flex-col">
                    <span className="flex items-center gap-2 text-sm font-medium">
                      <OnlineStatusIndicator status={option.status} aria-hidden />
                      <span id={labelId}>{option.label}</span>
                    </span>
                    <span id={descriptionId} className="text-xs text-presence-muted">
                      {option.description}
                    </span>
                  </span>
                </label>
              )
            })}
          </div>
        </fieldset>

        <div className="flex min-w-0 flex-col gap-1.5">
          <div className="flex items-baseline justify-between gap-3">
            <label htmlFor={messageId} className="text-sm font-medium">
              Status message
            </label>
            <span
              id={counterId}
              data-slot="status-picker-counter"
              data-state={count.state}
              className={cn(
                'text-xs tabular-nums text-presence-muted',
                count.state !== 'ok' && 'font-semibold',
                count.state === 'over' && 'text-presence-danger',
              )}
            >
              <span aria-hidden>{`${count.length}/${STATUS_MESSAGE_MAX}`}</span>
              <span className="sr-only">{`${count.length} of ${STATUS_MESSAGE_MAX} characters`}</span>
            </span>
          </div>
          <div className="flex gap-2">
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
              className="min-w-0 flex-1 rounded-md border border-presence-muted/60 bg-presence-surface px-3 py-1.5 text-sm text-presence-fg placeholder:text-presence-muted focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-presence-accent aria-invalid:border-presence-danger"
            />
            <button
              type="button"
              data-slot="status-picker-clear"
              aria-label="Clear status message"
              disabled={message === ''}
              onClick={() => {
                edit({ message: '' })
                inputRef.current?.focus()
              }}
              className={cn(button, 'border border-presence-border text-presence-fg hover:bg-presence-border/40')}
            >
              Clear
            </button>
          </div>
          {/* Kept mounted, so that the warning is announced when it appears; its text does not change while typing. */}
          <p id={overId} aria-live="polite" className="text-xs text-presence-danger empty:hidden">
            {tooLong ? `Keep the message to ${STATUS_MESSAGE_MAX} characters.` : ''}
          </p>
        </div>
      </fieldset>

      {state === 'error' && (
        <p role="alert" data-slot="status-picker-error" className="text-sm text-presence-danger">
          Couldn't save your status: {errorText(error)}
        </p>
      )}

      <div className="flex items-center justify-end gap-3">
        <p role="status" data-slot="status-picker-saved" className="text-sm text-presence-muted">
          {state === 'saved' ? 'Status saved' : ''}
        </p>
        <button
          type="submit"
          data-slot="status-picker-save"
          aria-disabled={isPending || tooLong || !running || undefined}
          className={cn(button, 'bg-presence-accent text-presence-surface hover:bg-presence-accent/90')}
        >
          {isPending ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  )
}
