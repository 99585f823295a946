import { useId, useState } from 'react'
import type { PresenceMode } from '../../../src'
import { OnlineStatusIndicator } from '../../../src/components'
import { useMyStatus, useSetMyStatus } from '../../../src/hooks'
import { DemoCard, Readout, show } from './Readout'

const MODES: Array<[PresenceMode, string]> = [
  ['auto', 'Online'],
  ['away', 'Away'],
  ['dnd', 'Do not disturb'],
  ['invisible', 'Invisible'],
]

export type SetMyStatusDemoProps = {
  /** The message field's text at first (the server takes at most 140 characters). Default: empty. */
  defaultMessage?: string
  /** Called with the change once `mutateAsync(change)` has resolved: the server has it and the store shows it. */
  onSaved?: (change: { mode: PresenceMode; statusMessage: string | null }) => void
}

const buttonClass =
  'rounded-md border border-presence-border px-3 py-1 text-sm hover:bg-presence-fg/10 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-presence-accent'

/**
 * `useSetMyStatus`: a mode and a message, saved with `mutateAsync({ mode, statusMessage })`; the current status comes
 * from `useMyStatus`. An empty message clears it (`null`).
 */
export function SetMyStatusDemo({ defaultMessage = '', onSaved }: SetMyStatusDemoProps) {
  const { mutateAsync, isPending, error } = useSetMyStatus()
  const { status, mode: currentMode, statusMessage } = useMyStatus()
  const [mode, setMode] = useState<PresenceMode | null>(null)
  const [message, setMessage] = useState(defaultMessage)
  const [saved, setSaved] = useState(false)
  const messageId = useId()
  const chosen = mode ?? currentMode ?? 'auto'

  const save = async () => {
    const change = { mode: chosen, statusMessage: message.trim() === '' ? null : message }
    setSaved(false)
    try {
      await mutateAsync(change)
    } catch {
      return // shown from `error`
    }
    setSaved(true)
    onSaved?.(change)
  }

  return (
    <DemoCard label="useSetMyStatus()">
      <form
        aria-label="Set my status"
        onSubmit={(event) => {
          event.preventDefault()
          void save()
        }}
      >
        <fieldset className="mb-3">
          <legend className="mb-1 text-sm font-semibold">Mode</legend>
          {MODES.map(([value, label]) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <input type="radio" name="mode" value={value} checked={chosen === value} onChange={() => setMode(value)} />
              {label}
            </label>
          ))}
        </fieldset>
        <label htmlFor={messageId} className="mb-1 block text-sm font-semibold">
          Status message
        </label>
        <input
          id={messageId}
          dir="auto"
          value={message}
          onChange={(event) => setMessage(event.target.value)}
          className="mb-3 w-full rounded-md border border-presence-border bg-presence-surface px-2 py-1 text-sm text-presence-fg"
        />
        <button type="submit" disabled={isPending} className={buttonClass}>
          {isPending ? 'Saving…' : 'Save'}
        </button>
      </form>
      <p role="status" className="mt-2 text-sm">
        {saved && !isPending ? 'Status saved' : ''}
      </p>
      {error != null && (
        <p role="alert" className="mt-2 text-sm text-presence-danger">
          {error instanceof Error ? error.message : String(error)}
        </p>
      )}
      <div className="mt-3 flex items-start gap-2">
        <OnlineStatusIndicator status={status} className="mt-1" />
        <Readout
          rows={[
            ['useMyStatus().status', status],
            ['useMyStatus().statusMessage', show(statusMessage)],
            ['isPending', show(isPending)],
          ]}
        />
      </div>
    </DemoCard>
  )
}
