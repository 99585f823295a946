import { useEffect } from 'react'
import { OnlineStatusIndicator } from '../../../src/components'
import { useIsOnline, useUserStatus } from '../../../src/hooks'
import { DemoCard, Readout } from './Readout'

export type IsOnlineDemoProps = {
  /**
   * The user: the hook's only argument, `useIsOnline(userId)`. In the mock: 1 ahmad, 2 jane_smith, 4 maria_garcia
   * (online), 5 li_wei (away), 6 olivia_brown (busy), 10 sofia_rossi (invisible: offline to others).
   */
  userId: number
  /**
   * Called with the answer after every render of the component that calls the hook, to show that it re-renders only
   * when the answer changes (not when the user goes from online to away). Default none.
   */
  onRender?: (online: boolean) => void
}

function ActiveNow({ userId, onRender }: IsOnlineDemoProps) {
  const online = useIsOnline(userId)
  useEffect(() => onRender?.(online))
  return (
    <p data-slot="is-online" className="pk:flex pk:items-center pk:gap-2 pk:font-semibold">
      <OnlineStatusIndicator status={online ? 'online' : 'offline'} label="" aria-hidden />
      {online ? 'Active now' : 'Offline'}
    </p>
  )
}

// The full status beside it, from useUserStatus, so that the story shows what the boolean leaves out.
function FullStatus({ userId }: { userId: number }) {
  const { status, user } = useUserStatus(userId)
  return <Readout rows={[['user', user?.username ?? `User ${userId}`], ['useUserStatus().status', status]]} />
}

/** `useIsOnline`: a chat header's "Active now", beside the user's full status for comparison. */
export function IsOnlineDemo({ userId, onRender }: IsOnlineDemoProps) {
  return (
    <DemoCard label={`useIsOnline(${userId})`}>
      <ActiveNow userId={userId} onRender={onRender} />
      <div className="pk:mt-3">
        <FullStatus userId={userId} />
      </div>
    </DemoCard>
  )
}
