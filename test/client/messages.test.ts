import { describe, expect, it } from 'vitest'
import { parseServerMessage, type ServerMessage } from '../../src/client'
import * as seeds from './seed-fixtures'

describe('parseServerMessage', () => {
  it('seed 000’s old snapshot: bare ids are online users whose details are unknown', () => {
    expect(parseServerMessage(seeds.seed000SnapshotIds)).toEqual<ServerMessage>({
      type: 'snapshot',
      users: [
        { id: 'user_id_1', isOnline: true },
        { id: 'user_id_2', isOnline: true },
        { id: 'user_id_3', isOnline: true },
      ],
      detailed: false,
      issues: [],
    })
  })

  it('seed 000’s detailed snapshot: user objects without a status are online', () => {
    expect(parseServerMessage(seeds.seed000SnapshotDetailed)).toEqual<ServerMessage>({
      type: 'snapshot',
      users: [
        { id: 'user_id_1', username: 'john_doe', profileImage: 'https://example.com/profile.jpg', isOnline: true },
        { id: 'user_id_2', username: 'jane_smith', profileImage: 'https://example.com/profile2.jpg', isOnline: true },
      ],
      detailed: true,
      issues: [],
    })
  })

  it('the contract’s snapshot', () => {
    expect(parseServerMessage(seeds.contractSnapshot)).toEqual<ServerMessage>({
      type: 'snapshot',
      users: [
        { id: '2', username: 'jane_smith', profileImage: '...', status: 'online', isOnline: true, statusMessage: null },
      ],
      detailed: true,
      // The contract's placeholder "..." is no time: the user is kept, last seen unknown, and that is said.
      issues: ['user #0: last seen: not a time'],
    })
  })

  it('a snapshot keeps the good users and reports the bad ones', () => {
    const message = parseServerMessage({ type: 'online_users', onlineUsers: [{ id: 1, status: 'online' }, { username: 'x' }, null, 3] })
    expect(message).toMatchObject({
      type: 'snapshot',
      users: [{ id: '1', status: 'online' }],
      detailed: true,
      issues: ['user #1: no user id', 'user #2: a user record must be an object', 'user #3: a bare id in a list of user records'],
    })
  })

  it('the contract’s change', () => {
    expect(parseServerMessage(seeds.contractChange)).toEqual<ServerMessage>({
      type: 'change',
      user: { id: '2', username: 'jane_smith', profileImage: '...', status: 'away', isOnline: true, statusMessage: 'lunch' },
      issues: ['last seen: not a time'],
    })
  })

  it('seed 001’s flat changes, with dots or underscores in the type', () => {
    expect(parseServerMessage(seeds.seed001ChangeFlat)).toEqual<ServerMessage>({
      type: 'change',
      user: { id: '7', username: 'noah_wilson', isOnline: false, lastSeen: Date.parse('2024-01-15T10:30:00Z') },
    })
    expect(parseServerMessage(seeds.seed001ChangeChannels)).toEqual<ServerMessage>({
      type: 'change',
      user: { id: '7', status: 'online', isOnline: true },
    })
    expect(parseServerMessage({ type: 'user.status.changed', data: { id: 7, online_status: 'dnd' } })).toMatchObject({
      type: 'change',
      user: { id: '7', status: 'dnd' },
    })
  })

  it('pong with a time, and the contract’s placeholder time as null', () => {
    expect(parseServerMessage('{"type":"pong","ts":"2024-01-15T10:30:00.000Z"}')).toEqual({
      type: 'pong',
      ts: Date.parse('2024-01-15T10:30:00Z'),
    })
    expect(parseServerMessage(seeds.contractPong)).toEqual({ type: 'pong', ts: null })
  })

  it('error frames', () => {
    expect(parseServerMessage(seeds.contractError)).toEqual({ type: 'error', code: 'bad_message', message: '...' })
    expect(parseServerMessage('{"type":"error"}')).toEqual({ type: 'error', code: 'error', message: '' })
  })

  it.each([
    ['malformed JSON', '{"type":', 'malformed JSON'],
    ['a JSON array', '[1,2]', 'a frame must be a JSON object with a string "type"'],
    ['no type', '{"onlineUsers":[]}', 'a frame must be a JSON object with a string "type"'],
    ['an unknown type', '{"type":"chat.message"}', 'unknown frame type "chat.message"'],
    ['a snapshot without a list', '{"type":"online_users","onlineUsers":"all"}', 'online_users without a list of users'],
    ['a change without an id', '{"type":"user.status.changed","user":{"status":"online"}}', 'user.status.changed: no user id'],
    ['binary data', new ArrayBuffer(4), 'binary frames are not part of the protocol'],
    ['a typed array', new Uint8Array(2), 'binary frames are not part of the protocol'],
    ['null', null, 'a frame must be JSON text, got null'],
  ])('%s → invalid', (_label, frame, reason) => {
    expect(parseServerMessage(frame)).toEqual({ type: 'invalid', reason })
  })

  it('a hostile object does not make it throw', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom')
        },
      },
    )
    expect(parseServerMessage(hostile).type).toBe('invalid')
  })
})
