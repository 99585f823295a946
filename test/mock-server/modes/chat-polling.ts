import { describe, expect, it } from 'vitest'
import { advance, call, get, login, type Driver, type MakeDriver } from '../contract/driver'
import { commonBackendTests } from './common'
import { noFrame } from './frames'
import { control, controlled, expectError, freshBackend, sortedKeys } from './helpers'

const DAY = 86_400

const onlineIds = async (d: Driver, token: string): Promise<number[]> => {
  const body = await get(d, token, '/api/chat/online-users/')
  expect(sortedKeys(body)).toEqual(['online_users'])
  return body.online_users
}

const heartbeat = (d: Driver, token: string, timestamp = new Date().toISOString()) =>
  call(d, token, 'POST', '/api/chat/heartbeat/', { timestamp })

const markOffline = (d: Driver, token: string) => call(d, token, 'POST', '/api/chat/mark-offline/', { timestamp: new Date().toISOString() })

export function chatPollingSuite(transport: string, makeDriver: MakeDriver) {
  describe(`backend chat-polling (heartbeat, ids polled, mark-offline, no socket): ${transport}`, () => {
    const driver = freshBackend(makeDriver, 'chat-polling', noFrame)

    commonBackendTests(
      {
        backend: 'chat-polling',
        routes: [
          'POST /api/auth/login/',
          'POST /api/auth/refresh/',
          'POST /api/auth/logout/',
          'POST /api/chat/heartbeat/',
          'POST /api/chat/mark-offline/',
          'GET /api/chat/online-users/',
          'GET /avatars/{id}.svg',
        ],
        sockets: [],
        statuses: ['online', 'offline'],
      },
      driver,
    )

    it('GET /api/chat/online-users/ → {"online_users": [1, 5, …]}: integer ids only, the caller included', async () => {
      const d = driver()
      const u = await login(d, 'john_doe')
      await heartbeat(d, u.access)
      const ids = await onlineIds(d, u.access)
      expect(ids).toContain(u.user.id)
      expect(ids.every((id) => Number.isInteger(id) && id > 0)).toBe(true)
    })

    it('a heartbeat (its timestamp accepted) answers {"message": "Heartbeat recorded"} and brings the user online', async () => {
      const d = driver()
      const u = await login(d, 'john_doe')
      const w = await login(d, 'jane_smith')
      await markOffline(d, u.access)
      expect(await onlineIds(d, w.access)).not.toContain(u.user.id)
      expect(await heartbeat(d, u.access)).toEqual({ message: 'Heartbeat recorded' })
      expect(await onlineIds(d, w.access)).toContain(u.user.id)
      expect(await call(d, u.access, 'POST', '/api/chat/heartbeat/')).toEqual({ message: 'Heartbeat recorded' })
    })

    it('online is last activity within 5 minutes: a heartbeat keeps the user online for 300 s, polling the list does not', async () => {
      const d = driver()
      const u = await login(d, 'john_doe') // login is activity too
      const w = await login(d, 'jane_smith')
      await advance(d, 120)
      await heartbeat(d, u.access)
      await advance(d, 299)
      expect(await onlineIds(d, w.access)).toContain(u.user.id)
      await onlineIds(d, u.access) // the user polls: not a sign of life
      await advance(d, 1)
      expect(await onlineIds(d, w.access)).not.toContain(u.user.id)
      expect(await onlineIds(d, u.access)).not.toContain(u.user.id)
    })

    it('elapsed time is the whole duration: last active a day and ten seconds ago is offline', async () => {
      const d = driver()
      const u = await login(d, 'john_doe')
      await heartbeat(d, u.access)
      await advance(d, DAY + 10)
      const w = await login(d, 'jane_smith')
      expect(await onlineIds(d, w.access)).not.toContain(u.user.id)
    })

    it('the server clock decides: a heartbeat whose timestamp is a day ahead keeps the user online for 300 s only', async () => {
      const d = driver()
      const u = await login(d, 'john_doe')
      const w = await login(d, 'jane_smith')
      await heartbeat(d, u.access, new Date(Date.now() + DAY * 1000).toISOString())
      await advance(d, 301)
      expect(await onlineIds(d, w.access)).not.toContain(u.user.id)
    })

    it('mark-offline → {"success": true} and offline at once', async () => {
      const d = driver()
      const u = await login(d, 'john_doe')
      const w = await login(d, 'jane_smith')
      expect(await onlineIds(d, w.access)).toContain(u.user.id)
      expect(await markOffline(d, u.access)).toEqual({ success: true })
      expect(await onlineIds(d, w.access)).not.toContain(u.user.id)
    })

    it('logout revokes the tokens; without mark-offline first, the user stays online until 5 minutes after the last heartbeat', async () => {
      const d = driver()
      const u = await login(d, 'john_doe')
      const w = await login(d, 'jane_smith')
      await heartbeat(d, u.access)
      expect(await call(d, u.access, 'POST', '/api/auth/logout/', {})).toEqual({ success: true })
      expectError(await d.fetch('/api/chat/heartbeat/', { method: 'POST', token: u.access, json: {} }), 401, 'unauthorized')
      expect(await onlineIds(d, w.access)).toContain(u.user.id)
      await advance(d, 300)
      expect(await onlineIds(d, w.access)).not.toContain(u.user.id)
    })

    it('the controls: online is a heartbeat (300 s), offline a mark-offline; away is a 400', async () => {
      const d = driver()
      const w = await login(d, 'jane_smith')
      await controlled(d, 3, 'online')
      expect(await onlineIds(d, w.access)).toContain(3)
      await controlled(d, 3, 'offline')
      expect(await onlineIds(d, w.access)).not.toContain(3)
      await controlled(d, 3, 'online')
      await advance(d, 300)
      expect(await onlineIds(d, w.access)).not.toContain(3)
      expectError(await control(d, 3, 'away'), 400, 'invalid_field', 'status')
    })
  })
}
