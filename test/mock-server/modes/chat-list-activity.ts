import { describe, expect, it } from 'vitest'
import { advance, call, get, login, type Driver, type Json, type MakeDriver, type Session } from '../contract/driver'
import { commonBackendTests } from './common'
import { noFrame } from './frames'
import { control, controlled, expectError, freshBackend, sortedKeys } from './helpers'

const DAY = 86_400

/** Whether `viewer` sees `peer` online in their chat list (the two must have a conversation). */
async function peerOnline(d: Driver, viewer: Session, peer: number): Promise<boolean> {
  const list = await get(d, viewer.access, '/api/chat/conversations/')
  const conversation = list.find((c: Json) => c.other_user.id === peer)
  expect(conversation, `a conversation with user ${peer}`).toBeDefined()
  return conversation.other_user.is_online
}

export function chatListActivitySuite(transport: string, makeDriver: MakeDriver) {
  describe(`backend chat-list-activity (every request is activity, is_online in the chat list): ${transport}`, () => {
    const driver = freshBackend(makeDriver, 'chat-list-activity', noFrame)

    commonBackendTests(
      {
        backend: 'chat-list-activity',
        routes: ['POST /api/auth/login/', 'POST /api/auth/refresh/', 'POST /api/auth/logout/', 'GET /api/chat/conversations/', 'GET /avatars/{id}.svg'],
        sockets: [],
        statuses: ['online', 'offline'],
      },
      driver,
    )

    it('GET /api/chat/conversations/: [{id, other_user: {id, username, profile_image, is_online}, last_message, unread_count}]', async () => {
      const d = driver()
      const u = await login(d, 'john_doe')
      const list = await get(d, u.access, '/api/chat/conversations/')
      expect(list.length).toBeGreaterThan(0)
      for (const c of list) {
        expect(sortedKeys(c)).toEqual(['id', 'last_message', 'other_user', 'unread_count'])
        expect(sortedKeys(c.other_user)).toEqual(['id', 'is_online', 'profile_image', 'username'])
        expect(c).toMatchObject({ id: expect.any(Number), unread_count: expect.any(Number) })
        expect(c.other_user).toMatchObject({ id: expect.any(Number), username: expect.any(String), is_online: expect.any(Boolean) })
        expect(c.other_user.id).not.toBe(u.user.id)
        expect(c.other_user.profile_image).toMatch(/^https?:\/\//)
        if (c.last_message !== null) {
          expect(sortedKeys(c.last_message)).toEqual(['sender_id', 'sent_at', 'text'])
          expect(c.last_message).toMatchObject({ text: expect.any(String), sender_id: expect.any(Number) })
        }
      }
    })

    it('every authenticated request is activity: a login alone is not, any request then is', async () => {
      const d = driver()
      const w = await login(d, 'jane_smith')
      const u = await login(d, 'john_doe')
      expect(await peerOnline(d, w, u.user.id)).toBe(false)
      const refreshed = await d.fetch('/api/auth/refresh/', { method: 'POST', json: { refresh: u.refresh } })
      expect(refreshed.status).toBe(200) // public: no bearer, not activity either
      expect(await peerOnline(d, w, u.user.id)).toBe(false)
      await get(d, u.access, '/api/chat/conversations/')
      expect(await peerOnline(d, w, u.user.id)).toBe(true)
      expect(await peerOnline(d, u, w.user.id)).toBe(true) // the viewer's own requests count for them too
    })

    it('is_online is last activity within 5 minutes, whole duration', async () => {
      const d = driver()
      const w = await login(d, 'jane_smith')
      const u = await login(d, 'john_doe')
      await get(d, u.access, '/api/chat/conversations/')
      await advance(d, 299)
      expect(await peerOnline(d, w, u.user.id)).toBe(true)
      await advance(d, 1)
      expect(await peerOnline(d, w, u.user.id)).toBe(false)
      const again = await login(d, 'john_doe')
      await get(d, again.access, '/api/chat/conversations/')
      await advance(d, DAY + 10)
      const later = await login(d, 'jane_smith')
      expect(await peerOnline(d, later, u.user.id)).toBe(false)
    })

    it('logout revokes the tokens and ends nothing sooner: online until 5 minutes after the last request', async () => {
      const d = driver()
      const w = await login(d, 'jane_smith')
      const u = await login(d, 'john_doe')
      await get(d, u.access, '/api/chat/conversations/')
      await advance(d, 100)
      expect(await call(d, u.access, 'POST', '/api/auth/logout/', {})).toEqual({ success: true })
      expectError(await d.fetch('/api/chat/conversations/', { token: u.access }), 401, 'unauthorized')
      expect(await peerOnline(d, w, u.user.id)).toBe(true)
      await advance(d, 299) // the logout request itself was the last activity
      expect(await peerOnline(d, w, u.user.id)).toBe(true)
      await advance(d, 1)
      expect(await peerOnline(d, w, u.user.id)).toBe(false)
    })

    it('the controls: online is a request (300 s), offline ends it at once; away is a 400', async () => {
      const d = driver()
      const w = await login(d, 'jane_smith')
      await controlled(d, 3, 'online')
      expect(await peerOnline(d, w, 3)).toBe(true)
      await controlled(d, 3, 'offline')
      expect(await peerOnline(d, w, 3)).toBe(false)
      expectError(await control(d, 3, 'away'), 400, 'invalid_field', 'status')
    })
  })
}
