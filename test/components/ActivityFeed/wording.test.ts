import { describe, expect, it } from 'vitest'
import { describeActivity } from '../../../src/components/ActivityFeed/wording'
import { activityKeys } from '../../../src/components/ActivityFeed/wording'

const entry = (id: string, username: string | null, event: 'online' | 'offline' | 'away' | 'dnd', at = 1_700_000_000_000) => ({
  user: { id, username },
  event,
  at,
})

describe('activity wording', () => {
  it('says what happened, dnd as busy', () => {
    expect(describeActivity(entry('2', 'jane_smith', 'online'))).toBe('jane_smith came online')
    expect(describeActivity(entry('2', 'jane_smith', 'away'))).toBe('jane_smith went away')
    expect(describeActivity(entry('2', 'jane_smith', 'dnd'))).toBe('jane_smith is busy')
    expect(describeActivity(entry('2', 'jane_smith', 'offline'))).toBe('jane_smith went offline')
    expect(describeActivity(entry('9', null, 'online'))).toBe('User 9 came online')
  })

  it('gives every entry a distinct, stable key, even an exact repeat', () => {
    const entries = [entry('2', 'a', 'online', 3), entry('2', 'a', 'online', 3), entry('3', 'b', 'online', 3), entry('2', 'a', 'offline', 3)]
    const keys = activityKeys(entries)
    expect(new Set(keys).size).toBe(4)
    expect(keys).toEqual(['3:2:online', '3:2:online:1', '3:3:online', '3:2:offline'])
    expect(activityKeys(entries)).toEqual(keys)
  })
})
