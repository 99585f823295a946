import { useFriendIds, useOnlineUsers } from '../../../src/hooks'
import { DemoCard, Readout, show } from './Readout'

export type FriendIdsDemoProps = {
  /** The hook's `enabled`: `false` asks nothing (`data` stays `undefined`). Default `true`. */
  enabled?: boolean
}

/** `useFriendIds`: who is online, each marked "Friend" when the signed-in user's friend (`data.has(id)`). */
export function FriendIdsDemo({ enabled = true }: FriendIdsDemoProps) {
  const { data: friendIds, isPending, error } = useFriendIds({ enabled })
  const users = useOnlineUsers().data?.users ?? []
  return (
    <DemoCard label={`useFriendIds(${enabled ? '' : '{ enabled: false }'})`}>
      <Readout
        rows={[
          ['isPending', show(isPending)],
          ['data', friendIds ? `Set(${friendIds.size})` : 'undefined'],
          ['error', error == null ? 'null' : error instanceof Error ? error.message : String(error)],
        ]}
      />
      <ul aria-label="Online users" className="pk:mt-3 pk:flex pk:flex-col pk:gap-1 pk:text-sm">
        {users.map((user) => (
          <li key={user.id} className="pk:flex pk:items-center pk:justify-between pk:gap-2">
            <span>{user.username ?? `User ${user.id}`}</span>
            {friendIds?.has(user.id) && <span className="pk:rounded-full pk:border pk:border-presence-border pk:px-2 pk:text-xs pk:font-semibold">Friend</span>}
          </li>
        ))}
      </ul>
    </DemoCard>
  )
}
