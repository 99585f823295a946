/** The plural forms of a message, by `Intl.PluralRules` category; `#` stands for the number, in the locale's digits. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }

/**
 * The `Intl` helpers a message function gets, bound to the active locale: numbers in the locale's digits, and the
 * plural form a count takes.
 *
 * @example
 * const count = (n: number, format: Format) => format.plural(n, { one: '# unread message', other: '# unread messages' })
 */
export interface Format {
  /** The BCP 47 locale every helper formats for. */
  readonly locale: string
  /** A number through `Intl.NumberFormat` (`8` → "8" in English, "٨" or "8" in Arabic, as the locale has it). */
  number(value: number, options?: Intl.NumberFormatOptions): string
  /** The form of `forms` that `Intl.PluralRules` picks for `value`, `#` replaced by the number; `other` otherwise. */
  plural(value: number, forms: PluralForms): string
}

const FALLBACK = 'en'
const warned = new Set<string>()

/**
 * The canonical form of a BCP 47 locale (`'AR-eg'` → `'ar-EG'`), or `'en'` with a console warning for one `Intl`
 * refuses: a typo in a prop must not take the components down.
 *
 * @example
 * resolveLocale('es-mx') // 'es-MX'
 */
export function resolveLocale(locale: string | undefined): string {
  if (locale === undefined || locale === '') return FALLBACK
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? FALLBACK
  } catch {
    if (!warned.has(locale)) {
      warned.add(locale)
      console.warn(`presence-kit: "${locale}" is not a BCP 47 locale; using "${FALLBACK}"`)
    }
    return FALLBACK
  }
}

const formats = new Map<string, Format>()

/**
 * The {@link Format} of a locale, one per locale (its `Intl` objects are made once and reused).
 *
 * @example
 * createFormat('ar').plural(2, { two: 'متصلان', other: '# متصل' }) // 'متصلان'
 */
export function createFormat(locale: string): Format {
  let format = formats.get(locale)
  if (format) return format
  const numbers = new Map<string, Intl.NumberFormat>()
  const rules = new Intl.PluralRules(locale)
  const number = (value: number, options?: Intl.NumberFormatOptions) => {
    const key = options ? JSON.stringify(options) : ''
    let numberFormat = numbers.get(key)
    if (!numberFormat) {
      numberFormat = new Intl.NumberFormat(locale, options)
      numbers.set(key, numberFormat)
    }
    return numberFormat.format(value)
  }
  format = {
    locale,
    number,
    plural: (value, forms) => (forms[rules.select(value)] ?? forms.other).replaceAll('#', number(value)),
  }
  formats.set(locale, format)
  return format
}
