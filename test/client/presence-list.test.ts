import { describe, expect, it } from 'vitest'
import { parsePresenceList } from '../../src/client'
import { readOnlineUsers } from '../../src/client/responses'

const ALICE = { id: 1, username: 'alice', profile_image: null, is_online: true, last_seen: '2024-01-15T10:30:00Z' }
const BOB = { id: 2, username: 'bob', profile_image: null, is_online: true, last_seen: '2024-01-15T10:31:00Z' }

describe('parsePresenceList: a list of user records takes user records only', () => {
  it('user-status-socket’s GET /api/users/online/ ([{id, username, …}]): a bare id or string in it is a bad record, reported and dropped', () => {
    const result = readOnlineUsers([ALICE, 7, 'user_id_9', BOB])
    expect(result.ok && result.value.users.map((user) => user.id)).toEqual(['1', '2'])
    expect(result.ok && result.value.detailed).toBe(true)
    expect(result.ok && result.issues).toEqual(['user #1: a bare id in a list of user records', 'user #2: a bare id in a list of user records'])
  })

  it('a list of ids alone is still a list of ids (seed 000’s old snapshot, chat-polling’s online_users)', () => {
    expect(parsePresenceList(['user_id_1', 2])).toEqual({
      users: [
        { id: 'user_id_1', isOnline: true },
        { id: '2', isOnline: true },
      ],
      detailed: false,
      issues: [],
    })
  })
})
