import type { ReactNode } from 'react'
import { useOnlineUsers } from '../../../src/hooks'

/** What a hook returned, as a definition list: one term per field, its value in code type. */
export function Readout({
  rows,
}: {
  /** One `[name, value]` pair per field, in order. */
  rows: ReadonlyArray<readonly [name: string, value: ReactNode]>
}) {
  return (
    <dl className="pk:grid pk:grid-cols-[auto_1fr] pk:gap-x-4 pk:gap-y-1 pk:text-sm">
      {rows.map(([name, value]) => (
        <div key={name} className="pk:contents">
          <dt className="pk:font-mono pk:text-presence-muted">{name}</dt>
          <dd className="pk:min-w-0 pk:font-mono pk:break-words pk:text-presence-fg">{value}</dd>
        </div>
      ))}
    </dl>
  )
}

/** A value for the readout: `null` and `undefined` spelled out, strings quoted, the rest as JSON. */
export function show(value: unknown): string {
  if (value === undefined) return 'undefined'
  if (typeof value === 'string') return JSON.stringify(value)
  return JSON.stringify(value) ?? String(value)
}

/** An epoch-ms time as a `<time>`, or `null`. */
export function Timestamp({
  at,
}: {
  /** Epoch ms, or `null` (shown as "null"). */
  at: number | null
}) {
  if (at === null) return <>null</>
  const date = new Date(at)
  return (
    <time dateTime={date.toISOString()} title={String(at)}>
      {date.toLocaleTimeString('en-GB')}
    </time>
  )
}

/** A card around a demo, named by its hook call, e.g. `useUserStatus(2)`. */
export function DemoCard({
  label,
  children,
}: {
  /** The card's accessible name and caption: the hook call it shows. */
  label: string
  children: ReactNode
}) {
  return (
    <section aria-label={label} className="pk:w-80 pk:max-w-full pk:rounded-lg pk:border pk:border-presence-border pk:bg-presence-surface pk:p-4 pk:text-presence-fg">
      <p className="pk:mb-3 pk:font-mono pk:text-xs pk:text-presence-muted">{label}</p>
      {children}
    </section>
  )
}

/**
 * Says when the provider has its first list of who is online. A change before it is part of that list, not a
 * change: play functions wait for "Live" before they drive the mock.
 */
export function LiveHint() {
  const { data, isPending } = useOnlineUsers()
  return (
    <p data-slot="live-hint" className="pk:mt-3 pk:text-xs pk:text-presence-muted">
      {isPending ? 'Connecting…' : `Live: ${data?.total ?? 0} others online`}
    </p>
  )
}
