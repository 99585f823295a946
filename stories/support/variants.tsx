import { useId, type CSSProperties, type ReactNode } from 'react'
import type { Messages } from '../../src'
import { usePresenceMessages } from '../../src/hooks'
import themeCss from '../../src/styles/theme.css?raw'
import { CanvasScope, LANGUAGES, THEMES, type Language, type Theme } from './canvas'
import { parseTokens, resolveTheme } from './tokens'

// In the toolbar's language, like the components in the panels.
const THEME_NAMES: Record<Language, Record<Theme, string>> = {
  en: { light: 'Light', dark: 'Dark' },
  ar: { light: 'فاتح', dark: 'داكن' },
  es: { light: 'Claro', dark: 'Oscuro' },
}

// A light panel on a page the toolbar made dark: the dark theme sets the kit's variables on <html>, so the light
// panel sets the light values of the same variables again (read from theme.css, never copied).
const tokens = parseTokens(themeCss)
const darkNames = new Set(tokens.filter((token) => token.scope === 'dark').map((token) => token.name))
const lightValues = resolveTheme(tokens, 'light')
const LIGHT_AGAIN = Object.fromEntries(
  [...darkNames].flatMap((name) => (lightValues.has(name) ? [[`--pk-${name}`, lightValues.get(name)!]] : [])),
) as CSSProperties

/**
 * The same content in the light and the dark theme, side by side (stacked when the canvas is narrow): each panel is
 * a `data-theme` scope, the kit's own switch as an app sets it, painted in its theme's surface. `children` gets the
 * theme, its name in the toolbar's language ("Light", "فاتح") and that language's messages, to tell apart the names
 * of landmarks that appear in both panels in the components' own words (`${messages.activityFeed.title} (${name})`).
 * A panel is never wider than the canvas: its content shrinks to a phone's width instead of pushing the page wider.
 */
export function LightAndDark({
  children,
  panelWidth,
}: {
  children: (theme: Theme, name: string, messages: Messages) => ReactNode
  /**
   * How wide a panel would like to be, when its content has no width of its own to say it (an absolutely placed
   * toaster): the two panels stack once the canvas has no room for two of them. Default: as wide as the content.
   */
  panelWidth?: string
}) {
  const { locale, messages } = usePresenceMessages()
  const names = THEME_NAMES[LANGUAGES.find((language) => language === locale) ?? 'en']
  return (
    <div data-slot="variants" className="pk:flex pk:flex-wrap pk:items-start pk:gap-4">
      {THEMES.map((theme) => (
        <div key={theme} className="pk:max-w-full pk:min-w-0 pk:flex-[1_1_auto]" style={{ ...(theme === 'light' ? LIGHT_AGAIN : undefined), flexBasis: panelWidth }}>
          <CanvasScope theme={theme} ownsDocument={false} paint>
            <p className="pk:mb-3 pk:text-xs pk:font-semibold pk:tracking-wide pk:text-presence-muted pk:uppercase">{names[theme]}</p>
            {children(theme, names[theme], messages)}
          </CanvasScope>
        </div>
      ))}
    </div>
  )
}

interface VariantGridProps<Row extends string, Column extends string> {
  /** What the table shows, for screen readers and the name of its scrolling box: "Avatar variants (Light)". */
  caption: string
  /** What the rows and the columns are, for the table's first cell and screen readers: "Status", "Size". */
  rowsAre: string
  rows: readonly Row[]
  columns: readonly Column[]
  /** The words for a row's or a column's value: "Do not disturb", not `dnd`. */
  label: (value: Row | Column) => string
  cell: (row: Row, column: Column) => ReactNode
}

/**
 * A table of variants: one row per value of one prop, one column per value of another, each labelled in words.
 * Wider than a phone, it scrolls sideways in its own box rather than pushing the page wider; the box is a named,
 * focusable region so that a keyboard can scroll it too (a box that scrolls but takes no focus is out of a
 * keyboard's reach).
 */
export function VariantGrid<Row extends string, Column extends string>({ caption, rowsAre, rows, columns, label, cell }: VariantGridProps<Row, Column>) {
  const captionId = useId()
  return (
    <div role="region" aria-labelledby={captionId} tabIndex={0} className="pk:max-w-full pk:overflow-x-auto pk:rounded-md pk:focus-visible:outline-2 pk:focus-visible:outline-presence-accent">
      <table className="pk:border-separate pk:border-spacing-x-4 pk:border-spacing-y-2 pk:text-sm pk:text-presence-fg">
        <caption id={captionId} className="pk:sr-only">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="pk:text-start pk:font-normal pk:text-presence-muted">
              {rowsAre}
            </th>
            {columns.map((column) => (
              <th key={column} scope="col" className="pk:text-center pk:font-normal pk:text-presence-muted">
                {label(column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row}>
              <th scope="row" className="pk:text-start pk:font-medium">
                {label(row)}
              </th>
              {columns.map((column) => (
                <td key={column} className="pk:text-center pk:align-middle">
                  {cell(row, column)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
