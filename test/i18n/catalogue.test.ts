// Every shipped language has every message of English: each key, non-empty, a function where English has one. The
// type check (`satisfies Messages` in each language's module, and the @ts-expect-error below) catches a missing key
// at build time; this walk catches what types cannot: an empty string, a function that returns nothing.
import { describe, expect, it } from 'vitest'
import { ar, createFormat, en, es, type Messages } from '../../src/i18n'

const LANGUAGES = { ar, es } as const

type Tree = { [key: string]: unknown }

/** What is wrong with `candidate` against `reference`, as paths: missing, empty, or of another kind. */
function problems(reference: Tree, candidate: Tree, locale: string, path = ''): string[] {
  const format = createFormat(locale)
  const found: string[] = []
  for (const [key, value] of Object.entries(reference)) {
    const at = path ? `${path}.${key}` : key
    const other = candidate[key]
    if (other === undefined) {
      found.push(`${at}: missing`)
    } else if (typeof value === 'function') {
      if (typeof other !== 'function') found.push(`${at}: not a function`)
      else {
        // Numbers for every value but the last, which gets the Format: each message function's values are strings
        // or counts, and its Format (when it takes one) comes last.
        const args = [...Array.from({ length: Math.max(0, other.length - 1) }, () => 2), format]
        const result: unknown = other(...args)
        const text = Array.isArray(result) ? result.join('') : result
        if (typeof text !== 'string' || text.trim() === '') found.push(`${at}: returns no text`)
      }
    } else if (typeof value === 'object' && value !== null) {
      if (typeof other !== 'object' || other === null) found.push(`${at}: not a group`)
      else found.push(...problems(value as Tree, other as Tree, locale, at))
    } else if (typeof other !== typeof value) {
      found.push(`${at}: not a ${typeof value}`)
    } else if (typeof other === 'string' && other.trim() === '') {
      found.push(`${at}: empty`)
    }
  }
  for (const key of Object.keys(candidate)) if (!(key in reference)) found.push(`${path ? `${path}.` : ''}${key}: not in English`)
  return found
}

describe('the shipped languages', () => {
  it.each(Object.entries(LANGUAGES))('%s has every message of English, none empty', (locale, messages) => {
    expect(problems(en, messages, locale)).toEqual([])
  })

  it('English itself has no empty message', () => {
    expect(problems(en, en, 'en')).toEqual([])
  })

  it('are their own words, not English copied', () => {
    for (const messages of Object.values(LANGUAGES)) {
      expect(messages.onlineUsers.title).not.toBe(en.onlineUsers.title)
      expect(messages.status.dnd).not.toBe(en.status.dnd)
    }
    expect(ar.dir).toBe('rtl')
    expect(es.dir).toBe('ltr')
  })

  it('the walk finds a missing key, an empty one, a string for a function and a function that says nothing', () => {
    const { online: _online, ...statusWithoutOnline } = ar.status
    const broken = {
      ...ar,
      status: statusWithoutOnline,
      onlineUsers: { ...ar.onlineUsers, title: ' ', count: 'متصل' },
      toaster: { ...ar.toaster, dismiss: undefined, online: () => [] },
    }
    expect(problems(en, broken as unknown as Tree, 'ar')).toEqual([
      'status.online: missing',
      'onlineUsers.title: empty',
      'onlineUsers.count: not a function',
      'toaster.online: returns no text',
      'toaster.dismiss: missing',
    ])
  })

  it('a language without a key does not type-check', () => {
    const { online: _online, ...statusWithoutOnline } = ar.status
    // @ts-expect-error status.online is missing: `satisfies Messages` refuses it, as it does in src/i18n/ar.ts.
    const broken = { ...ar, status: statusWithoutOnline } satisfies Messages
    expect(broken.status).not.toHaveProperty('online')
  })
})

describe('the Intl helpers', () => {
  it('pick the plural form of the locale and write the number in its digits', () => {
    const arabic = createFormat('ar')
    const digits = new Intl.NumberFormat('ar').format(8)
    expect(ar.onlineUsers.count(2, arabic)).toBe('متصلان')
    expect(ar.onlineUsers.count(8, arabic)).toBe(`${digits} متصلين`)
    expect(ar.onlineUsers.count(11, arabic)).toBe(`${new Intl.NumberFormat('ar').format(11)} متصلًا`)
    expect(en.usersList.unread(1, createFormat('en'))).toBe('1 unread message')
    expect(en.usersList.unread(3, createFormat('en'))).toBe('3 unread messages')
    expect(en.usersList.unreadBadge(120, createFormat('en'))).toBe('99+')
    expect(es.usersList.unread(1, createFormat('es'))).toBe('1 mensaje sin leer')
    expect(en.onlineUsers.count(1_200, createFormat('en'))).toBe('1,200 online')
    expect(en.statusPicker.expiry['30m'](createFormat('en'))).toBe('30 minutes')
    expect(en.statusPicker.expiry['1h'](createFormat('en'))).toBe('1 hour')
  })

  // The "+N" button's name holds its visible text's number in every plural form (label in name): the Arabic one and
  // two had the word alone ("متصلان آخران" for "+2").
  it('Arabic moreLabel carries the number in every form, one and two included', () => {
    const arabic = createFormat('ar')
    const digits = (n: number) => new Intl.NumberFormat('ar').format(n)
    expect(ar.onlineUsers.moreLabel(1, arabic)).toBe(`${digits(1)} متصل آخر`)
    expect(ar.onlineUsers.moreLabel(2, arabic)).toBe(`${digits(2)} متصلان آخران`)
    // one, two, few, many and other in Arabic's plural rules.
    for (const n of [1, 2, 3, 10, 11, 99, 100, 101, 102]) {
      expect(ar.onlineUsers.moreLabel(n, arabic), String(n)).toContain(digits(n))
      expect(ar.onlineUsers.moreLabel(n, arabic), String(n)).toContain(ar.onlineUsers.more(n, arabic).slice(1))
    }
  })
})
