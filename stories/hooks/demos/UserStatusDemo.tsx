import { Avatar, OnlineStatusIndicator } from '../../../src/components'
import { useUserStatus } from '../../../src/hooks'
import { DemoCard, Readout, show, Timestamp } from './Readout'

export type UserStatusDemoProps = {
  /**
   * The user to follow: the hook's only argument, `useUserStatus(userId)`. In the mock: 1 ahmad, 2 jane_smith,
   * 3 john_doe (signed in), 4 maria_garcia, 5 li_wei, 6 olivia_brown, 10 sofia_rossi; an id nobody has is unknown.
   */
  userId: number
}

/** One user's presence from `useUserStatus`: the avatar with its live dot, and every field the hook returns. */
export function UserStatusDemo({ userId }: UserStatusDemoProps) {
  const { status, isOnline, lastSeen, statusMessage, user } = useUserStatus(userId)
  const name = user?.username ?? `User ${userId}`
  return (
    <DemoCard label={`useUserStatus(${userId})`}>
      <div className="pk:mb-3 pk:flex pk:items-center pk:gap-3">
        <Avatar src={user?.profileImage} name={name} alt="" indicator={<OnlineStatusIndicator status={status} badge />} />
        <span className="pk:font-semibold">{name}</span>
      </div>
      <Readout
        rows={[
          ['status', status],
          ['isOnline', show(isOnline)],
          ['statusMessage', show(statusMessage)],
          ['lastSeen', <Timestamp at={lastSeen} />],
          ['user', user ? `{ id: ${show(user.id)}, … }` : 'null'],
        ]}
      />
    </DemoCard>
  )
}
