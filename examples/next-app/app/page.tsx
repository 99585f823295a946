import { Suspense } from 'react'
import { Messages } from './messages'

// Server Components: `/?with=2` opens the chat with user 2. The search params are request data, read inside
// <Suspense> (Next.js's Cache Components prerender the rest of the page).
export default function MessagesPage({ searchParams }: { searchParams: Promise<{ with?: string }> }) {
  return (
    <Suspense fallback={null}>
      <MessagesFor searchParams={searchParams} />
    </Suspense>
  )
}

async function MessagesFor({ searchParams }: { searchParams: Promise<{ with?: string }> }) {
  const peerId = Number((await searchParams).with) || null
  return <Messages peerId={peerId} />
}
