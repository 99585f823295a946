import type { CSSProperties, ReactNode } from 'react'
import themeCss from '../../src/styles/theme.css?raw'
import { CanvasScope, THEMES, type Theme } from './canvas'
import { parseTokens, resolveTheme } from './tokens'

const THEME_NAMES: Record<Theme, string> = { light: 'Light', dark: 'Dark' }

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
 * theme and its name ("Light", "Dark"), to tell apart the names of landmarks that appear in both panels.
 */
export function LightAndDark({ children }: { children: (theme: Theme, name: string) => ReactNode }) {
  return (
    <div data-slot="variants" className="pk:flex pk:flex-wrap pk:items-start pk:gap-4">
      {THEMES.map((theme) => (
        <div key={theme} className="pk:flex-[1_1_auto]" style={theme === 'light' ? LIGHT_AGAIN : undefined}>
          <CanvasScope theme={theme} ownsDocument={false} paint>
            <p className="pk:mb-3 pk:text-xs pk:font-semibold pk:tracking-wide pk:text-presence-muted pk:uppercase">{THEME_NAMES[theme]}</p>
            {children(theme, THEME_NAMES[theme])}
          </CanvasScope>
        </div>
      ))}
    </div>
  )
}

interface VariantGridProps<Row extends string, Column extends string> {
  /** What the rows and the columns are, for the table's first cell and screen readers: "Status", "Size". */
  rowsAre: string
  rows: readonly Row[]
  columns: readonly Column[]
  /** The words for a row's or a column's value: "Do not disturb", not `dnd`. */
  label: (value: Row | Column) => string
  cell: (row: Row, column: Column) => ReactNode
}

/** A table of variants: one row per value of one prop, one column per value of another, each labelled in words. */
export function VariantGrid<Row extends string, Column extends string>({ rowsAre, rows, columns, label, cell }: VariantGridProps<Row, Column>) {
  return (
    <table className="pk:border-separate pk:border-spacing-x-4 pk:border-spacing-y-2 pk:text-sm pk:text-presence-fg">
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
  )
}
