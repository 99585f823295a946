'use client'
// A client component: the languages' messages with values are functions, which a Server Component cannot pass.

import { ar, OnlineUsers, UserStatusProvider, type MessagesOverride } from '../../src'
import type { ReactNode } from 'react'

// Arabic words, and Arabic numbers, plurals, times and dates from Intl; the page sets the direction: <html dir="rtl">.
export function ArabicPresence({ token, children }: { token: string | null; children: ReactNode }) {
  return (
    <UserStatusProvider token={token} locale="ar" messages={ar}>
      {children}
    </UserStatusProvider>
  )
}

// English with one string replaced: a constant, not a new object each render.
const teamWords = { onlineUsers: { title: 'Your team' } } satisfies MessagesOverride

export function TeamCard({ token }: { token: string | null }) {
  return (
    <UserStatusProvider token={token} messages={teamWords}>
      <OnlineUsers />
    </UserStatusProvider>
  )
}
