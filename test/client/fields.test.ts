import { describe, expect, it } from 'vitest'
import { parsePresence, parsePresenceList } from '../../src/client'
import { readId } from '../../src/client/fields'
import { isInvisible } from '../../src/client/invisible'

// Ids that show nothing: white space, zero-width spaces and joiners, bidi marks, the Hangul filler, the braille blank.
const INVISIBLE_IDS = ['\u200b', '\u200b\u200b', ' \u200d ', '\u2060', '\ufeff', '\u200e\u200f', '\u3164', '\u2800', '\u00ad', '\ufe0f']

describe('readId: an id that names nobody is no id', () => {
  it.each(INVISIBLE_IDS)('%j is refused, as the hooks refuse it', (id) => {
    expect(isInvisible(id)).toBe(true)
    expect(readId(id)).toBeUndefined()
  })

  it('an id with something visible in it is kept (trimmed)', () => {
    expect(readId(' 7 ')).toBe('7')
    expect(readId('\u200b7')).toBe('\u200b7')
    expect(readId('user_id_1')).toBe('user_id_1')
    expect(readId(0)).toBe('0')
  })

  it('a record or a bare id made of invisible characters is dropped at parse time, with an issue', () => {
    expect(parsePresence({ id: '\u200b', status: 'online' })).toEqual({
      ok: false,
      reason: 'the user id is not an integer or a well-formed string of 1 to 128 characters',
    })
    const records = parsePresenceList([{ id: '\u200b', status: 'online' }, { id: 2, status: 'online' }])
    expect(records.users).toEqual([{ id: '2', status: 'online', isOnline: true }])
    expect(records.issues).toEqual(['user #0: the user id is not an integer or a well-formed string of 1 to 128 characters'])
    const ids = parsePresenceList(['\u2060', 3])
    expect(ids.users).toEqual([{ id: '3', isOnline: true }])
    expect(ids.issues).toEqual(['user #0: not a usable id'])
  })
})
