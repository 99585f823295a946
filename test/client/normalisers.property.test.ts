// Property: every normaliser of the client, fed arbitrary JSON and record-shaped values with hostile fields, never
// throws, and everything it gives is a valid record: ids bounded, times a Date can hold, image URLs allowed, text
// bounded and visible. The arbitraries are shared with the components' property test.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  normalisePresence,
  parsePresence,
  parsePresenceList,
  parseServerMessage,
  parseTimestamp,
  PresenceStatus,
  readErrorBody,
  type Presence,
  type PresencePatch,
} from '../../src/client'
import { imageUrlProblem, MAX_ISSUES, MAX_TIME_MS, RECORD_LIMITS } from '../../src/client/fields'
import { isInvisible } from '../../src/client/invisible'
import {
  readActivity,
  readConversations,
  readHeartbeat,
  readMarkOffline,
  readMe,
  readNextPage,
  readOnlineUsers,
  type Conversation,
} from '../../src/client/responses'
import { anything, frameText, hostileList, hostileRecord } from './hostile-arbitraries'

const STATUSES = new Set<string>(Object.values(PresenceStatus))
const codePoints = (text: string) => [...text].length

function expectId(id: unknown) {
  expect(typeof id).toBe('string')
  const text = id as string
  expect(text.length).toBeGreaterThan(0)
  expect(text.length).toBeLessThanOrEqual(RECORD_LIMITS.id)
  expect(text.trim()).toBe(text)
  expect(() => encodeURIComponent(text)).not.toThrow() // well-formed: no half surrogate pair
}

function expectTime(time: unknown) {
  if (time === null) return
  expect(typeof time).toBe('number')
  expect(Math.abs(time as number)).toBeLessThanOrEqual(MAX_TIME_MS)
  expect(() => new Date(time as number).toISOString()).not.toThrow()
}

function expectText(text: unknown, max: number) {
  if (text === null) return
  expect(typeof text).toBe('string')
  expect(codePoints(text as string)).toBeLessThanOrEqual(max)
  expect(isInvisible(text as string)).toBe(false)
}

/** A patch: an id, and valid values for the fields it carries. */
export function expectValidPatch(patch: PresencePatch) {
  expectId(patch.id)
  if (patch.status !== undefined) expect(STATUSES.has(patch.status)).toBe(true)
  if (patch.isOnline !== undefined) expect(typeof patch.isOnline).toBe('boolean')
  if (patch.status !== undefined && patch.isOnline !== undefined) expect(patch.isOnline).toBe(patch.status !== 'offline')
  if (patch.username !== undefined) expectText(patch.username, RECORD_LIMITS.username)
  if (patch.statusMessage !== undefined) expectText(patch.statusMessage, RECORD_LIMITS.statusMessage)
  if (patch.lastSeen !== undefined) expectTime(patch.lastSeen)
  if (patch.profileImage !== undefined && patch.profileImage !== null) expect(imageUrlProblem(patch.profileImage)).toBeNull()
  const known = new Set(['id', 'status', 'isOnline', 'username', 'statusMessage', 'lastSeen', 'profileImage'])
  expect(Object.keys(patch).filter((key) => !known.has(key))).toEqual([])
}

/** A complete record. */
function expectValidPresence(presence: Presence) {
  expectValidPatch(presence)
  for (const key of ['status', 'isOnline', 'username', 'statusMessage', 'lastSeen', 'profileImage'] as const) expect(presence).toHaveProperty(key)
}

function expectValidConversation(conversation: Conversation) {
  expectId(conversation.id)
  expectValidPresence(conversation.otherUser)
  expect(Number.isSafeInteger(conversation.unreadCount) && conversation.unreadCount >= 0).toBe(true)
  const last = conversation.lastMessage
  if (last === null) return
  expect(typeof last.text).toBe('string')
  expect(codePoints(last.text)).toBeLessThanOrEqual(RECORD_LIMITS.messageText)
  expectTime(last.sentAt)
  if (last.senderId !== null) expectId(last.senderId)
}

function expectIssues(issues: string[]) {
  expect(issues.length).toBeLessThanOrEqual(MAX_ISSUES + 1)
  for (const issue of issues) expect(typeof issue).toBe('string')
}

const input = fc.oneof(anything, hostileRecord, hostileList)
const RUNS = { numRuns: 300 }

describe('every normaliser, fed arbitrary and hostile JSON: no throw, only valid records out', () => {
  it('parsePresence / normalisePresence', () => {
    fc.assert(
      fc.property(input, (raw) => {
        const reports: string[] = []
        const result = parsePresence(raw, (reason) => reports.push(reason))
        if (result.ok) expectValidPatch(result.patch)
        else expect(typeof result.reason).toBe('string')
        for (const fallbackStatus of [undefined, 'online', 'offline'] as const) {
          const presence = normalisePresence(raw, { fallbackStatus })
          if (presence) expectValidPresence(presence)
        }
      }),
      RUNS,
    )
  })

  it('parsePresenceList and readOnlineUsers', () => {
    fc.assert(
      fc.property(fc.oneof(input, hostileList.map((users) => ({ onlineUsers: users, online_users: users }))), (raw) => {
        const list = parsePresenceList(raw)
        list.users.forEach(expectValidPatch)
        expectIssues(list.issues)
        const online = readOnlineUsers(raw)
        if (online.ok) {
          online.value.users.forEach(expectValidPatch)
          expectIssues(online.issues)
        }
        const next = readNextPage(raw)
        if (next) expect(Number.isSafeInteger(next.page) && next.page > 1).toBe(true)
      }),
      RUNS,
    )
  })

  it('parseServerMessage, from text and from parsed objects', () => {
    fc.assert(
      fc.property(fc.oneof(frameText, input), (data) => {
        const message = parseServerMessage(data)
        switch (message.type) {
          case 'snapshot':
            message.users.forEach(expectValidPatch)
            expectIssues(message.issues)
            return
          case 'change':
            return expectValidPatch(message.user)
          case 'pong':
            return expectTime(message.ts)
          case 'error':
            expect(codePoints(message.code)).toBeLessThanOrEqual(RECORD_LIMITS.errorCode)
            expect(codePoints(message.message)).toBeLessThanOrEqual(RECORD_LIMITS.errorMessage)
            return
          case 'invalid':
            expect(typeof message.reason).toBe('string')
            return
          default:
            return message satisfies never
        }
      }),
      RUNS,
    )
  })

  it('readMe, readHeartbeat, readMarkOffline', () => {
    fc.assert(
      fc.property(input, (raw) => {
        const me = readMe(raw)
        if (me.ok) {
          const { mode, isAdmin: _isAdmin, ...presence } = me.value
          expectValidPresence(presence)
          expect(['auto', 'away', 'dnd', 'invisible']).toContain(mode)
          expect(typeof me.value.isAdmin).toBe('boolean')
        }
        const beat = readHeartbeat(raw)
        expect(beat.ok).toBe(true)
        if (beat.ok) {
          expectTime(beat.value.lastSeen)
          if (beat.value.status !== null) expect(STATUSES.has(beat.value.status)).toBe(true)
        }
        const offline = readMarkOffline(raw)
        if (offline.ok && offline.value.status !== null) expect(STATUSES.has(offline.value.status)).toBe(true)
      }),
      RUNS,
    )
  })

  it('readConversations and readActivity', () => {
    const conversation = fc.record(
      {
        id: fc.oneof(fc.integer(), fc.string(), anything),
        other_user: fc.oneof(hostileRecord, anything),
        otherUser: fc.oneof(hostileRecord, anything),
        last_message: fc.oneof(
          fc.record({ text: fc.oneof(fc.string(), anything), sent_at: fc.oneof(fc.constant(9e15), fc.double(), anything), sender_id: anything }, { requiredKeys: [] }),
          anything,
        ),
        unread_count: fc.oneof(fc.integer(), fc.double(), anything),
      },
      { requiredKeys: [] },
    )
    const entry = fc.record(
      {
        user: fc.oneof(hostileRecord, anything),
        event: fc.oneof(fc.constantFrom('online', 'offline', 'away', 'dnd', 'invisible'), anything),
        at: fc.oneof(fc.constant(9e15), fc.double(), fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toISOString())), anything),
      },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(fc.oneof(fc.array(conversation, { maxLength: 8 }), input), fc.oneof(fc.array(entry, { maxLength: 8 }), input), (conversations, activity) => {
        const read = readConversations(conversations)
        if (read.ok) {
          read.value.forEach(expectValidConversation)
          expectIssues(read.issues)
        }
        const entries = readActivity(activity)
        if (entries.ok) {
          for (const item of entries.value) {
            expectId(item.user.id)
            expectText(item.user.username, RECORD_LIMITS.username)
            expect(['online', 'offline', 'away', 'dnd']).toContain(item.event)
            expectTime(item.at)
            expect(item.at).not.toBeNull()
          }
        }
      }),
      RUNS,
    )
  })

  it('parseTimestamp and readErrorBody', () => {
    fc.assert(
      fc.property(fc.oneof(input, fc.double(), fc.string()), fc.oneof(frameText, fc.string()), (value, text) => {
        const time = parseTimestamp(value)
        if (time !== undefined) expectTime(time)
        const error = readErrorBody(text)
        if (error.code !== null) expect(codePoints(error.code)).toBeLessThanOrEqual(RECORD_LIMITS.errorCode)
        expect(codePoints(error.message)).toBeLessThanOrEqual(RECORD_LIMITS.errorMessage)
      }),
      RUNS,
    )
  })
})
