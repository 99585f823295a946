import { describe, expect, it } from 'vitest'
import { readId } from '../../src/client/fields'
import { isInvisible as clientIsInvisible } from '../../src/client/invisible'
import { isInvisible, userKey } from '../../src/hooks/user-key'

describe('userKey: one rule for ids that name nobody, the client’s', () => {
  it('is the client’s function, not a copy', () => {
    expect(isInvisible).toBe(clientIsInvisible)
  })

  it.each(['\u200b', ' \u200d ', '\u3164', '\u2800', '', '  ', '7', ' 7 ', 'user_id_1', '\u200b7'])('%j: userKey and readId agree', (id) => {
    expect(userKey(id)).toBe(readId(id) ?? null)
  })
})
