import { UserStatusProvider } from 'presence-kit'
import type { ReactNode } from 'react'

/** Your backend: `VITE_API_URL` from the environment or `.env` at build time; by default the kit's mock server. */
export const API_URL: string = import.meta.env.VITE_API_URL ?? 'http://127.0.0.1:8000'

interface PresenceProviderProps {
  /** Your auth's access token; `null` while signed out. */
  token: string | null
  /** Called when the backend refuses the token: renew it, or sign out. */
  onAuthError: () => void
  children: ReactNode
}

// The same provider as in the Next.js example, without 'use client': a Vite app renders in the browser only.
export function PresenceProvider({ token, onAuthError, children }: PresenceProviderProps) {
  return (
    <UserStatusProvider token={token} apiBaseUrl={API_URL} onAuthError={onAuthError}>
      {children}
    </UserStatusProvider>
  )
}
