import { Avatar, OnlineStatusIndicator } from '../../../src/components'
import { useLastSeen, useUserStatus } from '../../../src/hooks'
import { DemoCard, Readout, show } from './Readout'

export type LastSeenDemoProps = {
  /**
   * The user: `useLastSeen(userId)`. The text is `null` while the user is online, and for a user the kit has not
   * heard of (the list of who is online names only online users). In the mock: 2 jane_smith, 4 maria_garcia
   * (online), 5 li_wei (away).
   */
  userId: number
  /** The hook's `locale`, a BCP 47 tag for `Intl.RelativeTimeFormat` ("fr", "de", "ar"). Default: the runtime's. */
  locale?: string
}

/** "Last seen 5 minutes ago" from `useLastSeen`, kept current on the server's clock. */
export function LastSeenDemo({ userId, locale }: LastSeenDemoProps) {
  const text = useLastSeen(userId, { locale })
  const { user, status } = useUserStatus(userId)
  const name = user?.username ?? `User ${userId}`
  return (
    <DemoCard label={`useLastSeen(${userId}${locale ? `, { locale: "${locale}" }` : ''})`}>
      <div className="pk:mb-3 pk:flex pk:items-center pk:gap-3">
        <Avatar src={user?.profileImage} name={name} alt="" indicator={<OnlineStatusIndicator status={status} badge />} />
        <div className="pk:min-w-0">
          <p className="pk:font-semibold">{name}</p>
          <p data-slot="last-seen" className="pk:text-sm pk:text-presence-muted">
            {text ? (
              <>
                Last seen <span lang={locale}>{text}</span>
              </>
            ) : status === 'offline' ? (
              'Offline'
            ) : (
              'Online'
            )}
          </p>
        </div>
      </div>
      <Readout rows={[['returned', show(text)]]} />
    </DemoCard>
  )
}
