'use client'

import { useRouter } from 'next/navigation'
import { ChatHeader, ConnectionBanner, OnlineUsers, StatusPicker, useMarkOffline } from 'presence-kit'
import { useAuth } from '@/lib/auth-context'
import { LoginForm } from './login-form'

// A client component: it passes event handlers (onBack, onUserClick, onClick) to the kit's components.
export function Messages({ peerId }: { peerId: number | null }) {
  const { user, logout } = useAuth()
  const { mutateAsync: markOffline } = useMarkOffline()
  const router = useRouter()
  if (!user) return <LoginForm />

  const signOut = async () => {
    try {
      await markOffline() // this tab's socket closes and the server marks you offline: peers see it at once
    } finally {
      await logout()
    }
  }
  return (
    <main className="messages">
      {/* Says so while the socket is down (reconnecting, with "Retry now") or the kit polls; nothing while live. */}
      <ConnectionBanner />
      <section>
        <p>
          Signed in as <strong>{user.username}</strong>{' '}
          <button type="button" onClick={signOut}>
            Log out
          </button>
        </p>
        {peerId ? <ChatHeader userId={peerId} onBack={() => router.push('/')} /> : <p>Pick someone who is online.</p>}
        {/* your messages */}
      </section>
      <aside>
        <StatusPicker />
        <OnlineUsers maxUsers={8} includeSelf title="Who's Online?" onUserClick={(other) => router.push(`/?with=${other.id}`)} />
      </aside>
    </main>
  )
}
