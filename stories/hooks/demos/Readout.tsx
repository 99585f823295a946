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
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      {rows.map(([name, value]) => (
        <div key={name} className="contents">
          <dt className="font-mono text-presence-muted">{name}</dt>
          <dd className="min-w-0 font-mono break-words text-presence-fg">{value}</dd>
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
    <section aria-label={label} className="w-80 max-w-full rounded-lg border border-presence-border bg-presence-surface p-4 text-presence-fg">
      <p className="mb-3 font-mono text-xs text-presence-muted">{label}</p>
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
    <p data-slot="live-hint" className="mt-3 text-xs text-presence-muted">
      {isPending ? 'Connecting…' : `Live: ${data?.total ?? 0} others online`}
    </p>
  )
}
