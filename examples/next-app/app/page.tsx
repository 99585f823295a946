import { Messages } from './messages'

// A Server Component: `/?with=2` opens the chat with user 2.
export default async function MessagesPage({ searchParams }: { searchParams: Promise<{ with?: string }> }) {
  const peerId = Number((await searchParams).with) || null
  return <Messages peerId={peerId} />
}
