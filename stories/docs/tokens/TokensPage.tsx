import type { ReactNode } from 'react'
import themeCss from '../../../src/styles/theme.css?raw'
import type { PresenceStatus } from '../../../src'
import { OnlineStatusIndicator, STATUS_LABELS, type IndicatorSize } from '../../../src/components/OnlineStatusIndicator'
import { contrastRatio, parseTokens, resolveTheme, type Token, type TokenScope } from '../../support/tokens'
import { remToPx, SPACING_UNIT_PX, spacingScale, typeScale } from './scales'
import { MINIMUM, PAIRINGS, type Pairing } from './usage'

/** The tokens of the kit's theme.css, as this build read them. */
export const TOKENS: readonly Token[] = parseTokens(themeCss)

const THEMES: readonly TokenScope[] = ['light', 'dark']
const VALUES = { light: resolveTheme(TOKENS, 'light'), dark: resolveTheme(TOKENS, 'dark') }
const NAMES = [...new Set(TOKENS.map((token) => token.name))]
const group = (prefix: string) => NAMES.filter((name) => name.startsWith(prefix))

const COLOURS = group('color-')
const STATUS_COLOURS = new Set(Object.keys(STATUS_LABELS).map((status) => `color-presence-${status}`))
const SPACING = group('spacing-')
const RADII = group('radius-')
const OTHERS = NAMES.filter((name) => !/^(color|spacing|radius)-/.test(name))

const STATUSES = Object.keys(STATUS_LABELS) as PresenceStatus[]
const SIZES: readonly IndicatorSize[] = ['sm', 'md', 'lg']

/** The kit's design tokens, from src/styles/theme.css at build time: change a token and this page follows. */
export function TokensPage() {
  return (
    <div className="sb-unstyled pk:flex pk:flex-col pk:gap-10 pk:text-presence-fg" data-slot="tokens-page">
      <Section title="Colours" id="colours">
        <p className="pk:text-sm pk:text-presence-muted">
          Each colour in the light and the dark theme, and its contrast with what it is drawn on, computed from the
          values below (WCAG 2: text needs 4.5:1, a status dot or ring 3:1). Status never rests on colour alone: each
          status also has its own shape.
        </p>
        <ColourTable names={COLOURS.filter((name) => !STATUS_COLOURS.has(name))} caption="Surfaces, text and the card" />
      </Section>

      <Section title="Status colours and shapes" id="status">
        <ColourTable names={COLOURS.filter((name) => STATUS_COLOURS.has(name))} caption="Status colours" />
        <StatusShapes />
      </Section>

      <Section title="Type scale" id="type">
        <p className="pk:text-sm pk:text-presence-muted">
          The kit sets no font of its own: text takes the app&apos;s font. These are the Tailwind steps the components
          use (read from Tailwind&apos;s theme and the components&apos; classes).
        </p>
        <TypeScale />
      </Section>

      <Section title="Spacing and sizes" id="spacing">
        <SizeTable names={SPACING} caption="The kit's sizes" />
        <SpacingScale />
      </Section>

      <Section title="Radii" id="radii">
        <RadiusTable names={RADII} />
      </Section>

      {OTHERS.length > 0 && (
        <Section title="Other tokens" id="other">
          <ValueTable names={OTHERS} caption="Tokens of no group above" />
        </Section>
      )}
    </div>
  )
}

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`tokens-${id}`} className="pk:flex pk:flex-col pk:gap-4">
      <h2 id={`tokens-${id}`} className="pk:text-xl pk:font-semibold">
        {title}
      </h2>
      {children}
    </section>
  )
}

const cell = 'pk:border-b pk:border-presence-border pk:px-3 pk:py-2 pk:text-start pk:align-top'
const headCell = `${cell} pk:text-xs pk:font-semibold pk:uppercase pk:tracking-wide pk:text-presence-muted`

function Table({ caption, head, children }: { caption: string; head: readonly string[]; children: ReactNode }) {
  return (
    <div className="pk:overflow-x-auto">
      <table className="pk:w-full pk:border-collapse pk:text-sm">
        <caption className="pk:mb-2 pk:text-start pk:text-sm pk:font-semibold">{caption}</caption>
        <thead>
          <tr>
            {head.map((label) => (
              <th key={label} scope="col" className={headCell}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  )
}

function TokenName({ name }: { name: string }) {
  return <code className="pk:font-mono pk:text-xs pk:whitespace-nowrap">--pk-{name}</code>
}

function ColourTable({ names, caption }: { names: readonly string[]; caption: string }) {
  return (
    <Table caption={caption} head={['Token', 'Light', 'Dark', 'Drawn as', 'Contrast, light', 'Contrast, dark']}>
      {names.map((name) => (
        <tr key={name} data-token={name}>
          <td className={cell}>
            <TokenName name={name} />
          </td>
          {THEMES.map((theme) => (
            <td key={theme} className={cell}>
              <Swatch theme={theme} name={name} />
            </td>
          ))}
          <td className={cell}>{PAIRINGS[name]?.where ?? 'Not described yet: measured on the surface'}</td>
          {THEMES.map((theme) => (
            <td key={theme} className={cell} data-contrast={theme}>
              <Contrasts theme={theme} name={name} />
            </td>
          ))}
        </tr>
      ))}
    </Table>
  )
}

/** The colour on its theme's surface, with its value. */
function Swatch({ theme, name }: { theme: TokenScope; name: string }) {
  const value = VALUES[theme].get(name) ?? ''
  const overridden = theme === 'dark' && TOKENS.some((token) => token.name === name && token.scope === 'dark')
  return (
    <div className="pk:flex pk:items-center pk:gap-2">
      <span
        aria-hidden
        className="pk:inline-flex pk:size-10 pk:shrink-0 pk:items-center pk:justify-center pk:rounded-md pk:border pk:border-presence-border"
        style={{ background: VALUES[theme].get('color-presence-surface') }}
      >
        <span className="pk:size-7 pk:rounded" style={{ background: value }} />
      </span>
      <span className="pk:font-mono pk:text-xs">
        {value}
        {overridden && <span className="pk:block pk:text-presence-muted">dark override</span>}
      </span>
    </div>
  )
}

function Contrasts({ theme, name }: { theme: TokenScope; name: string }) {
  const pairing: Pairing = PAIRINGS[name] ?? { use: 'graphic', on: ['color-presence-surface'], where: '' }
  const minimum = MINIMUM[pairing.use]
  const colour = VALUES[theme].get(name) ?? ''
  const others = pairing.on.filter((other) => other !== name)
  if (others.length === 0) return <span className="pk:text-presence-muted">A surface</span>
  return (
    <ul className="pk:flex pk:flex-col pk:gap-1">
      {others.map((other) => {
        const behind = other.startsWith('#') ? other : (VALUES[theme].get(other) ?? '')
        const ratio = contrastRatio(colour, behind)
        const label = other.startsWith('#') ? other : other.replace(/^color-presence-/, '')
        return (
          <li key={other} className="pk:flex pk:flex-wrap pk:items-baseline pk:gap-x-2">
            <span className="pk:font-mono pk:text-xs">
              {ratio === null ? 'not a hex colour' : `${ratio.toFixed(2)}:1`}
            </span>
            <span className="pk:text-xs pk:text-presence-muted">{pairing.background ? `under ${label}` : `on ${label}`}</span>
            {ratio !== null && minimum !== null && (
              <Verdict pass={ratio >= minimum} text={`${minimum}:1 ${pairing.use === 'text' ? 'text' : 'graphic'}`} />
            )}
          </li>
        )
      })}
    </ul>
  )
}

/** Pass or fail in words, with a mark that does not rest on colour. */
function Verdict({ pass, text }: { pass: boolean; text: string }) {
  return (
    <span className="pk:text-xs pk:font-semibold" data-verdict={pass ? 'pass' : 'fail'}>
      {pass ? `✓ meets ${text}` : `✗ below ${text}`}
    </span>
  )
}

function StatusShapes() {
  return (
    <Table caption="Status shapes at each size, on both surfaces" head={['Status', ...SIZES.map((s) => `${s} (${sizeOf(s)})`), 'As a badge']}>
      {STATUSES.map((status) => (
        <tr key={status} data-status-row={status}>
          <th scope="row" className={`${cell} pk:font-normal`}>
            <span className="pk:block pk:font-semibold">{STATUS_LABELS[status]}</span>
            <TokenName name={`color-presence-${status}`} />
          </th>
          {SIZES.map((size) => (
            <td key={size} className={cell}>
              <OnBothSurfaces>
                <OnlineStatusIndicator status={status} size={size} />
              </OnBothSurfaces>
            </td>
          ))}
          <td className={cell}>
            <OnBothSurfaces>
              <span className="pk:relative pk:inline-block pk:size-10 pk:rounded-full pk:bg-presence-avatar">
                <OnlineStatusIndicator status={status} badge />
              </span>
            </OnBothSurfaces>
          </td>
        </tr>
      ))}
    </Table>
  )
}

const sizeOf = (size: IndicatorSize) => VALUES.light.get(`spacing-presence-dot-${size}`) ?? '?'

/** Its children on the light surface and on the dark one, through the kit's own `data-theme` switch. */
function OnBothSurfaces({ children }: { children: ReactNode }) {
  return (
    <span className="pk:inline-flex pk:gap-2">
      {THEMES.map((theme) => (
        <span
          key={theme}
          data-theme={theme}
          className={`${theme === 'dark' ? 'dark ' : ''}pk:inline-flex pk:size-14 pk:items-center pk:justify-center pk:rounded-md pk:border pk:border-presence-border pk:bg-presence-surface`}
        >
          {children}
        </span>
      ))}
    </span>
  )
}

function TypeScale() {
  return (
    <Table caption="Text sizes" head={['Class', 'Size', 'Line height', 'Uses', 'Sample']}>
      {typeScale().map((step) => (
        <tr key={step.name} data-type-step={step.name}>
          <td className={cell}>
            <code className="pk:font-mono pk:text-xs">{step.name}</code>
          </td>
          <td className={`${cell} pk:font-mono pk:text-xs`}>
            {step.size} ({remToPx(step.size)} px)
          </td>
          <td className={`${cell} pk:font-mono pk:text-xs`}>{step.lineHeight ?? '—'}</td>
          <td className={`${cell} pk:font-mono pk:text-xs`}>{step.uses}</td>
          <td className={cell}>
            <span style={{ fontSize: step.size, lineHeight: step.lineHeight }}>jane_smith is online</span>
          </td>
        </tr>
      ))}
    </Table>
  )
}

function SizeTable({ names, caption }: { names: readonly string[]; caption: string }) {
  return (
    <Table caption={caption} head={['Token', 'Value', 'Drawn']}>
      {names.map((name) => {
        const value = VALUES.light.get(name) ?? ''
        return (
          <tr key={name} data-token={name}>
            <td className={cell}>
              <TokenName name={name} />
            </td>
            <td className={`${cell} pk:font-mono pk:text-xs`}>{value}</td>
            <td className={cell}>
              <span aria-hidden className="pk:block pk:h-3 pk:rounded-sm pk:bg-presence-accent" style={{ width: value }} />
            </td>
          </tr>
        )
      })}
    </Table>
  )
}

function SpacingScale() {
  return (
    <Table caption={`Padding, margin and gap steps the components use (Tailwind's unit: ${SPACING_UNIT_PX} px)`} head={['Step', 'Pixels', 'Uses', 'Drawn']}>
      {spacingScale().map(({ step, px, uses }) => (
        <tr key={step} data-space-step={step}>
          <td className={`${cell} pk:font-mono pk:text-xs`}>{step}</td>
          <td className={`${cell} pk:font-mono pk:text-xs`}>{px} px</td>
          <td className={`${cell} pk:font-mono pk:text-xs`}>{uses}</td>
          <td className={cell}>
            <span aria-hidden className="pk:block pk:h-3 pk:rounded-sm pk:bg-presence-accent" style={{ width: px }} />
          </td>
        </tr>
      ))}
    </Table>
  )
}

function RadiusTable({ names }: { names: readonly string[] }) {
  return (
    <Table caption="Corner radii" head={['Token', 'Value', 'Drawn']}>
      {names.map((name) => {
        const value = VALUES.light.get(name) ?? ''
        return (
          <tr key={name} data-token={name}>
            <td className={cell}>
              <TokenName name={name} />
            </td>
            <td className={`${cell} pk:font-mono pk:text-xs`}>{value}</td>
            <td className={cell}>
              <span aria-hidden className="pk:block pk:size-12 pk:border-2 pk:border-presence-accent" style={{ borderRadius: value }} />
            </td>
          </tr>
        )
      })}
    </Table>
  )
}

function ValueTable({ names, caption }: { names: readonly string[]; caption: string }) {
  return (
    <Table caption={caption} head={['Token', 'Light', 'Dark']}>
      {names.map((name) => (
        <tr key={name} data-token={name}>
          <td className={cell}>
            <TokenName name={name} />
          </td>
          {THEMES.map((theme) => (
            <td key={theme} className={`${cell} pk:font-mono pk:text-xs`}>
              {VALUES[theme].get(name) ?? '—'}
            </td>
          ))}
        </tr>
      ))}
    </Table>
  )
}
