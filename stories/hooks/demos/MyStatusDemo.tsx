import { Avatar, OnlineStatusIndicator } from '../../../src/components'
import { useMyStatus } from '../../../src/hooks'
import { DemoCard, Readout, show } from './Readout'

export type MyStatusDemoProps = {
  /**
   * Shown in the chip when the signed-in user has no status message. The hook takes no options: it reads the
   * signed-in user of the provider. Default "Set a status".
   */
  emptyMessage?: string
}

/** The signed-in user's own status chip from `useMyStatus`, and every field the hook returns. */
export function MyStatusDemo({ emptyMessage = 'Set a status' }: MyStatusDemoProps) {
  const { status, mode, statusMessage, user } = useMyStatus()
  const name = user?.username ?? 'Me'
  return (
    <DemoCard label="useMyStatus()">
      <p data-slot="my-status-chip" className="pk:mb-3 pk:flex pk:items-center pk:gap-2">
        <Avatar size="sm" src={user?.profileImage} name={name} alt="" indicator={<OnlineStatusIndicator status={status} size="sm" badge />} />
        <span className="pk:font-semibold">{name}</span>
        <span className="pk:truncate pk:text-sm pk:text-presence-muted">{statusMessage ?? emptyMessage}</span>
      </p>
      <Readout
        rows={[
          ['status', status],
          ['mode', show(mode)],
          ['statusMessage', show(statusMessage)],
          ['user', user ? `{ id: ${show(user.id)}, username: ${show(user.username)}, … }` : 'null'],
        ]}
      />
    </DemoCard>
  )
}
