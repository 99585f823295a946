import { useState } from 'react'
import {
  useHasPresenceProvider,
  useIsOnlineMany,
  usePageVisible,
  usePresenceSession,
  useRelativeTime,
  useServerClock,
} from '../../../src/hooks'
import { DemoCard, Readout, show, Timestamp } from './Readout'

/** `usePresenceSession`: whether presence runs, who is signed in, whether the first list is in, and auth errors. */
export function PresenceSessionDemo() {
  const { lifecycle, userId, synced, authError } = usePresenceSession()
  return (
    <DemoCard label="usePresenceSession()">
      <Readout
        rows={[
          ['lifecycle', lifecycle],
          ['userId', show(userId)],
          ['synced', show(synced)],
          ['authError', authError == null ? 'null' : authError instanceof Error ? authError.message : String(authError)],
        ]}
      />
    </DemoCard>
  )
}

/** `useServerClock`: the offset measured from the socket's pongs, and the server's time. */
export function ServerClockDemo() {
  const { offset, now } = useServerClock()
  return (
    <DemoCard label="useServerClock()">
      <Readout
        rows={[
          ['offset', offset],
          ['now() at render', <Timestamp at={now()} />],
        ]}
      />
    </DemoCard>
  )
}

export type RelativeTimeDemoProps = {
  /** How long ago the time is, when the story mounts (the hook's `at` is that moment on the server's clock). Default 5. */
  minutesAgo?: number
  /** The hook's `locale`, a BCP 47 tag. Default the runtime's. */
  locale?: string
}

/** `useRelativeTime(at)`: "5 minutes ago" for any time on the server's clock, kept current. */
export function RelativeTimeDemo({ minutesAgo = 5, locale }: RelativeTimeDemoProps) {
  const [at] = useState(() => Date.now() - minutesAgo * 60_000)
  const text = useRelativeTime(at, { locale })
  return (
    <DemoCard label="useRelativeTime(at)">
      <Readout rows={[['at', <Timestamp at={at} />], ['text', show(text)]]} />
    </DemoCard>
  )
}

export type IsOnlineManyDemoProps = {
  /** The users, in order: the hook's only argument. In the mock: 2 jane_smith (offline), 4 maria_garcia, 5 li_wei (away); 99 is nobody. */
  userIds?: number[]
}

const DEFAULT_IDS = [2, 4, 5, 99]

/** `useIsOnlineMany(userIds)`: one answer per user, `null` for a user the kit has not heard of. */
export function IsOnlineManyDemo({ userIds = DEFAULT_IDS }: IsOnlineManyDemoProps) {
  const online = useIsOnlineMany(userIds)
  return (
    <DemoCard label={`useIsOnlineMany([${userIds.join(', ')}])`}>
      <Readout rows={userIds.map((id, i) => [`user ${id}`, show(online[i])] as const)} />
    </DemoCard>
  )
}

/** `usePageVisible`: whether the page is visible, as the provider sees it. */
export function PageVisibleDemo() {
  return (
    <DemoCard label="usePageVisible()">
      <Readout rows={[['visible', show(usePageVisible())]]} />
    </DemoCard>
  )
}

/** `useHasPresenceProvider`: whether a `<UserStatusProvider>` is above; never throws. */
export function HasPresenceProviderDemo() {
  return (
    <DemoCard label="useHasPresenceProvider()">
      <Readout rows={[['inside a provider', show(useHasPresenceProvider())]]} />
    </DemoCard>
  )
}
