import { describe, expect, it } from 'vitest'
import {
  findTypeAhead,
  isTypeAheadKey,
  isTyping,
  moveActive,
  TYPE_AHEAD_TIMEOUT_MS,
  typeAheadKey,
  typeAheadStep,
} from '../../../src/components/UsersList/keyboard'

describe('listbox keyboard model', () => {
  it('arrows move by one and stop at the ends (no wrap)', () => {
    expect(moveActive('ArrowDown', 3, 10, 5)).toBe(4)
    expect(moveActive('ArrowUp', 3, 10, 5)).toBe(2)
    expect(moveActive('ArrowDown', 9, 10, 5)).toBe(9)
    expect(moveActive('ArrowUp', 0, 10, 5)).toBe(0)
  })

  it('Home and End go to the ends', () => {
    expect(moveActive('Home', 7, 10, 5)).toBe(0)
    expect(moveActive('End', 2, 10, 5)).toBe(9)
  })

  it('PageUp and PageDown move by a page and stop at the ends', () => {
    expect(moveActive('PageDown', 2, 10, 5)).toBe(7)
    expect(moveActive('PageDown', 7, 10, 5)).toBe(9)
    expect(moveActive('PageUp', 7, 10, 5)).toBe(2)
    expect(moveActive('PageUp', 2, 10, 5)).toBe(0)
    expect(moveActive('PageDown', 2, 10, 0)).toBe(3) // a page is at least one row
  })

  it('with no active option, Down starts at the first and Up at the last', () => {
    expect(moveActive('ArrowDown', -1, 10, 5)).toBe(0)
    expect(moveActive('PageDown', -1, 10, 5)).toBe(0)
    expect(moveActive('ArrowUp', -1, 10, 5)).toBe(9)
    expect(moveActive('PageUp', -1, 10, 5)).toBe(9)
  })

  it('other keys and empty lists are not moves', () => {
    expect(moveActive('Enter', 3, 10, 5)).toBeNull()
    expect(moveActive('j', 3, 10, 5)).toBeNull()
    expect(moveActive('ArrowDown', -1, 0, 5)).toBeNull()
  })
})

describe('type-ahead', () => {
  const keys = ['ahmad', 'jane_smith', 'john_doe', 'jose', 'renee_lefevre', 'zoe'].map(typeAheadKey)

  it('compares names in lower case and without accents', () => {
    expect(typeAheadKey('Renée_Lefèvre')).toBe('renee_lefevre')
    expect(typeAheadKey('ÇAĞLA')).toBe('cagla')
  })

  it('one character finds the next name that starts with it, from after the active option, wrapping', () => {
    expect(findTypeAhead(keys, 'j', 0)).toBe(1)
    expect(findTypeAhead(keys, 'j', 1)).toBe(2)
    expect(findTypeAhead(keys, 'j', 3)).toBe(1)
    expect(findTypeAhead(keys, 'z', -1)).toBe(5)
  })

  it('a longer query keeps the active option while it matches, else finds the next', () => {
    expect(findTypeAhead(keys, 'jo', 2)).toBe(2)
    expect(findTypeAhead(keys, 'jos', 2)).toBe(3)
    expect(findTypeAhead(keys, 'ja', 2)).toBe(1)
  })

  it('the same character repeated cycles through the names that start with it', () => {
    expect(findTypeAhead(keys, 'jj', 1)).toBe(2)
    expect(findTypeAhead(keys, 'jjj', 2)).toBe(3)
  })

  it('a query that matches nothing finds nothing', () => {
    expect(findTypeAhead(keys, 'x', 0)).toBe(-1)
    expect(findTypeAhead([], 'a', 0)).toBe(-1)
    expect(findTypeAhead(keys, '', 0)).toBe(-1)
  })

  it('keys within the timeout make one query; a pause starts a new one', () => {
    let state = typeAheadStep({ query: '', at: -Infinity }, 'J', 1_000)
    expect(state.query).toBe('j')
    state = typeAheadStep(state, 'o', 1_000 + TYPE_AHEAD_TIMEOUT_MS)
    expect(state.query).toBe('jo')
    expect(isTyping(state, state.at + 100)).toBe(true)
    expect(isTyping(state, state.at + TYPE_AHEAD_TIMEOUT_MS + 1)).toBe(false)
    state = typeAheadStep(state, 'z', state.at + TYPE_AHEAD_TIMEOUT_MS + 1)
    expect(state.query).toBe('z')
  })

  it('only printable keys without modifiers are type-ahead', () => {
    const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods })
    expect(isTypeAheadKey(key('j'))).toBe(true)
    expect(isTypeAheadKey(key('é'))).toBe(true)
    expect(isTypeAheadKey(key('Tab'))).toBe(false)
    expect(isTypeAheadKey(key('ArrowDown'))).toBe(false)
    expect(isTypeAheadKey(key('a', { ctrlKey: true }))).toBe(false)
    expect(isTypeAheadKey(key('a', { metaKey: true }))).toBe(false)
  })
})
