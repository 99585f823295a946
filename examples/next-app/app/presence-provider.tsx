'use client'

import { UserStatusProvider } from 'presence-kit'
import type { ReactNode } from 'react'
import { API_URL, useAuth } from '@/lib/auth-context'

// The kit's provider needs the user's token, so it sits inside the auth provider, in a client component of its own.
export function PresenceProvider({ children }: { children: ReactNode }) {
  const { accessToken, refresh } = useAuth()
  return (
    <UserStatusProvider token={accessToken} apiBaseUrl={API_URL} onAuthError={() => void refresh()}>
      {children}
    </UserStatusProvider>
  )
}
