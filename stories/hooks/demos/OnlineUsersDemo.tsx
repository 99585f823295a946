import { Avatar, OnlineStatusIndicator } from '../../../src/components'
import { useOnlineUsers } from '../../../src/hooks'
import { DemoCard } from './Readout'

export type OnlineUsersDemoProps = {
  /** The hook's `filter`: `friends` lists the signed-in user's friends only. Default `all`. */
  filter?: 'all' | 'friends'
  /** The hook's `includeSelf`: whether the signed-in user is listed too. Default `false`. */
  includeSelf?: boolean
  /** The hook's `limit`: at most this many users; `total` still counts them all ("+N more"). Default: no limit. */
  limit?: number
}

/** Who is online from `useOnlineUsers`: a count, the users sorted by name with their dots, and "+N more". */
export function OnlineUsersDemo({ filter = 'all', includeSelf = false, limit }: OnlineUsersDemoProps) {
  const { data, isPending: isLoading, error } = useOnlineUsers({ filter, includeSelf, limit })
  const { users, total } = data ?? { users: [], total: 0 }
  return (
    <DemoCard label="useOnlineUsers()">
      <p role="status" className="pk:mb-2 pk:font-semibold">
        {error ? "Couldn't load who is online." : isLoading ? 'Loading who is online…' : `${total} online`}
      </p>
      {!isLoading && total === 0 && !error && <p className="pk:text-sm pk:text-presence-muted">Nobody else is online.</p>}
      <ul aria-label="Online users" className="pk:flex pk:flex-col pk:gap-2">
        {users.map((user) => (
          <li key={user.id} className="pk:flex pk:items-center pk:gap-2 pk:text-sm">
            <Avatar
              size="sm"
              src={user.profileImage}
              name={user.username}
              alt=""
              indicator={<OnlineStatusIndicator status={user.status} size="sm" badge />}
            />
            <span>{user.username ?? `User ${user.id}`}</span>
            {user.statusMessage && <span className="pk:truncate pk:text-presence-muted">— {user.statusMessage}</span>}
          </li>
        ))}
        {total > users.length && <li className="pk:text-sm pk:text-presence-muted">+{total - users.length} more</li>}
      </ul>
    </DemoCard>
  )
}
