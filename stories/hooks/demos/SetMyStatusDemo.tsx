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
  'pk:rounded-md pk:border pk:border-presence-border pk:px-3 pk:py-1 pk:text-sm pk:hover:bg-presence-fg/10 pk:disabled:opacity-60 pk:focus-visible:outline-2 pk:focus-visible:outline-presence-accent'

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
        <fieldset className="pk:mb-3">
          <legend className="pk:mb-1 pk:text-sm pk:font-semibold">Mode</legend>
          {MODES.map(([value, label]) => (
            <label key={value} className="pk:flex pk:items-center pk:gap-2 pk:text-sm">
              <input type="radio" name="mode" value={value} checked={chosen === value} onChange={() => setMode(value)} />
              {label}
            </label>
          ))}
        </fieldset>
        <label htmlFor={messageId} className="pk:mb-1 pk:block pk:text-sm pk:font-semibold">
          Status message
        </label>
        <input
          id={messageId}
          dir="auto"
          value={message}
          onChange={(event) => setMessage(event.target.value)}
          className="pk:mb-3 pk:w-full pk:rounded-md pk:border pk:border-presence-border pk:bg-presence-surface pk:px-2 pk:py-1 pk:text-sm pk:text-presence-fg"
        />
        <button type="submit" disabled={isPending} className={buttonClass}>
          {isPending ? 'Saving…' : 'Save'}
        </button>
      </form>
      <p role="status" className="pk:mt-2 pk:text-sm">
        {saved && !isPending ? 'Status saved' : ''}
      </p>
      {error != null && (
        <p role="alert" className="pk:mt-2 pk:text-sm pk:text-presence-danger">
          {error instanceof Error ? error.message : String(error)}
        </p>
      )}
      <div className="pk:mt-3 pk:flex pk:items-start pk:gap-2">
        <OnlineStatusIndicator status={status} className="pk:mt-1" />
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
