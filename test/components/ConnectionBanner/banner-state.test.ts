import { describe, expect, it } from 'vitest'
import { bannerState, bannerText, secondsUntil, type BannerInput } from '../../../src/components/ConnectionBanner/banner-state'

const input = (patch: Partial<BannerInput>): BannerInput => ({
  lifecycle: 'running',
  state: 'open',
  transport: 'socket',
  authError: false,
  ...patch,
})

describe('bannerState', () => {
  it('hides while live over the socket, while signed out on purpose, and during the first connection', () => {
    expect(bannerState(input({}))).toBe('hidden')
    expect(bannerState(input({ lifecycle: 'stopped', state: 'idle', transport: 'none' }))).toBe('hidden')
    expect(bannerState(input({ lifecycle: 'offline', state: 'closed', transport: 'none' }))).toBe('hidden')
    expect(bannerState(input({ state: 'idle', transport: 'none' }))).toBe('hidden')
    expect(bannerState(input({ state: 'connecting', transport: 'none' }))).toBe('hidden')
  })

  it('shows the reconnect banner after a drop or a refusal', () => {
    expect(bannerState(input({ state: 'reconnecting', transport: 'none' }))).toBe('reconnecting')
  })

  it('shows the polling notice while polling, unless asked not to', () => {
    expect(bannerState(input({ state: 'reconnecting', transport: 'polling' }))).toBe('polling')
    expect(bannerState(input({ state: 'idle', transport: 'polling' }))).toBe('polling')
    expect(bannerState(input({ state: 'idle', transport: 'polling' }), { hideWhenPolling: true })).toBe('hidden')
    expect(bannerState(input({ state: 'reconnecting', transport: 'polling' }), { hideWhenPolling: true })).toBe('hidden')
  })

  it('says signed out once the token is refused, unless a socket is still open', () => {
    expect(bannerState(input({ state: 'unauthorized', transport: 'none' }))).toBe('unauthorized')
    expect(bannerState(input({ state: 'idle', transport: 'none', authError: true }))).toBe('unauthorized')
    expect(bannerState(input({ state: 'reconnecting', transport: 'polling', authError: true }))).toBe('unauthorized')
    // An open socket outlives its token's expiry: presence is still live.
    expect(bannerState(input({ authError: true }))).toBe('hidden')
  })
})

describe('secondsUntil', () => {
  it('rounds up to whole seconds and never goes below zero', () => {
    const now = 1_000_000
    expect(secondsUntil(now + 8_000, now)).toBe(8)
    expect(secondsUntil(now + 7_992, now)).toBe(8)
    expect(secondsUntil(now + 7_000, now)).toBe(7)
    expect(secondsUntil(now + 1, now)).toBe(1)
    expect(secondsUntil(now, now)).toBe(0)
    expect(secondsUntil(now - 5_000, now)).toBe(0)
  })
})

describe('bannerText', () => {
  it('words each state; the countdown is apart from the announced message', () => {
    expect(bannerText('hidden')).toEqual({ message: '', detail: null })
    expect(bannerText('reconnecting', { seconds: 8 })).toEqual({ message: 'Reconnecting…', detail: 'next attempt in 8 s' })
    expect(bannerText('reconnecting', { seconds: 0 })).toEqual({ message: 'Reconnecting…', detail: null })
    expect(bannerText('reconnecting')).toEqual({ message: 'Reconnecting…', detail: null })
    expect(bannerText('polling', { pollSeconds: 10 })).toEqual({ message: 'Live updates paused — refreshing every 10 s', detail: null })
    expect(bannerText('polling', { pollSeconds: 30 }).message).toBe('Live updates paused — refreshing every 30 s')
    expect(bannerText('unauthorized')).toEqual({ message: 'Signed out: presence paused', detail: null })
  })
})
