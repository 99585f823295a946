import type { ReactNode } from 'react'
import { UserStatusProvider } from '../../src'
import { BASE_URL } from '../client/mock-backend'
import { Capture } from './presence-harness'

/** A wrapper: the provider against the mock backend behind MSW, signed in with `token`. */
export const mswProvider = (token: string) =>
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <UserStatusProvider token={token} apiBaseUrl={BASE_URL}>
        <Capture />
        {children}
      </UserStatusProvider>
    )
  }
