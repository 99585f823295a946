import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import 'presence-kit/styles.css'
import './globals.css'
import { AuthProvider } from '@/lib/auth-context'
import { PresenceProvider } from './presence-provider'

export const metadata: Metadata = { title: 'Messages' }

// A Server Component: it renders the two client providers around every page.
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <AuthProvider>
          <PresenceProvider>{children}</PresenceProvider>
        </AuthProvider>
      </body>
    </html>
  )
}
