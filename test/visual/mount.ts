import type { ReactNode } from 'react'
import { flushSync } from 'react-dom'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, onTestFinished } from 'vitest'
import { cdp } from 'vitest/browser'

/** What the fresh element a test renders into is: its width and direction, as a page would set them. */
export interface HostAttributes {
  width?: string
  dir?: 'ltr' | 'rtl'
  lang?: string
}

/**
 * Renders `node` (synchronously) into a fresh element appended to the page, unmounted and removed when the test
 * ends; `root.render` renders again into the same element.
 */
export function mount(node: ReactNode, { width, dir, lang }: HostAttributes = {}): { host: HTMLElement; root: Root } {
  const host = document.createElement('div')
  if (width) host.style.width = width
  if (dir) host.dir = dir
  if (lang) host.lang = lang
  document.body.append(host)
  const root = createRoot(host)
  onTestFinished(() => {
    root.unmount()
    host.remove()
  })
  flushSync(() => root.render(node))
  return { host, root }
}

/**
 * Emulates these media features (`forced-colors: active`, `prefers-reduced-motion: reduce`) in Chromium, through the
 * DevTools protocol, for every test of the file that calls it; the page's own again after each.
 */
export function emulateMedia(...features: Array<{ name: string; value: string }>) {
  beforeEach(async () => {
    await cdp().send('Emulation.setEmulatedMedia', { features })
  })
  afterEach(async () => {
    await cdp().send('Emulation.setEmulatedMedia', { features: [] })
  })
}
