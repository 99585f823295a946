// The tile tooltip in a DOM without layout (happy-dom here; jsdom, where apps often test, is the same or less): it is
// placed and shown, and a DOM without Element.getAnimations (jsdom has none) does not throw.
import { render, screen } from '@testing-library/react'
import { useRef } from 'react'
import { afterEach, expect, it } from 'vitest'
import { TileTooltip } from '../../../src/components/OnlineUsers/TileTooltip'

function Tile() {
  const anchor = useRef<HTMLButtonElement>(null)
  const header = useRef<HTMLElement>(null)
  return (
    <>
      <header ref={header}>Who&apos;s Online?</header>
      <button ref={anchor} type="button">
        alice
      </button>
      <TileTooltip id="tip" anchorRef={anchor} avoidRef={header} onDismiss={() => {}}>
        alice, Online
      </TileTooltip>
    </>
  )
}

const getAnimations = Object.getOwnPropertyDescriptor(Element.prototype, 'getAnimations')
afterEach(() => {
  if (getAnimations) Object.defineProperty(Element.prototype, 'getAnimations', getAnimations)
})

it('is placed and shown on mount', () => {
  render(<Tile />)
  const tip = screen.getByRole('tooltip')
  expect(tip.dataset.placement).toMatch(/^(top|bottom)$/)
  expect(tip.style.visibility).toBe('visible')
})

it('is placed in a DOM without Element.getAnimations', () => {
  expect(getAnimations).toBeDefined()
  // @ts-expect-error -- jsdom's Element, which has no getAnimations
  delete Element.prototype.getAnimations
  expect('getAnimations' in document.createElement('button')).toBe(false)
  render(<Tile />)
  expect(screen.getByRole('tooltip').style.visibility).toBe('visible')
})
