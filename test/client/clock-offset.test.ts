import { describe, expect, it } from 'vitest'
import { ClockOffsetEstimator } from '../../src/client'

describe('ClockOffsetEstimator', () => {
  it('offset = server time − midpoint of send and receive', () => {
    const estimator = new ClockOffsetEstimator()
    expect(estimator.offset).toBeNull()
    estimator.add({ sentAt: 1_000, receivedAt: 1_100, serverTime: 6_050 })
    expect(estimator.offset).toBe(5_000)
    expect(estimator.roundTrip).toBe(100)
  })

  it('trusts the sample with the shortest round trip', () => {
    const estimator = new ClockOffsetEstimator()
    estimator.add({ sentAt: 0, receivedAt: 1_000, serverTime: 900 }) // asymmetric, rtt 1000: offset 400
    estimator.add({ sentAt: 2_000, receivedAt: 2_020, serverTime: 2_010 }) // rtt 20: offset 0
    expect(estimator.offset).toBe(0)
  })

  it('forgets old samples and ignores impossible ones', () => {
    const estimator = new ClockOffsetEstimator(2)
    estimator.add({ sentAt: 0, receivedAt: 2, serverTime: 101 }) // offset 100, rtt 2: the best, until forgotten
    estimator.add({ sentAt: 10, receivedAt: 20, serverTime: 119 }) // offset 104, rtt 10
    expect(estimator.offset).toBe(100)
    estimator.add({ sentAt: 30, receivedAt: 40, serverTime: 138 }) // offset 103, rtt 10
    expect(estimator.offset).toBe(104)
    expect(estimator.add({ sentAt: 50, receivedAt: 40, serverTime: 0 })).toBe(false)
    expect(estimator.add({ sentAt: 50, receivedAt: 60, serverTime: Number.NaN })).toBe(false)
  })

  it('a jump of the server clock (the mock’s /__mock__/clock) replaces the estimate at once', () => {
    const estimator = new ClockOffsetEstimator()
    estimator.add({ sentAt: 0, receivedAt: 10, serverTime: 5 }) // offset 0, rtt 10
    estimator.add({ sentAt: 100, receivedAt: 150, serverTime: 3_600_125 }) // the clock moved an hour; rtt 50
    expect(estimator.offset).toBe(3_600_000)
    estimator.add({ sentAt: 200, receivedAt: 260, serverTime: 3_600_236 }) // consistent, but a longer round trip
    expect(estimator.offset).toBe(3_600_000)
  })
})
