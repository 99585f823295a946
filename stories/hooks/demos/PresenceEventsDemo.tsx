import { useState } from 'react'
import type { Presence } from '../../../src'
import { usePresenceEvents } from '../../../src/hooks'
import { DemoCard } from './Readout'

export type PresenceEventsDemoProps = {
  /** The hook's `userIds`: only these users. Default: everyone but the signed-in user. */
  userIds?: number[]
  /** The hook's `onOnline`: someone went from offline to online (online, away or busy). The demo logs it too. */
  onOnline?: (user: Presence) => void
  /** The hook's `onOffline`: someone went from online to offline. The demo logs it too. */
  onOffline?: (user: Presence) => void
}

interface Line {
  key: number
  text: string
}

let nextKey = 0

/** `usePresenceEvents`: a log of who came online and who went offline, as it happens. */
export function PresenceEventsDemo({ userIds, onOnline, onOffline }: PresenceEventsDemoProps) {
  const [lines, setLines] = useState<Line[]>([])
  const log = (text: string) => setLines((previous) => [{ key: ++nextKey, text }, ...previous].slice(0, 20))
  usePresenceEvents({
    userIds,
    onOnline: (user) => {
      log(`${user.username ?? `User ${user.id}`} came online`)
      onOnline?.(user)
    },
    onOffline: (user) => {
      log(`${user.username ?? `User ${user.id}`} went offline`)
      onOffline?.(user)
    },
  })
  return (
    <DemoCard label={userIds ? `usePresenceEvents({ userIds: [${userIds.join(', ')}] })` : 'usePresenceEvents()'}>
      <div role="log" aria-label="Presence events" className="pk:min-h-24 pk:text-sm">
        {lines.length === 0 && <p className="pk:text-presence-muted">Nothing yet: nobody came or went.</p>}
        <ol className="pk:flex pk:flex-col pk:gap-1">
          {lines.map((line) => (
            <li key={line.key}>{line.text}</li>
          ))}
        </ol>
      </div>
    </DemoCard>
  )
}
