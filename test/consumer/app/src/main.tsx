// A throwaway app that uses presence-kit as a team would: only the package's public entries.
import { StrictMode, useEffect, useState, type FormEvent } from 'react'
import { createRoot } from 'react-dom/client'
import {
  ChatHeader,
  ConnectionBanner,
  OnlineUsers,
  StatusPicker,
  useMarkOffline,
} from 'presence-kit'
import { API_URL, PresenceProvider } from './presence-provider'
import './app.css'
import './presence-kit.css'

const WATCH = new URLSearchParams(location.search).get('watch')

interface Session {
  access: string
  refresh: string
  user: { id: number; username: string }
}

const KEY = 'consumer-auth'
const readSession = (): Session | null => JSON.parse(localStorage.getItem(KEY) ?? 'null')

// The app's own auth provider: the presence provider sits inside it, and takes its token.
function useAuth() {
  const [session, setSession] = useState(readSession)
  useEffect(() => {
    const sync = () => setSession(readSession())
    window.addEventListener('storage', sync)
    return () => window.removeEventListener('storage', sync)
  }, [])
  const signIn = (next: Session) => {
    localStorage.setItem(KEY, JSON.stringify(next))
    setSession(next)
  }
  const signOut = () => {
    localStorage.removeItem(KEY)
    setSession(null)
  }
  return { session, signIn, signOut }
}

function Login({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [error, setError] = useState<string | null>(null)
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const response = await fetch(`${API_URL}/api/auth/login/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: form.get('username'), password: form.get('password') }),
    }).catch(() => null)
    // 401 is the user's mistake; no answer (the server is down or unreachable) or a failure is not.
    if (response?.status === 401) return setError('Wrong username or password')
    if (!response?.ok) return setError('Cannot sign in right now. Try again in a moment.')
    onSignedIn((await response.json()) as Session)
  }
  return (
    <form onSubmit={submit} aria-label="Sign in" className="flex max-w-xs flex-col gap-2 p-6">
      <label>
        Username <input name="username" className="border" />
      </label>
      <label>
        Password <input name="password" type="password" className="border" />
      </label>
      <button type="submit">Sign in</button>
      {error && <p role="alert">{error}</p>}
    </form>
  )
}

function SignedIn({ session, onSignedOut }: { session: Session; onSignedOut: () => void }) {
  const { mutateAsync: markOffline } = useMarkOffline()
  const logout = async () => {
    // The contract's logout order: this tab's socket closes, then mark-offline, then the session ends.
    await markOffline()
    await fetch(`${API_URL}/api/auth/logout/`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${session.access}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ refresh: session.refresh }),
    })
    onSignedOut()
  }
  return (
    <main className="grid gap-6 p-6 lg:grid-cols-4">
      <div className="flex flex-col gap-4 lg:col-span-3">
        <p>
          Signed in as <strong data-testid="me">{session.user.username}</strong>{' '}
          <button type="button" onClick={logout}>
            Log out
          </button>
        </p>
        <ConnectionBanner />
        {WATCH && (
          <div data-testid="watch">
            <ChatHeader userId={WATCH} />
          </div>
        )}
        <StatusPicker />
      </div>
      <div className="lg:col-span-1">
        <OnlineUsers maxUsers={30} includeSelf title="Who's Online?" />
      </div>
    </main>
  )
}

function App() {
  const { session, signIn, signOut } = useAuth()
  return (
    <PresenceProvider token={session?.access ?? null} onAuthError={signOut}>
      {session ? <SignedIn session={session} onSignedOut={signOut} /> : <Login onSignedIn={signIn} />}
    </PresenceProvider>
  )
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
