import { Listeners } from '../client'

/**
 * Wires a {@link VisibilityManager} to whatever tells the page's visibility; returns the function that unwires it.
 * `setVisible(undefined)` means "ask the document again".
 *
 * @example
 * visibilityManager.setEventListener((setVisible) => {
 *   const off = AppState.addEventListener('change', (state) => setVisible(state === 'active'))
 *   return () => off.remove()
 * })
 */
export type VisibilitySetup = (setVisible: (visible?: boolean) => void) => (() => void) | undefined

// The browser's page visibility, looked up when the first listener subscribes, never at import (SSR).
const documentVisibility: VisibilitySetup = (setVisible) => {
  const doc = (globalThis as { document?: EventTarget }).document
  if (!doc?.addEventListener) return undefined
  const listener = () => setVisible()
  doc.addEventListener('visibilitychange', listener)
  return () => doc.removeEventListener('visibilitychange', listener)
}

/**
 * Whether the page is visible, as an observable (TanStack Query's `focusManager`, for visibility). The heartbeat
 * pauses and the polling fallback waits while the page is hidden. Listens to the document only while something
 * subscribes; without a document (SSR, Node) the page counts as visible. `setVisible(true | false)` overrides the
 * document (tests, React Native), `setVisible(undefined)` hands back to it.
 *
 * @example
 * const off = visibilityManager.subscribe((visible) => console.log(visible ? 'shown' : 'hidden'))
 * visibilityManager.isVisible() // true
 */
export class VisibilityManager {
  readonly #listeners = new Listeners<boolean>()
  #visible: boolean | undefined
  #setup: VisibilitySetup = documentVisibility
  #cleanup: (() => void) | undefined
  #last: boolean | undefined

  /** Whether the page is visible now. */
  isVisible(): boolean {
    if (this.#visible !== undefined) return this.#visible
    const doc = (globalThis as { document?: { visibilityState?: string } }).document
    return doc?.visibilityState !== 'hidden'
  }

  /** Listens to changes; returns the function that stops listening. */
  subscribe(listener: (visible: boolean) => void): () => void {
    const off = this.#listeners.add(listener)
    if (this.#listeners.size === 1) {
      this.#last = this.isVisible()
      this.#cleanup = this.#setup((visible) => this.setVisible(visible))
    }
    return () => {
      off()
      if (this.#listeners.size === 0) {
        this.#cleanup?.()
        this.#cleanup = undefined
      }
    }
  }

  /** Overrides the visibility (`undefined`: follow the document again) and tells the listeners if it changed. */
  setVisible(visible?: boolean): void {
    this.#visible = visible
    const now = this.isVisible()
    if (now === this.#last) return
    this.#last = now
    this.#listeners.emit(now)
  }

  /** Replaces what tells the visibility (default: the document's `visibilitychange`). */
  setEventListener(setup: VisibilitySetup): void {
    this.#setup = setup
    if (this.#listeners.size === 0) return
    this.#cleanup?.()
    this.#cleanup = setup((visible) => this.setVisible(visible))
  }
}

/**
 * The page's {@link VisibilityManager}, shared by every runtime in the page.
 *
 * @example
 * if (visibilityManager.isVisible()) refresh()
 */
export const visibilityManager = new VisibilityManager()

/**
 * The visibility a consumer was given, else the page's: the one place that default is decided.
 *
 * @example
 * const visibility = visibilityOf(options)
 */
export function visibilityOf(options: { visibility?: VisibilityManager }): VisibilityManager {
  return options.visibility ?? visibilityManager
}
