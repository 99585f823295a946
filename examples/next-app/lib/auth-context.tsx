'use client'

import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react'

/** Your backend; here the kit's mock server (`npx presence-kit mock-server --port 8000`). */
export const API_URL = process.env.NEXT_PUBLIC_API_URL ?? 'http://127.0.0.1:8000'

export interface User {
  id: number
  username: string
}

export interface Auth {
  user: User | null
  accessToken: string | null
  refreshToken: string | null
  /** `POST /api/auth/login/`: false on wrong credentials; throws when the server cannot be reached or fails. */
  login(username: string, password: string): Promise<boolean>
  /** `POST /api/auth/logout/`, then forgets the session. */
  logout(): Promise<void>
  /** `POST /api/auth/refresh/`: a new access token, or signed out when the refresh token is no longer valid. */
  refresh(): Promise<void>
}

interface Session {
  access: string
  refresh: string
  user: User
}

// The session lives in localStorage: every tab shares it, and hears when another tab signs in or out.
const KEY = 'presence-example-session'
const listeners = new Set<() => void>()

function subscribe(onChange: () => void) {
  listeners.add(onChange)
  window.addEventListener('storage', onChange)
  return () => {
    listeners.delete(onChange)
    window.removeEventListener('storage', onChange)
  }
}

function save(session: Session | null) {
  if (session) localStorage.setItem(KEY, JSON.stringify(session))
  else localStorage.removeItem(KEY)
  for (const listener of listeners) listener()
}

/** A server's answer other than 2xx; a server that cannot be reached is fetch's own TypeError. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    path: string,
  ) {
    super(`${path} answered ${status}`)
  }
}

async function post<T>(path: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(`${API_URL}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new HttpError(response.status, path)
  return (await response.json()) as T
}

const AuthContext = createContext<Auth | null>(null)

export function AuthProvider({ children }: { children: ReactNode }) {
  // On the server, and while hydrating, nobody is signed in; then the stored session, if any.
  const stored = useSyncExternalStore(subscribe, () => localStorage.getItem(KEY), () => null)
  const auth = useMemo<Auth>(() => {
    const session = stored ? (JSON.parse(stored) as Session) : null
    return {
      user: session?.user ?? null,
      accessToken: session?.access ?? null,
      refreshToken: session?.refresh ?? null,
      login: async (username, password) => {
        try {
          save(await post<Session>('/api/auth/login/', { username, password }))
          return true
        } catch (error) {
          if (error instanceof HttpError && error.status === 401) return false
          throw error
        }
      },
      logout: async () => {
        // Signed out here even when the server cannot be reached: the tokens expire there on their own.
        if (session) await post('/api/auth/logout/', { refresh: session.refresh }, session.access).catch(() => {})
        save(null)
      },
      refresh: async () => {
        if (!session) return
        try {
          const { access } = await post<{ access: string }>('/api/auth/refresh/', { refresh: session.refresh })
          save({ ...session, access })
        } catch {
          save(null)
        }
      },
    }
  }, [stored])
  return <AuthContext value={auth}>{children}</AuthContext>
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext)
  if (!auth) throw new Error('useAuth must be used inside <AuthProvider>')
  return auth
}
