import { describe, expect, it } from 'vitest'
import { createCast } from '../../../mock-server/core/cast'

describe('the seeded cast', () => {
  it('has the seeds users at their ids, one admin, and varied states', () => {
    const { members } = createCast()
    expect(members.slice(0, 3).map((m) => [m.id, m.username])).toEqual([
      [1, 'ahmad'],
      [2, 'jane_smith'],
      [3, 'john_doe'],
    ])
    expect(members.filter((m) => m.isAdmin).map((m) => m.username)).toEqual(['admin'])
    expect(new Set(members.map((m) => m.mode))).toEqual(new Set(['auto', 'away', 'dnd', 'invisible']))
  })

  it('grows a deterministic crowd with distinct usernames, friendships and conversations', () => {
    const a = createCast({ extraUsers: 400 })
    expect(a).toEqual(createCast({ extraUsers: 400 }))
    expect(a.members).toHaveLength(425)
    expect(new Set(a.members.map((m) => m.username)).size).toBe(425)
    expect(new Set(a.members.map((m) => m.id)).size).toBe(425)
    for (const [x, y] of a.friendships) expect(x).not.toBe(y)
    expect(a.conversations.length).toBe(a.friendships.length)
  })
})
