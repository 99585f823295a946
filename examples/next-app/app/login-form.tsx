'use client'

import { useState, type FormEvent } from 'react'
import { useAuth } from '@/lib/auth-context'

export function LoginForm() {
  const { login } = useAuth()
  const [error, setError] = useState<string | null>(null)
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    try {
      const signedIn = await login(String(form.get('username')), String(form.get('password')))
      setError(signedIn ? null : 'Wrong username or password')
    } catch {
      // Not the user's fault: the server is down, unreachable or failing.
      setError('Cannot sign in right now. Try again in a moment.')
    }
  }
  return (
    <form onSubmit={submit} aria-label="Sign in" className="login">
      <label>
        Username <input name="username" autoComplete="username" required />
      </label>
      <label>
        Password <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <button type="submit">Sign in</button>
      {error && <p role="alert">{error}</p>}
    </form>
  )
}
